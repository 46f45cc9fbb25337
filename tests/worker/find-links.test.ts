import { describe, expect, it } from "vitest";
import { findLinks, linkifyLinks } from "../../src/render/find-links.ts";

/** Each link as a reader sees it: the text that is linked and where it leads. */
function linksIn(text: string): [string, string][] {
  const found = findLinks(text);
  // The same answer as linkify-it reading all of the text, offsets and all.
  expect(found).toEqual(linkifyLinks(text));
  return found.map((link) => [text.slice(link.index, link.lastIndex), link.url]);
}

describe("web addresses found in a paragraph", () => {
  it("finds an address at the very start and at the very end of the text", () => {
    expect(linksIn("https://example.org/a opens it")).toEqual([["https://example.org/a", "https://example.org/a"]]);
    expect(linksIn("It is at www.example.org")).toEqual([["www.example.org", "http://www.example.org"]]);
    expect(linksIn("https://example.org")).toEqual([["https://example.org", "https://example.org"]]);
  });

  it("leaves out parentheses, quotes and sentence punctuation around an address", () => {
    expect(
      linksIn(`(https://example.org/a) "www.example.org/b", «https://example.org/c». See https://example.org/d!`),
    ).toEqual([
      ["https://example.org/a", "https://example.org/a"],
      ["www.example.org/b", "http://www.example.org/b"],
      ["https://example.org/c", "https://example.org/c"],
      ["https://example.org/d", "https://example.org/d"],
    ]);
  });

  it("keeps parentheses that belong to the address", () => {
    expect(linksIn("(see https://en.wikipedia.org/wiki/Kyiv_(city)).")).toEqual([
      ["https://en.wikipedia.org/wiki/Kyiv_(city)", "https://en.wikipedia.org/wiki/Kyiv_(city)"],
    ]);
  });

  it("links no bare domain, even with a known top-level domain, and no abbreviation", () => {
    expect(linksIn("Sites such as example.com, news.ua and Gov.UK, e.g. the U.S. one at 9 a.m.")).toEqual([]);
  });

  it("finds nothing in a sentence with no address, in any script", () => {
    expect(linksIn("Dr. Kovalenko said on 2025-03-04 that 1,200 homes in Київ, Αθήνα and 東京 lost power.")).toEqual(
      [],
    );
  });

  it("links internationalised hosts as written", () => {
    expect(linksIn("Див. https://пример.рф/шлях та www.пример.рф.")).toEqual([
      ["https://пример.рф/шлях", "https://пример.рф/шлях"],
      ["www.пример.рф", "http://www.пример.рф"],
    ]);
  });

  it("finds an address in any letter case", () => {
    expect(linksIn("HTTPS://EXAMPLE.ORG/A and WWW.EXAMPLE.ORG")).toEqual([
      ["HTTPS://EXAMPLE.ORG/A", "HTTPS://EXAMPLE.ORG/A"],
      ["WWW.EXAMPLE.ORG", "http://WWW.EXAMPLE.ORG"],
    ]);
  });

  it("links nothing that a bare name written before it takes in", () => {
    // linkify-it reads "example.com/www.example.org" as one name without a scheme, dropped whole.
    expect(linksIn("example.com/www.example.org and news.ua/https://example.org/a")).toEqual([]);
  });

  it("separates words where linkify-it does, and only there", () => {
    // No-break and ideographic spaces end a word; a zero-width space or a BOM does not.
    expect(linksIn("x\u00a0www.example.org\u3000https://example.org")).toEqual([
      ["www.example.org", "http://www.example.org"],
      ["https://example.org", "https://example.org"],
    ]);
    expect(linksIn("x\u200bwww.example.org x\ufeffwww.example.org")).toEqual([]);
  });

  it("finds every address of a long text, one word after another", () => {
    const sentence = "Officials said so at https://example.org/r and www.example.org today, e.g. at 9 a.m. ";
    const text = sentence.repeat(200);
    const links = linksIn(text);
    expect(links).toHaveLength(400);
    expect(new Set(links.map(([, url]) => url))).toEqual(new Set(["https://example.org/r", "http://www.example.org"]));
  });
});
