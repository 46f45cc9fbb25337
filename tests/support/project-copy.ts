// Private copies of the project for suites that run its real build, wrangler or workerd, so
// they never touch the checkout's build output (which another run may be serving) and are not
// disturbed by edits made to the checkout meanwhile.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileNameOf, numberedArticleText } from "./articles.ts";
import { testSiteConfigModule } from "./test-site.ts";

/** The checkout root: the build hashes src/ relative to it, so builds run from here. */
export const ROOT = resolve(import.meta.dirname, "../..");

const tempDirs: string[] = [];

/** A fresh temp folder, removed by `removeTempDirs`. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `feed-publisher-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The environment for a build or wrangler started by a test: the runner's, less what would
 * choose the build's behaviour. Vitest itself sets BASE_URL (to "/", Vite's base path), which
 * the build would take as the site's address.
 */
export function childEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const { WRANGLER_COMMAND: _, BASE_URL: __, SITE_DIR: ___, ...env } = process.env;
  return { ...env, WRANGLER_SEND_METRICS: "false", CI: "1", ...extra };
}

/** A folder of `count` valid articles numbered from `first`. */
export function writeGoodArticles(dir: string, count: number, first = 0): void {
  mkdirSync(dir, { recursive: true });
  for (let n = first; n < first + count; n++) writeFileSync(join(dir, fileNameOf(n)), numberedArticleText(n));
}

/** Top-level entries the Worker's build never reads: tests, tooling output, history. */
const SKIPPED = new Set([".git", ".wrangler", "node_modules", "bench", "docs", "test-artifacts", "tests", "dist"]);

export interface ProjectCopy {
  readonly dir: string;
  readonly remove: () => void;
}

/**
 * The project as it is in a temp folder, but its build output (src/generated/, dist/): the real
 * wrangler.toml, site configuration and articles, sharing node_modules by symlink.
 */
export function copyProject(prefix: string): ProjectCopy {
  const dir = makeTempDir(prefix);
  for (const entry of readdirSync(ROOT)) {
    if (SKIPPED.has(entry)) continue;
    cpSync(join(ROOT, entry), join(dir, entry), {
      recursive: true,
      filter: (source) => !source.startsWith(join(ROOT, "src", "generated")),
    });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A copy of the project for a test: the test site in src/site-config.ts, `count` good articles
 * instead of the checkout's, and wrangler.toml as it is but for the Worker's name and the build
 * command (this Node, no npm) and with no site address set (BASE_URL in the environment of
 * whatever builds it sets one).
 */
export function makeProjectCopy(prefix: string, count = 2): string {
  const { dir } = copyProject(prefix);
  writeFileSync(join(dir, "src/site-config.ts"), testSiteConfigModule());
  rmSync(join(dir, "articles"), { recursive: true, force: true });
  writeGoodArticles(join(dir, "articles"), count);
  writeFileSync(
    join(dir, "wrangler.toml"),
    readFileSync(join(ROOT, "wrangler.toml"), "utf8")
      .replace(/^name = .*$/m, `name = "feed-publisher-${prefix}"`)
      .replace(/^command = .*$/m, `command = '"${process.execPath}" scripts/build-articles.ts'`)
      .replace(/^BASE_URL = .*$/m, 'BASE_URL = ""'),
  );
  return dir;
}
