import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toHtmlString } from "../../../src/render/html.ts";
import { linkedText } from "../../../src/render/link-text.ts";
import { testSite } from "../../support/test-site.ts";
import { OUTWARD, readHtml } from "../support/read-html.ts";
import { keepShowableChars } from "./expected-text.ts";
import { hostileText, settings } from "./hostile-text.ts";

const site = testSite("https://news.example");
const linked = (text: string) => readHtml(toHtmlString(linkedText(site, text)));

/** Pieces of addresses, to be mixed with hostile text so that some of it becomes links. */
const ADDRESS_PIECES = [
  "https://example.org",
  "https://news.example",
  "www.example.org",
  "https://",
  "http://",
  "HTTPS://",
  "www.",
  "news.example",
  "example.org",
  "/path",
  "?q=",
  "&",
  "#x",
  "(",
  ")",
  ".",
  ",",
  '"',
  "'",
  "<",
  ">",
  " ",
  "javascript:",
  "mailto:",
  "@",
];

/** Text as a parsed document can hold it: well-formed UTF-16, showable, CR as the parser makes it. */
const parsable = (text: string) => keepShowableChars(text.toWellFormed()).replaceAll("\r", "\n");

describe("hostile text with addresses in it", () => {
  it("reads back as the same text, with only <a> elements to http(s) addresses", async () => {
    const text = fc
      .array(fc.oneof(hostileText(12), fc.constantFrom(...ADDRESS_PIECES), fc.constantFrom(...ADDRESS_PIECES)), {
        maxLength: 24,
      })
      .map((parts) => parsable(parts.join("")));
    let links = 0;
    let internal = 0;
    const parameters = settings(1000);
    await fc.assert(
      fc.asyncProperty(text, async (written) => {
        const read = await linked(written);
        expect(read.text).toBe(written);
        expect(new Set(read.elements)).toEqual(new Set(read.anchors.length > 0 ? ["a"] : []));
        for (const anchor of read.anchors) {
          const url = new URL(anchor.href ?? "");
          expect(["http:", "https:"]).toContain(url.protocol);
          expect(anchor.rel).toBe(url.origin === "https://news.example" ? null : OUTWARD);
          links++;
          if (anchor.rel === null) internal++;
        }
      }),
      parameters,
    );
    // The generator must have made links, or the property said nothing about them.
    const runs = parameters.numRuns ?? 0;
    expect(links).toBeGreaterThan(runs / 10);
    expect(internal).toBeGreaterThan(runs / 100);
  }, 60_000);
});
