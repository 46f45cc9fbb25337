import { describe, expect, it } from "vitest";
import { classifyEntries, freshArticleName, randomArticleId, skippedNotice } from "../../src/load/classify-entries.ts";

const ARTICLE = "007_0a1b2c3d4e5f6a7b.txt";
const noFolders = () => false;

/** Ids handed out in order, as a test's stand-in for randomness. */
function ids(...values: string[]): () => string {
  return () => values.shift() ?? "ffffffffffffffff";
}

describe("which files in articles/ are read", () => {
  it("skips editor backups, notes and any file not named .txt", () => {
    const strays = [
      `${ARTICLE}~`,
      `#${ARTICLE}#`,
      "007_0a1b2c3d4e5f6a7b.bak",
      `${ARTICLE}.orig`,
      `${ARTICLE}.swp`,
      "README.md",
      "photo.jpg",
      "notes",
    ];
    expect(classifyEntries([ARTICLE, ...strays], noFolders)).toEqual({ read: [ARTICLE], skipped: [...strays].sort() });
  });

  it("passes over dot-files and folders without a word, asking about folders only for other names", () => {
    const asked: string[] = [];
    const isDirectory = (name: string) => {
      asked.push(name);
      return name === "media";
    };
    const result = classifyEntries([".DS_Store", `.${ARTICLE}.swp`, `.#${ARTICLE}`, "media", ARTICLE], isDirectory);
    expect(result).toEqual({ read: [ARTICLE], skipped: [] });
    expect(asked.sort()).toEqual([ARTICLE, "media"]);
  });

  it("reads every .txt file, whatever its name, so a misnamed article is reported rather than lost", () => {
    const names = ["notes.txt", "7_0a1b2c3d4e5f6a7b.txt", "README.TXT", ARTICLE];
    expect(classifyEntries(names, noFolders)).toEqual({ read: [...names].sort(), skipped: [] });
  });
});

describe("the notice about skipped files", () => {
  it("is one line naming the files and what is read instead", () => {
    expect(skippedNotice("articles", ["README.md", `${ARTICLE}~`])).toBe(
      `articles: skipped 2 files that are not articles (README.md, ${ARTICLE}~); only NNN_<16 hex>.txt files are read`,
    );
    expect(skippedNotice("articles", ["README.md"])).toBe(
      "articles: skipped 1 file that is not an article (README.md); only NNN_<16 hex>.txt files are read",
    );
  });

  it("names at most five files", () => {
    const names = ["a", "b", "c", "d", "e", "f", "g"];
    expect(skippedNotice("articles", names)).toBe(
      "articles: skipped 7 files that are not articles (a, b, c, d, e and 2 more); only NNN_<16 hex>.txt files are read",
    );
  });

  it("is not printed when nothing was skipped", () => {
    expect(skippedNotice("articles", [])).toBeUndefined();
  });
});

describe("a fresh article name", () => {
  it("takes the next number after the highest, padded to three digits", () => {
    expect(freshArticleName(["000_0000000000000000.txt", "006_0000000000000006.txt"], ids("3f9c0a1b2c3d4e5f"))).toBe(
      "007_3f9c0a1b2c3d4e5f.txt",
    );
    expect(freshArticleName([], ids("3f9c0a1b2c3d4e5f"))).toBe("000_3f9c0a1b2c3d4e5f.txt");
    expect(freshArticleName(["1234_0000000000000000.txt", "notes.txt"], ids("3f9c0a1b2c3d4e5f"))).toBe(
      "1235_3f9c0a1b2c3d4e5f.txt",
    );
  });

  it("never takes an id that any name already holds", () => {
    const taken = ["000_3f9c0a1b2c3d4e5f.txt", "001_aaaaaaaaaaaaaaaa.txt~"];
    expect(freshArticleName(taken, ids("3f9c0a1b2c3d4e5f", "aaaaaaaaaaaaaaaa", "0123456789abcdef"))).toBe(
      "002_0123456789abcdef.txt",
    );
  });

  it("uses 16 random lowercase hex digits by default", () => {
    expect(randomArticleId()).toMatch(/^[0-9a-f]{16}$/);
    expect(randomArticleId()).not.toBe(randomArticleId());
    expect(freshArticleName([ARTICLE])).toMatch(/^008_[0-9a-f]{16}\.txt$/);
  });
});
