// The names and numbers src/model/paths.ts writes are the ones it reads back: each is spelled
// in one place, for the build, the Worker and the tools alike.
import { describe, expect, it } from "vitest";
import {
  ARTICLE_ID,
  articleFileName,
  mediaNameOf,
  mediaPath,
  parseArticleFileName,
  shardOfPage,
} from "../../src/model/paths.ts";

const ID = "0a1b2c3d4e5f6a7b";

describe("an article's file name", () => {
  it("is read back as the number and id it was written with, at any width", () => {
    expect(articleFileName(7, ID)).toBe(`007_${ID}.txt`);
    expect(parseArticleFileName(articleFileName(7, ID))).toEqual({ number: 7, id: ID });
    expect(parseArticleFileName(articleFileName(12_345, ID, 5))).toEqual({ number: 12_345, id: ID });
  });

  it("is none with fewer than three digits, an id that is not 16 lowercase hex digits, or another extension", () => {
    for (const name of [`7_${ID}.txt`, "007_0A1B2C3D4E5F6A7B.txt", "007_0a1b2c3d4e5f6a7.txt", `007_${ID}.md`]) {
      expect(parseArticleFileName(name), name).toBeUndefined();
    }
  });

  it("holds an id the Worker accepts as one", () => {
    expect(ARTICLE_ID.test(parseArticleFileName(articleFileName(0, ID))?.id ?? "")).toBe(true);
    expect(ARTICLE_ID.test(`${ID}0`)).toBe(false);
  });
});

describe("a media file's served path", () => {
  it("gives back the file's name under articles/media/, in a subfolder too", () => {
    const sha256 = "ab".repeat(32);
    expect(mediaPath("grid.png", sha256)).toBe("/media/abababababababab/grid.png");
    expect(mediaNameOf(mediaPath("grid.png", sha256))).toBe("grid.png");
    expect(mediaNameOf(mediaPath("2025/map.png", sha256))).toBe("2025/map.png");
  });

  it("is no media file outside /media/<digest>/", () => {
    for (const path of ["/media/grid.png", "/articles/x/grid.png", "https://example.org/media/ab/grid.png"]) {
      expect(mediaNameOf(path), path).toBeUndefined();
    }
  });
});

describe("which shard holds a page", () => {
  it("puts pages 1 … N in shard 0, N+1 … 2N in shard 1", () => {
    expect([1, 16, 17, 32, 33].map((page) => shardOfPage(page, 16))).toEqual([0, 0, 1, 1, 2]);
  });
});
