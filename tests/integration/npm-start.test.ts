import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileNameOf, IMPOSSIBLE_DATE_ARTICLE } from "../support/articles.ts";
import { childEnv, makeProjectCopy, removeTempDirs } from "../support/project-copy.ts";

afterAll(removeTempDirs);

describe("npm start with a bad article and no previous build", () => {
  it("stops before wrangler, with only the problems and that line", { timeout: 60_000 }, () => {
    const dir = makeProjectCopy("start");
    writeFileSync(join(dir, "articles", fileNameOf(9)), IMPOSSIBLE_DATE_ARTICLE);
    const run = spawnSync("npm", ["start", "--silent"], {
      cwd: dir,
      encoding: "utf8",
      env: childEnv(),
      timeout: 50_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringContaining(`articles/${fileNameOf(9)}:3: `),
      expect.stringContaining("there is no previous build"),
    ]);
  });
});
