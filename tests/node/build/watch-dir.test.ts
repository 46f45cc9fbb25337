import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../support/project-copy.ts";

/** The paths in wrangler.toml's `[build] watch_dir = [...]`. */
function watchDirsOf(toml: string): string[] {
  const list = /^watch_dir = \[([^\]]*)\]/m.exec(toml)?.[1] ?? "";
  return [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
}

describe("wrangler dev watches the configuration and the templates", () => {
  const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8");

  it("watch_dir names articles/ and everything in src/ but the build's own output", () => {
    const watched = watchDirsOf(toml);
    const sources = readdirSync(join(ROOT, "src"))
      .filter((name) => name !== "generated")
      .map((name) => `src/${name}`);
    expect(watched.filter((path) => path.startsWith("src/")).sort()).toEqual(sources.sort());
    expect(watched).toContain("articles");
    expect(watched.some((path) => path === "src" || path.startsWith("src/generated"))).toBe(false);
  });
});
