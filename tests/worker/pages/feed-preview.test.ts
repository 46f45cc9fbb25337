import { describe, expect, it } from "vitest";
import { FEED_FORMATS } from "../../../src/model/paths.ts";
import { appOf, archiveOf, BASE, linksOf, metaOf, PER_PAGE, reportPath, tagsOf, valuesOf } from "./page-fixtures.ts";

const BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const READER = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8";
const get = appOf(archiveOf(PER_PAGE + 3));

for (const format of FEED_FORMATS) {
  // Atom and JSON Feed go gzip-coded to clients that accept it, so Accept-Encoding joins their Vary
  // (src/serve/respond.ts; the build stores the coding, src/publish/asset-store.ts).
  const feedVary = format.mediaType === "application/rss+xml" ? "Accept" : "Accept, Accept-Encoding";

  describe(`${format.path} opened by a feed reader or a browser`, () => {
    it(`gives feed readers the feed whatever they send, and says it varies on ${feedVary}`, async () => {
      const variants: Record<string, string>[] = [
        {},
        { Accept: "*/*" },
        { Accept: READER },
        { Accept: "" },
        { Accept: "text/html;q=x" },
      ];
      for (const headers of variants) {
        const response = await get(format.path, { headers });
        expect(response.headers.get("content-type"), JSON.stringify(headers)).toBe(format.contentType);
        expect(response.headers.get("vary")).toBe(feedVary);
      }
    });

    it("gives a browser a readable page, varying on Accept", async () => {
      const response = await get(format.path, { headers: { Accept: BROWSER } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("vary")).toBe("Accept");
    });

    it("has distinct strong ETags for the two representations, and a 304 for each only with its own", async () => {
      const feed = await get(format.path, { headers: { Accept: READER } });
      const page = await get(format.path, { headers: { Accept: BROWSER } });
      const feedTag = feed.headers.get("etag") ?? "";
      const pageTag = page.headers.get("etag") ?? "";
      expect(feedTag).toMatch(/^"[\w-]+"$/);
      expect(pageTag).toMatch(/^"[\w-]+"$/);
      expect(pageTag).not.toBe(feedTag);

      const feed304 = await get(format.path, { headers: { Accept: READER, "If-None-Match": feedTag } });
      expect(feed304.status).toBe(304);
      expect(feed304.headers.get("etag")).toBe(feedTag);
      expect(feed304.headers.get("vary")).toBe(feedVary);
      const page304 = await get(format.path, { headers: { Accept: BROWSER, "If-None-Match": pageTag } });
      expect(page304.status).toBe(304);
      expect(page304.headers.get("etag")).toBe(pageTag);
      expect(page304.headers.get("vary")).toBe("Accept");

      const crossed = await get(format.path, { headers: { Accept: BROWSER, "If-None-Match": feedTag } });
      expect(crossed.status).toBe(200);
      expect(crossed.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const crossedBack = await get(format.path, { headers: { "If-None-Match": pageTag } });
      expect(crossedBack.status).toBe(200);
      expect(crossedBack.headers.get("content-type")).toBe(format.contentType);
    });

    it("says what the feed is, gives its address to copy, and lists the items the feed carries", async () => {
      const page = await (await get(format.path, { headers: { Accept: BROWSER } })).text();
      const tags = await tagsOf(page);
      expect(tags.find((tag) => tag.name === "h1")?.text).toMatch(new RegExp(`^[^:]+: ${format.label}( feed)?$`));
      expect(tags.find((tag) => tag.name === "h1")?.text).not.toMatch(/feed feed/i);
      expect(tags.find((tag) => tag.name === "code")?.text).toBe(`${BASE}${format.path}`);
      const itemLinks = valuesOf(tags, "a", "href").filter((href) => href.startsWith(`${BASE}/articles/`));
      expect(itemLinks).toHaveLength(PER_PAGE);
      expect(itemLinks[0]).toBe(`${BASE}${reportPath(PER_PAGE + 2)}`);
      for (const other of FEED_FORMATS.filter((f) => f !== format)) {
        expect(valuesOf(tags, "a", "href")).toContain(`${BASE}${other.path}`);
      }
      // Not a page of its own for search engines: the feed's URL stays the feed's.
      expect(metaOf(tags, "robots")).toBe("noindex");
      expect(linksOf(tags, "canonical")).toEqual([]);
    });
  });
}
