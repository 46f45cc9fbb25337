import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { articleFileName } from "../../../src/model/paths.ts";
import { articleShardPath } from "../../../src/model/shard-file.ts";
import { readBuild, runBuild, spreadIdOf, writeSpreadArticles } from "../../support/build-fixtures.ts";
import { commitFolder } from "../../support/git-repo.ts";
import { makeTempDir, removeTempDirs } from "../../support/project-copy.ts";

afterAll(removeTempDirs);

const COUNT = 300;

describe("a rebuild after one article is edited", () => {
  it("renders only that article's shard and feed-page shard again, and writes exactly what a build from scratch writes", () => {
    const dir = makeTempDir("incremental");
    const articles = join(dir, "articles");
    writeSpreadArticles(articles, COUNT);
    commitFolder(dir, "2025-01-01T00:00:00Z");
    const out = join(dir, "generated", "site-manifest.ts");
    const first = runBuild(articles, out);
    expect(first.status, first.stderr).toBe(0);
    const shards = /(\d+) of (\d+) article shards rendered/.exec(first.stdout);
    expect(shards?.[1]).toBe(shards?.[2]);
    const before = readBuild(out);

    const edited = articleFileName(7, spreadIdOf(7));
    appendFileSync(join(articles, edited), "\nA correction, added later.\n");
    const again = runBuild(articles, out);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/ 1 of \d+ article shards rendered/);
    const after = readBuild(out);
    const changed = Object.keys(after.files).filter((path) => after.files[path] !== before.files[path]);
    expect(changed.filter((path) => path.startsWith("/a/"))).toEqual([articleShardPath(spreadIdOf(7))]);
    // Its archive documents too (every page of 300 articles is complete), and no other page's.
    expect(again.stdout).toMatch(/, 1 of 15 feed-page shards/);
    expect(changed.filter((path) => path.startsWith("/f/"))).toHaveLength(1);

    const scratch = join(dir, "scratch", "site-manifest.ts");
    expect(runBuild(articles, scratch).status).toBe(0);
    expect(readBuild(scratch)).toEqual(after);
  });
});
