import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileNameOf, IMPOSSIBLE_DATE_ARTICLE } from "../support/articles.ts";
import { childEnv, makeProjectCopy, removeTempDirs } from "../support/project-copy.ts";

afterAll(removeTempDirs);

describe("npm start with a bad article and no previous build", () => {
  it("stops with only the problems and what to do: no stack trace, no dump", { timeout: 60_000 }, () => {
    const dir = makeProjectCopy("start");
    writeFileSync(join(dir, "articles", fileNameOf(9)), IMPOSSIBLE_DATE_ARTICLE);
    const run = spawnSync("npm", ["start", "--silent"], {
      cwd: dir,
      encoding: "utf8",
      env: childEnv(),
      timeout: 50_000,
    });
    expect(run.status).not.toBe(0);
    // Everything the terminal shows: wrangler's banner, the build it runs, and the build's lines.
    const lines = `${run.stdout}${run.stderr}`
      .split("\n")
      .filter((line) => line.replace("[custom build]", "").trim() !== "");
    expect(lines).toEqual([
      expect.stringMatching(/^ ⛅️ wrangler \d/),
      expect.stringMatching(/^─+$/),
      expect.stringMatching(/^\[custom build\] Running: /),
      expect.stringContaining(`[custom build] articles/${fileNameOf(9)}:3: `),
      expect.stringContaining("there is no previous build"),
    ]);
    expect(existsSync(join(dir, "dist", "dev"))).toBe(false);
  });
});
