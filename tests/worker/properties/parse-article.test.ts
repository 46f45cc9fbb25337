import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadArticles } from "../../../src/load/load-articles.ts";
import { parseArticle } from "../../../src/load/parse-article.ts";
import { assignLegacySlugs } from "../../../src/model/legacy-slug.ts";
import { articlePath } from "../../../src/model/paths.ts";
import { MAX_SLUG_LENGTH, slugify } from "../../../src/model/slugify.ts";
import { expectedLine } from "./expected-text.ts";
import { articleFields, hexId, hostileText, settings, toArticleFile } from "./hostile-text.ts";

const TIMEOUT_MS = 60_000;
const PATH = "articles/001_0a1b2c3d4e5f6a7b.txt";
const lineEnd = fc.constantFrom<"\n" | "\r\n">("\n", "\r\n");

/** Groups of non-empty expected lines; an empty line separates paragraphs, as in the format. */
function expectedParagraphs(paragraphs: readonly (readonly string[])[]): string[] {
  return paragraphs.flatMap((lines) => {
    const groups: string[][] = [[]];
    for (const line of lines.map(expectedLine)) {
      if (line === "") groups.push([]);
      else groups.at(-1)?.push(line);
    }
    return groups.filter((g) => g.length > 0).map((g) => g.join("\n"));
  });
}

describe("parseArticle on arbitrary text", () => {
  it("either succeeds or reports errors that name the file and a line in it, never throws", {
    timeout: TIMEOUT_MS,
  }, () => {
    fc.assert(
      fc.property(hostileText(400), (text) => {
        const result = parseArticle(PATH, text, "UTC");
        const lineCount = text.split("\n").length;
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const problem of result.errors) {
            expect(problem.path).toBe(PATH);
            expect(Number.isInteger(problem.line)).toBe(true);
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.line).toBeLessThanOrEqual(lineCount + 1);
            expect(problem.message.length).toBeGreaterThan(0);
          }
        }
      }),
      settings(3000),
    );
  });

  it("keeps every field exactly, minus what no reader can show and surrounding white space", {
    timeout: TIMEOUT_MS,
  }, () => {
    fc.assert(
      fc.property(articleFields(60), lineEnd, (fields, end) => {
        const result = parseArticle(PATH, toArticleFile(fields, "2025-02-24 01:27:00", end), "UTC");
        const title = expectedLine(fields.title);
        const abstract = expectedLine(fields.abstract);
        const paragraphs = expectedParagraphs(fields.paragraphs);
        // Every missing field is reported, each on its own line, in one pass.
        const missing = [title === "" && 1, abstract === "" && 5, paragraphs.length === 0 && 6].filter(
          (line) => line !== false,
        );
        if (missing.length > 0) {
          expect(result.ok ? [] : result.errors.map((e) => e.line)).toEqual(missing);
          return;
        }
        if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.errors)}`);
        expect(result.article.title).toBe(title);
        expect(result.article.abstract).toBe(abstract);
        expect(result.article.paragraphs).toEqual(paragraphs);
      }),
      settings(3000),
    );
  });
});

describe("a CR inside a line", () => {
  // Found by the property above: XML readers turned it into LF while JSON Feed kept CR.
  it("is carried as a space in every field", () => {
    const result = parseArticle(PATH, "A\rB\n\n2025-02-24 01:27:00\n\nAbstract: C\rD\r\n\nE\rF\r", "UTC");
    expect(result.ok && result.article).toMatchObject({ title: "A B", abstract: "C D", paragraphs: ["E F"] });
  });
});

describe("loadArticles on arbitrary bytes", () => {
  it("never throws, and reports every problem with file and line", { timeout: TIMEOUT_MS }, () => {
    const file = fc.record({
      name: fc.oneof(
        hexId.map((id) => `001_${id}.txt`),
        fc.string({ maxLength: 30 }),
        fc.constantFrom("001_0a1b2c3d4e5f6a7b.txt", "../etc/passwd", "002_0A1B2C3D4E5F6A7B.txt"),
      ),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        hostileText(300).map((text) => new TextEncoder().encode(text)),
      ),
    });
    fc.assert(
      fc.property(fc.array(file, { maxLength: 5 }), (files) => {
        const result = loadArticles(
          files.map((f) => ({ path: `articles/${f.name}`, bytes: f.bytes })),
          "Europe/Kyiv",
        );
        for (const problem of [...result.errors, ...result.warnings]) {
          expect(problem.path.startsWith("articles/")).toBe(true);
          expect(problem.line).toBeGreaterThanOrEqual(1);
        }
        if (result.errors.length > 0) expect(result.articles).toEqual([]);
        for (const article of result.articles) {
          expect(article.slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
          expect(article.legacySlug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        }
      }),
      settings(2000),
    );
  });
});

describe("slugs of arbitrary titles", () => {
  it("give every article its own path of safe segments, and unique legacy slugs", { timeout: TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(hexId, hostileText(120)), { selector: ([id]) => id, maxLength: 6 }),
        (pairs) => {
          const paths = pairs.map(([id, title]) => articlePath({ id, slug: slugify(title) }));
          expect(new Set(paths).size).toBe(paths.length);
          for (const path of paths) expect(path).toMatch(/^\/articles\/[0-9a-f]{16}(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
          const legacy = [...assignLegacySlugs(pairs.map(([id, title], epochMs) => ({ id, title, epochMs }))).values()];
          expect(new Set(legacy).size).toBe(legacy.length);
          for (const slug of legacy) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        },
      ),
      settings(3000),
    );
  });

  it("end at a word boundary: whole leading words, or a single over-long word cut", () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,30}$/);
    const longWord = fc.stringMatching(new RegExp(`^[a-z]{${MAX_SLUG_LENGTH + 1},${MAX_SLUG_LENGTH + 20}}$`));
    fc.assert(
      fc.property(fc.array(fc.oneof(word, longWord), { minLength: 1, maxLength: 20 }), (words) => {
        const slug = slugify(words.join(" "));
        const first = words[0] ?? "";
        if (first.length > MAX_SLUG_LENGTH) {
          expect(slug).toBe(first.slice(0, MAX_SLUG_LENGTH));
        } else {
          const prefixes = words.map((_, n) => words.slice(0, n + 1).join("-"));
          const kept = prefixes.indexOf(slug);
          expect(kept).toBeGreaterThanOrEqual(0);
          expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
          // The next word would not have fitted.
          if (kept < prefixes.length - 1) expect(prefixes[kept + 1]?.length).toBeGreaterThan(MAX_SLUG_LENGTH);
        }
      }),
      settings(1000),
    );
  });
});
