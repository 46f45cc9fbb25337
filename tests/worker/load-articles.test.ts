import { describe, expect, it } from "vitest";
import { loadArticles, MAX_ARTICLE_BYTES, type SourceFile } from "../../src/load/load-articles.ts";
import { formatProblem } from "../../src/load/problem.ts";
import { MAX_SLUG_LENGTH, slugify } from "../../src/model/slugify.ts";
import { articleText, idOf, loadSources, plainArticle, sourceFile } from "../support/articles.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const good = articleText(plainArticle(1, "2025-01-01 10:00:00"));

function file(path: string, text: string | Uint8Array): SourceFile {
  return { path, bytes: typeof text === "string" ? encode(text) : text };
}

describe("loading a set of article files", () => {
  it("orders articles newest first, ties broken by id", () => {
    const { articles } = loadSources([
      plainArticle(3, "2025-01-02 08:00:00"),
      plainArticle(1, "2025-03-01 08:00:00"),
      plainArticle(2, "2025-01-02 08:00:00"),
    ]);
    expect(articles.map((a) => a.id)).toEqual([idOf(1), idOf(2), idOf(3)]);
  });

  it("takes the id from the file name, and accepts a number longer than three digits", () => {
    const { articles, errors } = loadArticles([file("articles/1234_0a1b2c3d4e5f6a7b.txt", good)], "UTC");
    expect(errors).toEqual([]);
    expect(articles[0]?.id).toBe("0a1b2c3d4e5f6a7b");
  });

  it("says where each article's date line is, for messages about when it goes live", () => {
    const spaced = `Title\n\n\n${good.split("\n").slice(2).join("\n")}`;
    const { dateLines } = loadArticles([file("articles/001_0a1b2c3d4e5f6a7b.txt", spaced)], "UTC");
    expect(dateLines.get("0a1b2c3d4e5f6a7b")).toEqual({ path: "articles/001_0a1b2c3d4e5f6a7b.txt", line: 4 });
  });

  it("strips a UTF-8 byte-order mark", () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(good)]);
    const { articles } = loadArticles([file("articles/001_0a1b2c3d4e5f6a7b.txt", withBom)], "UTC");
    expect(articles[0]?.title).toBe("Article number 1");
  });

  it("decodes invalid UTF-8 as U+FFFD and warns with the file and line", () => {
    const bytes = encode(good.replace("First paragraph", "First @ paragraph"));
    bytes[bytes.indexOf(0x40)] = 0xff;
    const { articles, warnings, errors } = loadArticles([file("articles/001_0a1b2c3d4e5f6a7b.txt", bytes)], "UTC");
    expect(errors).toEqual([]);
    expect(articles[0]?.paragraphs[0]).toBe("First \uFFFD paragraph of article 1.");
    expect(warnings.map(formatProblem)).toEqual([
      "warning: articles/001_0a1b2c3d4e5f6a7b.txt:7: invalid UTF-8 was replaced with U+FFFD; expected the file to be saved as UTF-8",
    ]);
  });

  it("takes an article of 1 MiB and refuses a byte more, listing the other files' problems too", () => {
    const padded = (bytes: number) => `${good.trimEnd()}\n\n${"x".repeat(bytes - encode(good.trimEnd()).length - 3)}\n`;
    expect(encode(padded(MAX_ARTICLE_BYTES)).length).toBe(MAX_ARTICLE_BYTES);
    const fits = loadArticles([file("articles/001_0a1b2c3d4e5f6a7b.txt", padded(MAX_ARTICLE_BYTES))], "UTC");
    expect(fits.errors).toEqual([]);
    const { errors } = loadArticles(
      [
        file("articles/001_0a1b2c3d4e5f6a7b.txt", padded(MAX_ARTICLE_BYTES + 1)),
        file("articles/002_1a1b2c3d4e5f6a7b.txt", good.replace("2025-01-01 10:00:00", "2025-02-30 10:00:00")),
      ],
      "UTC",
    );
    expect(errors.map(formatProblem)).toEqual([
      "articles/001_0a1b2c3d4e5f6a7b.txt:1: the file is 1,048,577 bytes; expected at most 1,048,576 (1 MiB): split it into several articles",
      'articles/002_1a1b2c3d4e5f6a7b.txt:3: date "2025-02-30 10:00:00" is not a real time; expected YYYY-MM-DD HH:MM:SS (24-hour clock)',
    ]);
  });

  it("rejects file names that are not NNN_<16 lowercase hex>.txt, proposing a fresh name", () => {
    for (const name of ["1_0a1b2c3d4e5f6a7b.txt", "001_0A1B2C3D4E5F6A7B.txt", "001_0a1b2c3d.txt", "notes.md"]) {
      const { errors } = loadArticles([file(`articles/${name}`, good)], "UTC", () => "3f9c0a1b2c3d4e5f");
      const next = /^\d+/.test(name) ? "002" : "000";
      expect(errors.map(formatProblem)).toEqual([
        `articles/${name}:1: file name "${name}" is not an article name; expected NNN_<16 lowercase hex digits>.txt: rename it to ${next}_3f9c0a1b2c3d4e5f.txt`,
      ]);
    }
  });

  it("proposes a different number and id for each misnamed file, after the highest number and ids in use", () => {
    const freshIds = ["0a1b2c3d4e5f6a7b", "1111111111111111", "2222222222222222"];
    const { errors } = loadArticles(
      [
        file("articles/006_0a1b2c3d4e5f6a7b.txt", good),
        file("articles/copy of article.txt", good.replace("Article number 1", "Another")),
        file("articles/notes.txt", good.replace("Article number 1", "A third")),
      ],
      "UTC",
      () => freshIds.shift() ?? "ffffffffffffffff",
    );
    expect(errors.map((e) => e.message.replace(/.*rename it to /, ""))).toEqual([
      "007_1111111111111111.txt",
      "008_2222222222222222.txt",
    ]);
  });

  it("rejects two files with the same id, naming both", () => {
    const { errors } = loadArticles(
      [file("articles/001_0a1b2c3d4e5f6a7b.txt", good), file("articles/002_0a1b2c3d4e5f6a7b.txt", good)],
      "UTC",
    );
    expect(errors.map(formatProblem)).toEqual([
      "articles/002_0a1b2c3d4e5f6a7b.txt:1: id 0a1b2c3d4e5f6a7b is already used by articles/001_0a1b2c3d4e5f6a7b.txt; expected every article to have its own 16-hex-digit id",
    ]);
  });

  it("reports every bad file at once and publishes nothing", () => {
    const result = loadArticles(
      [
        sourceFile(plainArticle(1, "2025-01-01 10:00:00"), 1),
        file("articles/002_0000000000000002.txt", `\n${good}`),
        file("articles/003_0000000000000003.txt", good.replace("2025-01-01 10:00:00", "2025-13-01 10:00:00")),
        file("articles/004_0000000000000004.txt", good.replace(/\n\nFirst[\s\S]*$/, "\n")),
      ],
      "UTC",
    );
    expect(result.articles).toEqual([]);
    expect(result.errors.map((e) => `${e.path}:${e.line}`)).toEqual([
      "articles/002_0000000000000002.txt:1",
      "articles/003_0000000000000003.txt:3",
      "articles/004_0000000000000004.txt:6",
    ]);
  });
});

describe("slugs", () => {
  it("are readable ASCII from the title, Cyrillic transliterated", () => {
    expect(slugify("Zelenskyy willing to resign – for NATO?")).toBe("zelenskyy-willing-to-resign-for-nato");
    expect(slugify("Відновлення київського метро: нова станція")).toBe("vidnovlennia-kyivskoho-metro-nova-stantsiia");
    expect(slugify("Café déjà vu")).toBe("cafe-deja-vu");
    expect(slugify("astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ＦＵＬＬ")).toBe("astral-unicode-full");
  });

  it("are one safe path segment of bounded length", () => {
    const slug = slugify(`${"word ".repeat(100)}../..%2F?#`);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("drop apostrophes instead of splitting the word there", () => {
    expect(slugify("The user's guide")).toBe("the-users-guide");
    expect(slugify("Kyiv's metro")).toBe("kyivs-metro");
    expect(slugify("Kyiv’s metro, users’ rights")).toBe("kyivs-metro-users-rights");
    expect(slugify("Kyivʼs ＇quoted＇ ‘single’ O´Brien")).toBe("kyivs-quoted-single-obrien");
    expect(slugify("М'ята та пам’ять")).toBe("miata-ta-pamiat");
  });

  it("are cut after the last whole word that fits", () => {
    const title = `${"alpha ".repeat(13)}omega`; // 13 × "alpha-" is 78 characters
    expect(slugify(title)).toBe(`${"alpha-".repeat(12)}alpha`);
    expect(slugify(`${"x".repeat(MAX_SLUG_LENGTH)} y`)).toBe("x".repeat(MAX_SLUG_LENGTH));
    expect(slugify(`a ${"x".repeat(100)}`)).toBe("a");
  });

  it("cut a single word only when it alone is longer than the limit", () => {
    expect(slugify(`${"x".repeat(100)} after`)).toBe("x".repeat(MAX_SLUG_LENGTH));
  });

  it("may be shared: titles that collide keep their plain slug, the ids tell them apart", () => {
    const { articles } = loadSources([
      plainArticle(1, "2025-01-01 10:00:00", "Same title"),
      plainArticle(2, "2024-01-01 10:00:00", "Same title"),
    ]);
    expect(articles.map((a) => a.slug)).toEqual(["same-title", "same-title"]);
  });

  it("are empty when the title has nothing to spell", () => {
    const { articles } = loadSources([
      plainArticle(1, "2025-01-01 10:00:00", "🎉🎉 —"),
      plainArticle(2, "2025-01-02 10:00:00", "中文标题"),
    ]);
    expect(articles.map((a) => a.slug)).toEqual(["", ""]);
  });
});

describe("legacy slugs, the addresses the first versions published", () => {
  it("are exactly what those versions gave, collision rule and all", () => {
    const { articles } = loadSources([
      plainArticle(1, "2025-01-01 10:00:00", "Same title"),
      plainArticle(2, "2024-01-01 10:00:00", "Same title"),
      plainArticle(3, "2025-06-01 10:00:00", "Same title"),
      plainArticle(4, "2025-06-02 10:00:00", "The user's guide"),
      plainArticle(5, "2025-06-03 10:00:00", "🎉🎉 —"),
      plainArticle(6, "2025-06-04 10:00:00", `${"word ".repeat(8)}${"x".repeat(60)}`),
    ]);
    const legacyOf = (n: number) => articles.find((a) => a.id === idOf(n))?.legacySlug;
    expect(legacyOf(2)).toBe("same-title");
    expect(legacyOf(1)).toBe(`same-title-${idOf(1)}`);
    expect(legacyOf(3)).toBe(`same-title-${idOf(3)}`);
    expect(legacyOf(4)).toBe("the-user-s-guide");
    expect(legacyOf(5)).toBe(idOf(5));
    expect(legacyOf(6)).toBe(`${"word-".repeat(8)}${"x".repeat(40)}`);
  });
});
