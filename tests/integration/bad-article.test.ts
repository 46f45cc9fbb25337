import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { fileNameOf, IMPOSSIBLE_DATE_ARTICLE, idOf, numberedArticleText } from "../support/articles.ts";
import { runBuild, siteDirFor, snapshotFolder } from "../support/build-fixtures.ts";
import { makeTempDir, removeTempDirs, writeGoodArticles } from "../support/project-copy.ts";

/** Bad files, each with the line and the words its error must carry. */
const BAD_FILES: readonly { name: string; text: string; line: number; reason: RegExp }[] = [
  {
    name: fileNameOf(900),
    text: `\n\n2025-03-01 10:00:00\n\nAbstract: A.\n\nBody.\n`,
    line: 1,
    reason: /first line is empty/,
  },
  {
    name: fileNameOf(901),
    text: IMPOSSIBLE_DATE_ARTICLE,
    line: 3,
    reason: /not a real time/,
  },
  {
    name: fileNameOf(902),
    text: `Title\n\n2025-03-01 10:00\n\nAbstract: A.\n\nBody.\n`,
    line: 3,
    reason: /not a date line/,
  },
  {
    name: fileNameOf(903),
    text: `Title\n\n2025-03-01 10:00:00\n\nSummary: A.\n\nBody.\n`,
    line: 5,
    reason: /no abstract/,
  },
  {
    name: fileNameOf(904),
    text: `Title\n\n2025-03-01 10:00:00\n\nAbstract:   \n\nBody.\n`,
    line: 5,
    reason: /abstract is empty/,
  },
  { name: fileNameOf(905), text: `Title\n\n2025-03-01 10:00:00\n\nAbstract: A.\n\n\n`, line: 6, reason: /no body/ },
  { name: "article-without-id.txt", text: numberedArticleText(906), line: 1, reason: /not an article name/ },
  { name: `999_${idOf(3)}.txt`, text: numberedArticleText(907), line: 1, reason: /already used/ },
];

describe("a build given a bad article among good ones", () => {
  afterAll(removeTempDirs);

  let articles: string;
  let out: string;
  let good: Buffer;
  let outputs: Map<string, Buffer>;

  beforeEach(() => {
    const dir = makeTempDir("bad");
    articles = join(dir, "articles");
    out = join(dir, "generated", "articles.ts");
    writeGoodArticles(articles, 5);
    const first = runBuild(articles, out);
    expect(first.status, first.stderr).toBe(0);
    good = readFileSync(out);
    outputs = snapshotFolder(join(out, ".."));
  });

  it.each(BAD_FILES)("$name: exits 1, says line $line and why, keeps the last output byte for byte", (bad) => {
    const before = statSync(out).mtimeMs;
    writeFileSync(join(articles, bad.name), bad.text);
    const run = runBuild(articles, out);
    expect(run.status).toBe(1);
    const message = run.stderr.split("\n").find((line) => line.includes(`${bad.name}:`)) ?? "";
    expect(message).toContain(`${bad.name}:${bad.line}: `);
    expect(message).toMatch(bad.reason);
    expect(run.stderr).toMatch(/build failed: .*the previous build is kept/);
    expect(readFileSync(out).equals(good)).toBe(true);
    expect(statSync(out).mtimeMs).toBe(before);
    // Every output (the module and anything the build keeps beside it) is as it was.
    expect(snapshotFolder(join(out, ".."))).toEqual(outputs);
  });

  it("lists every bad file at once, not only the first", () => {
    for (const bad of BAD_FILES) writeFileSync(join(articles, bad.name), bad.text);
    const run = runBuild(articles, out);
    expect(run.status).toBe(1);
    for (const bad of BAD_FILES) expect(run.stderr).toContain(`${bad.name}:${bad.line}: `);
    expect(readFileSync(out).equals(good)).toBe(true);
  });

  it("lists every problem in one file at once: a bad date, no abstract and no body", () => {
    writeFileSync(join(articles, fileNameOf(908)), "Title\n\n2025-02-30 10:00:00\n\nThe summary.\n");
    const run = runBuild(articles, out);
    expect(run.status).toBe(1);
    const lines = run.stderr.split("\n").filter((line) => line.includes(`${fileNameOf(908)}:`));
    expect(lines.map((line) => line.replace(/^.*\.txt:(\d+): .*$/, "$1"))).toEqual(["3", "5", "6"]);
    expect(run.stderr).toContain("build failed: 3 error(s) in 1 file(s)");
  });

  it("under wrangler dev, exits 0 so the running server reloads the kept build (workers-sdk#10646)", () => {
    const bad = BAD_FILES[1];
    writeFileSync(join(articles, bad?.name ?? ""), bad?.text ?? "");
    const dev = runBuild(articles, out, "dev");
    expect(dev.status).toBe(0);
    expect(dev.stderr).toContain(`${bad?.name}:${bad?.line}: `);
    expect(dev.stderr).toMatch(/build failed: .*wrangler dev keeps serving it/);
    expect(readFileSync(out).equals(good)).toBe(true);
    expect(runBuild(articles, out, "deploy").status).toBe(1);
    expect(runBuild(articles, join(out, "..", "first.ts"), "dev").status).toBe(1);
  });

  it("builds again once the bad file is fixed", () => {
    writeFileSync(join(articles, BAD_FILES[1]?.name ?? ""), numberedArticleText(901));
    const run = runBuild(articles, out);
    expect(run.status, run.stderr).toBe(0);
    // Published, so its page is a file at its address (docs/static-assets.md#served-alone).
    const page = join(siteDirFor(out), "articles", idOf(901), "article-number-901");
    expect(readFileSync(page, "utf8")).toContain("Article number 901");
  });
});
