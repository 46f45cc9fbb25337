import { describe, expect, it } from "vitest";
import { parseAccept, prefersHtmlPreview } from "../../../src/serve/negotiate.ts";

// What real clients send, as documented by MDN ("List of default Accept values") and the readers' sources.
const BROWSERS = {
  chrome:
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7",
  firefox: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  safari: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
};
const READERS = {
  typical: "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8",
  anything: "*/*",
  xmlOnly: "application/xml, text/xml",
  jsonFeed: "application/feed+json, application/json;q=0.9",
  htmlAsFallback: "application/atom+xml, application/rss+xml;q=0.9, text/html;q=0.1",
  tie: "application/rss+xml, text/html",
};

describe("choosing a feed's HTML preview", () => {
  for (const [name, accept] of Object.entries(BROWSERS)) {
    it(`gives ${name}'s navigation Accept the preview of every format`, () => {
      for (const type of ["application/rss+xml", "application/atom+xml", "application/feed+json"]) {
        expect(prefersHtmlPreview(accept, type), type).toBe(true);
      }
    });
  }

  for (const [name, accept] of Object.entries(READERS)) {
    it(`gives a reader sending ${name} (${accept}) the feed`, () => {
      const type = name === "jsonFeed" ? "application/feed+json" : "application/rss+xml";
      expect(prefersHtmlPreview(accept, type)).toBe(false);
    });
  }

  it("gives the feed when there is no Accept, an empty one, or one that does not parse", () => {
    for (const accept of [null, "", ",,,", "text/html;q=2", "text/html;q=abc", "text", "*/html", "text/html/x"]) {
      expect(prefersHtmlPreview(accept, "application/rss+xml"), String(accept)).toBe(false);
    }
  });

  it("needs text/html by name: text/* and */* alone never choose the preview", () => {
    expect(prefersHtmlPreview("text/*", "application/rss+xml")).toBe(false);
    expect(prefersHtmlPreview("text/*, */*;q=0.1", "application/atom+xml")).toBe(false);
    expect(prefersHtmlPreview("text/html", "application/atom+xml")).toBe(true);
    expect(prefersHtmlPreview("text/html;q=0", "application/atom+xml")).toBe(false);
  });

  it("compares the most specific range for each type that means the feed, not the first one", () => {
    // */* at 1 would beat html at 0.9, but every type that means the feed is named at 0.1.
    const specific = "text/html;q=0.9, */*, application/rss+xml;q=0.1, application/xml;q=0.1, text/xml;q=0.1";
    expect(prefersHtmlPreview(specific, "application/rss+xml")).toBe(true);
    expect(prefersHtmlPreview("text/html;q=0.9, */*", "application/rss+xml")).toBe(false);
    // A reader that takes any XML gets RSS even when it names its own type low.
    expect(
      prefersHtmlPreview("text/html;q=0.5, application/rss+xml;q=0.1, application/xml", "application/rss+xml"),
    ).toBe(false);
  });
});

describe("parsing Accept", () => {
  it("reads types, subtypes and q, ignoring case, spaces and other parameters", () => {
    expect(parseAccept(" Text/HTML ; level=1 ; Q=0.5 ,application/xml;q=1.000, */*;q=0")).toEqual([
      { type: "text", subtype: "html", quality: 0.5 },
      { type: "application", subtype: "xml", quality: 1 },
      { type: "*", subtype: "*", quality: 0 },
    ]);
  });

  it("skips entries that are not media ranges instead of failing", () => {
    expect(parseAccept("garbage, /, a/b/c, text/html;q=1.5, image/png")).toEqual([
      { type: "image", subtype: "png", quality: 1 },
    ]);
  });
});
