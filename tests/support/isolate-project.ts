import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Top-level entries the Worker's build never reads: tests, tooling output, history. */
const SKIPPED = new Set([".git", ".wrangler", "node_modules", "bench", "docs", "test-artifacts", "tests", "dist"]);

export interface ProjectCopy {
  readonly dir: string;
  readonly remove: () => void;
}

/**
 * A private copy of the project (its own src/generated/, dist/ and .wrangler/), sharing
 * node_modules by symlink. The real wrangler.toml and build script run in it, so a suite
 * tests what ships, yet never overwrites the checkout's build output (which another
 * `wrangler dev` or test run may be using) and is not disturbed by edits made to the
 * checkout while it runs.
 */
export function copyProject(root: string): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), "feed-conformance-"));
  for (const entry of readdirSync(root)) {
    if (SKIPPED.has(entry)) continue;
    cpSync(join(root, entry), join(dir, entry), {
      recursive: true,
      filter: (source) => !source.startsWith(join(root, "src", "generated")),
    });
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
