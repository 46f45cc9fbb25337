import { HtmlValidate } from "html-validate";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { discoverPages, type SitePage } from "./site-pages.ts";

const baseUrl = inject("baseUrl");
const BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
// long-title is an SEO length heuristic; a page's title is the article's own, not ours to cut.
const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });
let pages: SitePage[];

beforeAll(async () => {
  pages = (await discoverPages(baseUrl)).pages;
});

describe("the markup", () => {
  it("of every page is valid HTML by html-validate's recommended rules", async () => {
    for (const { path } of pages) {
      const html = await (await fetch(`${baseUrl}${path}`, { headers: { Accept: BROWSER } })).text();
      const report = await validator.validateString(html);
      const messages = report.results.flatMap((result) =>
        result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`),
      );
      expect(messages, path).toEqual([]);
    }
  });
});
