import fc from "fast-check";
import { inject } from "vitest";
import { articleText } from "../../../scripts/article-text.ts";
import type {} from "../../support/provided-context.ts";

/**
 * Generators of the text people paste from anywhere. Every property uses the same fixed seed,
 * so a failure reproduces; fast-check prints the seed and path needed to replay it.
 */
export const SEED = 20_261_127;

/** `numRuns` is the full count; the run in force makes its share of them (tests/support/worker-project.ts). */
export function settings(numRuns: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: Math.max(1, Math.round(numRuns * inject("propertyRunShare"))) };
}

/** Characters and snippets that break naive XML, HTML, JSON or line splitting. */
const TRAPS = [
  "]]>",
  "]]",
  "<",
  ">",
  "&",
  '"',
  "'",
  "&amp;",
  "&#0;",
  "&lt;",
  "<![CDATA[",
  "</script>",
  "</style>",
  "</title>",
  "<!--",
  "-->",
  "<b onclick=x>",
  '" onmouseover="x',
  "<?xml",
  "\u0000",
  "\u0001",
  "\u0008",
  "\u000B",
  "\u000C",
  "\u001F",
  "\u007F",
  "\u0080",
  "\u0085",
  "\u009F",
  "\u00A0",
  "\u2028",
  "\u2029",
  "\u202E",
  "\u200B",
  "\uFEFF",
  "\uFFFD",
  "\uFFFE",
  "\uFFFF",
  "\uD800",
  "\uDBFF",
  "\uDC00",
  "\uDFFF",
  "\uD83D\uDE00",
  "\u{10FFFF}",
  "\t",
  " ",
  "\r",
  "Abstract:",
  "2025-02-24 01:27:00",
  "Ї",
  "عربى",
  "\u0301",
];

/** 0–0x1F: C0; 0x20: DEL; 0x21–0x40: C1 (U+0080–U+009F). */
function toControlCharacter(n: number): string {
  return String.fromCharCode(n < 0x20 ? n : n === 0x20 ? 0x7f : 0x80 + n - 0x21);
}

/** One unit of hostile text: a trap, a control character, any UTF-16 unit (lone surrogates too) or any code point. */
const hostileUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRAPS) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x40 }).map(toControlCharacter) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((n) => String.fromCodePoint(n)) },
  { weight: 6, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 8 }) },
);

/** Hostile text that may hold line breaks (LF, CR, CRLF) anywhere. */
export function hostileText(maxLength: number): fc.Arbitrary<string> {
  return fc.string({
    unit: fc.oneof({ weight: 12, arbitrary: hostileUnit }, { weight: 1, arbitrary: fc.constantFrom("\n", "\r\n") }),
    maxLength,
  });
}

/** Hostile text on one line: no LF, so it stays within the field it is written into. */
export function hostileLine(maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: hostileUnit, maxLength }).map((text) => text.replaceAll("\n", ""));
}

/** Sometimes very long: a short hostile line repeated up to `maxRepeat` times. */
export function longHostileLine(maxRepeat: number): fc.Arbitrary<string> {
  return fc.tuple(hostileLine(16), fc.integer({ min: 1, max: maxRepeat })).map(([line, times]) => line.repeat(times));
}

export interface ArticleFields {
  readonly title: string;
  readonly abstract: string;
  /** Each paragraph is a list of lines. */
  readonly paragraphs: readonly (readonly string[])[];
}

export function articleFields(lineLength: number): fc.Arbitrary<ArticleFields> {
  const line = fc.oneof(
    { weight: 9, arbitrary: hostileLine(lineLength) },
    { weight: 1, arbitrary: longHostileLine(400) },
  );
  return fc.record({
    title: line,
    abstract: line,
    paragraphs: fc.array(fc.array(line, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
  });
}

/** The fields written out in the article format, with LF or CRLF endings. */
export function toArticleFile(fields: ArticleFields, date: string, lineEnd: "\n" | "\r\n"): string {
  const paragraphs = fields.paragraphs.map((lines) => lines.join("\n"));
  return articleText({ title: fields.title, date, abstract: fields.abstract, paragraphs }, lineEnd);
}

export const hexId: fc.Arbitrary<string> = fc
  .array(fc.integer({ min: 0, max: 15 }), { minLength: 16, maxLength: 16 })
  .map((digits) => digits.map((d) => d.toString(16)).join(""));
