import { describe, expect, it } from "vitest";
import { loadArticles } from "../../src/load/load-articles.ts";
import { parseArticle } from "../../src/load/parse-article.ts";
import { formatProblem } from "../../src/load/problem.ts";
import { mediaPath } from "../../src/model/paths.ts";
import { toRfc3339 } from "../../src/model/time.ts";
import { PNG_3X2, TINY_GIF } from "../support/images.ts";

const PATH = "articles/001_0a1b2c3d4e5f6a7b.txt";

/** An article file with `fields` between the date line and the abstract. */
function withFields(...fields: string[]): string {
  return `Title\n\n2025-02-24 01:27:00\n${fields.join("\n")}\n\nAbstract: The summary.\n\nFirst paragraph.\n`;
}

function parsed(text: string, timeZone = "UTC") {
  const result = parseArticle(PATH, text, timeZone);
  if (!result.ok) throw new Error(result.errors.map(formatProblem).join("\n"));
  return result.article;
}

function errorsOf(text: string): string[] {
  const result = parseArticle(PATH, text, "UTC");
  return result.ok ? [] : result.errors.map(formatProblem);
}

describe("optional header fields", () => {
  it("leaves a file without fields exactly as before: title, date, abstract and text only", () => {
    const article = parsed(
      "Title\n\n2025-02-24 01:27:00\n\nAbstract: The summary.\n\nFirst paragraph.\n\nSecond paragraph.",
    );
    expect(Object.keys(article).sort()).toEqual(["abstract", "paragraphs", "published", "title"]);
  });

  it("reads every field, one per line, in any order, blank lines allowed", () => {
    const article = parsed(
      withFields(
        "Slug: grid-repairs",
        "Tags: Energy, Kyiv,  Power grid ",
        "",
        "Author: Olena Kovalenko",
        "Updated: 2025-02-25 08:00:00",
        "Image: https://images.example.org/grid.jpg",
      ),
    );
    expect(article.tags).toEqual([
      { label: "Energy", slug: "energy" },
      { label: "Kyiv", slug: "kyiv" },
      { label: "Power grid", slug: "power-grid" },
    ]);
    expect(article.author).toBe("Olena Kovalenko");
    expect(article.updated && toRfc3339(article.updated)).toBe("2025-02-25T08:00:00Z");
    expect(article.image).toMatchObject({ kind: "remote", url: "https://images.example.org/grid.jpg" });
    expect(article.slug).toBe("grid-repairs");
    expect(article.abstract).toBe("The summary.");
    expect(article.paragraphs).toEqual(["First paragraph."]);
  });

  it("makes readable ASCII tag addresses from any script", () => {
    expect(parsed(withFields("Tags: Енергетика, Café society")).tags).toEqual([
      { label: "Енергетика", slug: "enerhetyka" },
      { label: "Café society", slug: "cafe-society" },
    ]);
  });

  it("reads the update time in the site's zone, like the date line", () => {
    const article = parsed(
      withFields("Updated: 2025-07-01 09:30:00").replace("2025-02-24", "2025-06-24"),
      "Europe/Kyiv",
    );
    expect(article.updated && toRfc3339(article.updated)).toBe("2025-07-01T09:30:00+03:00");
  });

  it("keeps a body line that looks like a field as text when it is not the fields' place", () => {
    const text =
      "Title\n\n2025-02-24 01:27:00\n\nAbstract: The summary.\n\nHe said: the Tags: line is not here.\nAuthor: a witness.\n";
    expect(parsed(text).paragraphs).toEqual(["He said: the Tags: line is not here.\nAuthor: a witness."]);
  });
});

describe("header field errors, each naming the file and line and what was expected", () => {
  const at = (line: number, message: string) => `${PATH}:${line}: ${message}`;

  it("rejects an unknown field and lists the known ones", () => {
    expect(errorsOf(withFields("Tag: Energy"))).toEqual([
      at(
        4,
        'unknown field "Tag:"; expected one of Tags:, Author:, Updated:, Image:, Slug: (or Abstract: to end the fields)',
      ),
    ]);
  });

  it("rejects a field given twice", () => {
    expect(errorsOf(withFields("Author: A. Writer", "Author: B. Writer"))).toEqual([
      at(5, "field Author: is given again (first on line 4); expected each field at most once"),
    ]);
  });

  it("rejects malformed values", () => {
    expect(errorsOf(withFields("Tags: Energy,, Kyiv"))[0]).toBe(
      at(4, 'an empty tag in "Energy,, Kyiv"; expected topics separated by commas, e.g. Tags: Energy, Kyiv'),
    );
    expect(errorsOf(withFields("Tags: Energy, energy"))[0]).toMatch(/tags "Energy" and "energy" are the same topic/);
    expect(errorsOf(withFields("Tags: ★"))[0]).toMatch(/tag "★" has no letter or digit/);
    expect(errorsOf(withFields("Author:"))[0]).toBe(
      at(4, "field Author: is empty; expected the author's name, e.g. Author: Olena Kovalenko"),
    );
    expect(errorsOf(withFields("Updated: yesterday"))[0]).toBe(
      at(4, 'update time "yesterday" is not a date line; expected YYYY-MM-DD HH:MM:SS (24-hour clock)'),
    );
    expect(errorsOf(withFields("Image: photo.jpg"))[0]).toMatch(
      /:4: image "photo.jpg" is neither a file under articles\/media\/ nor an absolute http\(s\) URL; expected Image: media\/<file name>/,
    );
    expect(errorsOf(withFields("Image: javascript:alert(1)"))[0]).toMatch(/is neither a file/);
    expect(errorsOf(withFields("Image: media/../secret.png"))[0]).toMatch(/is neither a file/);
    expect(errorsOf(withFields("Slug: Grid Repairs"))[0]).toMatch(
      /:4: slug "Grid Repairs" is not a slug; expected lowercase/,
    );
  });

  it("rejects an update time before the publication time", () => {
    expect(errorsOf(withFields("Updated: 2025-02-24 01:26:59"))).toEqual([
      at(
        4,
        "the update time is before the publication time on line 3; expected a correction to come after publication",
      ),
    ]);
  });

  it("rejects a field after the abstract, in the abstract or as the first paragraph", () => {
    const inAbstract = "Title\n\n2025-02-24 01:27:00\n\nAbstract: The summary.\nTags: Energy\n\nBody.\n";
    expect(errorsOf(inAbstract)).toEqual([
      at(6, "field Tags: comes after the abstract; expected the fields between the date line and the Abstract: line"),
    ]);
    const asParagraph =
      "Title\n\n2025-02-24 01:27:00\n\nAbstract: The summary.\n\nAuthor: Olena\nTags: Energy\n\nBody.\n";
    expect(errorsOf(asParagraph)).toHaveLength(2);
    expect(errorsOf(asParagraph)[0]).toMatch(/:7: field Author: comes after the abstract/);
  });

  it("reports an unlabelled abstract shaped like a field as a missing abstract, once", () => {
    const text = "Title\n\n2025-02-24 01:27:00\n\nKyiv: the city woke to sirens.\n\nBody.\n";
    expect(errorsOf(text)).toEqual([
      at(
        5,
        'no abstract after the date (found "Kyiv: the city woke to sirens."); expected a line starting with "Abstract:"',
      ),
    ]);
  });

  it("lists every field problem of a file in one pass, with the other problems", () => {
    const text = "Title\n\n2025-02-30 01:27:00\nTags:\nColour: red\n\nAbstract:\n\nBody.\n";
    expect(errorsOf(text).map((e) => e.split(": ")[0])).toEqual([`${PATH}:3`, `${PATH}:4`, `${PATH}:5`, `${PATH}:7`]);
  });
});

describe("images under articles/media/", () => {
  const file = (text: string) => ({ path: PATH, bytes: new TextEncoder().encode(text) });
  const media = new Map([
    ["grid.png", { bytes: PNG_3X2, sha256: "ab".repeat(32) }],
    ["2025/anim.gif", { bytes: TINY_GIF, sha256: "cd".repeat(32) }],
    ["notes.txt", { bytes: new TextEncoder().encode("not an image"), sha256: "ef".repeat(32) }],
  ]);

  it("knows a served file's address, type, length and pixel size from its bytes", () => {
    const {
      articles,
      errors,
      media: served,
    } = loadArticles([file(withFields("Image: media/grid.png"))], "UTC", undefined, media);
    expect(errors).toEqual([]);
    expect(articles[0]?.image).toEqual({
      url: `/media/${"ab".repeat(8)}/grid.png`,
      mediaType: "image/png",
      length: PNG_3X2.length,
      width: 3,
      height: 2,
    });
    expect([...served.keys()]).toEqual([mediaPath("grid.png", "ab".repeat(32))]);
  });

  it("reads files in subfolders", () => {
    const { articles } = loadArticles([file(withFields("Image: media/2025/anim.gif"))], "UTC", undefined, media);
    expect(articles[0]?.image).toMatchObject({ mediaType: "image/gif", width: 1, height: 1 });
  });

  it("guesses a remote image's type from its extension and serves nothing", () => {
    const { articles, media: served } = loadArticles(
      [file(withFields("Image: https://images.example.org/a/grid.JPG?size=large"))],
      "UTC",
      undefined,
      media,
    );
    expect(articles[0]?.image).toEqual({
      url: "https://images.example.org/a/grid.JPG?size=large",
      mediaType: "image/jpeg",
    });
    expect(served.size).toBe(0);
  });

  it("rejects a missing file and a file that is not a web image, naming the line", () => {
    const missing = loadArticles([file(withFields("Author: A", "Image: media/nope.png"))], "UTC", undefined, media);
    expect(missing.errors.map(formatProblem)).toEqual([
      `${PATH}:5: image "media/nope.png" is not in articles/media/; expected a PNG, JPEG, GIF, WebP or AVIF file of at most 25 MiB in articles/media/`,
    ]);
    const text = loadArticles([file(withFields("Image: media/notes.txt"))], "UTC", undefined, media);
    expect(text.errors.map(formatProblem)[0]).toMatch(/:4: image "media\/notes.txt" is not an image that can be read/);
  });

  it("uses the Slug: field as the article's slug", () => {
    const { articles } = loadArticles([file(withFields("Slug: grid-repairs"))], "UTC");
    expect(articles[0]?.slug).toBe("grid-repairs");
  });
});
