import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ArticleChangedError, readBody, sha256Hex } from "../../../scripts/read-body.ts";
import { attachBodies } from "../../../src/load/body-on-disk.ts";
import { loadArticles, type SourceFile } from "../../../src/load/load-articles.ts";
import type { Article } from "../../../src/model/article.ts";
import { articleText } from "../../support/articles.ts";
import { makeTempDir, ROOT, removeTempDirs } from "../../support/project-copy.ts";

afterAll(removeTempDirs);

const TRICKY = join(ROOT, "tests/fixtures/tricky-articles");

function sources(dir: string, leave: boolean): SourceFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .map((name) => ({
      path: name,
      bytes: readFileSync(join(dir, name)),
      ...(leave ? { leaveBody: { file: join(dir, name), sha256: sha256Hex, read: readBody } } : {}),
    }));
}

const paragraphsOf = (articles: readonly Article[]) => articles.map((article) => article.paragraphs);

describe("a build that leaves bodies on disk", () => {
  const held = loadArticles(sources(TRICKY, false), "Europe/Kyiv").articles;
  const left = loadArticles(sources(TRICKY, true), "Europe/Kyiv").articles;

  it("reads back every paragraph it parsed, from odd line endings, blank lines and controls alike", () => {
    expect(held.length).toBeGreaterThan(5);
    expect(paragraphsOf(left)).toEqual(paragraphsOf(held));
  });

  it("holds no body text where a shard's sources are hashed, and names the bytes there instead", () => {
    for (const [index, article] of left.entries()) {
      const json = JSON.stringify(article);
      expect(json).not.toContain(JSON.stringify(held[index]?.paragraphs.at(-1)).slice(1, -1));
      expect(article.bodyOnDisk?.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("gives a worker thread's copy its paragraphs back", () => {
    const copy = structuredClone(left);
    expect(copy.every((article) => !("paragraphs" in article))).toBe(true);
    attachBodies({ task: [copy] }, readBody);
    expect(paragraphsOf(copy)).toEqual(paragraphsOf(held));
  });

  it("fails, naming the file, when an article changes between parsing and rendering", () => {
    const dir = makeTempDir("bodies-on-disk");
    const file = join(dir, "001_00000000000000a1.txt");
    writeFileSync(
      file,
      articleText({ title: "First", date: "2026-01-01 10:00:00", abstract: "About it.", paragraphs: ["Old text."] }),
    );
    const [article] = loadArticles(sources(dir, true), "UTC").articles;
    writeFileSync(
      file,
      articleText({ title: "First", date: "2026-01-01 10:00:00", abstract: "About it.", paragraphs: ["New text."] }),
    );
    expect(() => article?.paragraphs).toThrow(ArticleChangedError);
    expect(() => article?.paragraphs).toThrow(`${file}: changed while the build read it`);
  });
});
