import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBuild, snapshotFolder } from "../../support/build-fixtures.ts";
import { makeTempDir, ROOT, removeTempDirs, writeGoodArticles } from "../../support/project-copy.ts";

/**
 * tests/fixtures/field-errors/ holds one article per mistake a writer can make in the header
 * fields (docs/article-format.md, "What is rejected"), each otherwise valid; the file beside it
 * is what the build prints for the folder, line for line.
 */
const FIXTURES = "tests/fixtures/field-errors";
const EXPECTED = readFileSync(join(ROOT, "tests/fixtures/field-errors.expected.txt"), "utf8");

describe("a build of tests/fixtures/field-errors", () => {
  afterAll(removeTempDirs);

  it("prints every field error as path:line: message, exits 1 and keeps the previous build", () => {
    const dir = makeTempDir("field-errors");
    const out = join(dir, "generated", "site-manifest.ts");
    writeGoodArticles(join(dir, "articles"), 3);
    const first = runBuild(join(dir, "articles"), out);
    expect(first.status, first.stderr).toBe(0);
    const previous = snapshotFolder(join(out, ".."));

    const run = runBuild(FIXTURES, out);

    expect(run.stderr).toBe(EXPECTED);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(snapshotFolder(join(out, ".."))).toEqual(previous);
  });

  it("has an expected error for every fixture file, so no fixture goes unchecked", () => {
    const articles = readdirSync(join(ROOT, FIXTURES)).filter((name) => name.endsWith(".txt"));
    expect(articles.length).toBeGreaterThanOrEqual(13);
    for (const name of articles) expect(EXPECTED).toContain(`${FIXTURES}/${name}:`);
  });
});
