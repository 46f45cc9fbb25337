import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findLinks, linkifyLinks } from "../../../src/render/find-links.ts";
import { hostileText, settings } from "./hostile-text.ts";

/** News prose: names, numbers, dates, abbreviations with dots, other scripts. */
const PROSE = [
  "The",
  "minister",
  "said",
  "Dr. Kovalenko",
  "U.S.",
  "e.g.",
  "i.e.",
  "a.m.",
  "No. 5",
  "3.5%",
  "1,200",
  "2025-03-04",
  "10:30",
  "St. Louis",
  "Київ",
  "Αθήνα",
  "東京都",
  "القاهرة",
  "עברית",
  "🇺🇦",
  "café",
  "report.pdf",
  "example.com",
  "news.ua",
  "Gov.UK",
  "desk@example.org",
];

/** Whole addresses, and pieces of them. */
const ADDRESSES = [
  "https://example.org/report",
  "http://news.example/a?b=1&c=2",
  "HTTPS://EXAMPLE.ORG",
  "https://en.wikipedia.org/wiki/Kyiv_(city)",
  "https://пример.рф/шлях",
  "www.example.org",
  "WWW.Example.COM/news",
  "www.пример.рф",
];

/** Pieces of addresses, and what is written around them. */
const AROUND = [
  "www.",
  "https://",
  "http:",
  "http",
  "www",
  "://",
  "/",
  "?q=",
  "#x",
  ".",
  ",",
  ";",
  ":",
  "!",
  "?",
  "-",
  "_",
  "@",
  "(",
  ")",
  "[",
  "]",
  '"',
  "'",
  "“",
  "”",
  "«",
  "»",
  "<",
  ">",
  "｜",
];

/**
 * What separates words, and what only looks as if it did: the breaks linkify-it knows (space,
 * no-break space, ideographic space, line and paragraph separators, tab, line feed, C1
 * controls) and characters it reads as part of a word (zero-width space, BOM, soft hyphen).
 */
const GAPS = [
  " ",
  " ",
  " ",
  "\u00a0",
  "\u3000",
  "\u2028",
  "\u2029",
  "\t",
  "\n",
  "\u0085",
  "\u200b",
  "\ufeff",
  "\u00ad",
];

const text = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PROSE) },
      { weight: 2, arbitrary: fc.constantFrom(...ADDRESSES) },
      { weight: 4, arbitrary: fc.constantFrom(...AROUND) },
      { weight: 5, arbitrary: fc.constantFrom(...GAPS) },
      { weight: 1, arbitrary: hostileText(6) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("finding links word by word", () => {
  it("finds exactly what linkify-it finds reading the whole text", () => {
    let texts = 0;
    let notAllLinks = 0;
    const parameters = settings(10_000);
    fc.assert(
      fc.property(text, (written) => {
        const expected = linkifyLinks(written);
        expect(findLinks(written)).toEqual(expected);
        if (expected.length > 0) texts++;
        // Texts where some "http:" or "www." starts no link: a dropped name before it, a letter, a broken host.
        if ((written.match(/https?:|www\./gi)?.length ?? 0) > expected.length) notAllLinks++;
      }),
      parameters,
    );
    // The generator must make texts with links, and texts where the letters alone would mislead.
    const runs = parameters.numRuns ?? 0;
    expect(texts).toBeGreaterThan(runs / 4);
    expect(notAllLinks).toBeGreaterThan(runs / 4);
  });
});
