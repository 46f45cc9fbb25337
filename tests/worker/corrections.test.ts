import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import type { Article, ArticleBundle } from "../../src/model/article.ts";
import { idOf, loadSources, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { tagsOf } from "./pages/page-fixtures.ts";
import { publishedApp } from "./support/published-app.ts";

// A correction (`updated`) is when the article was last corrected: feeds, the page and
// Last-Modified say so, but it is still published when it was, and listed there.
const BASE = "https://news.example";
const NOW = Date.UTC(2025, 5, 1);
const CORRECTED_AT = Date.UTC(2025, 2, 1, 10, 30);
const CORRECTED = `/articles/${idOf(1)}/grid-repairs`;
const NEWER = `/articles/${idOf(2)}/metro-reopens`;

const [newer, older] = loadSources([
  plainArticle(1, "2025-01-10 08:00:00", "Grid repairs"),
  plainArticle(2, "2025-02-01 09:00:00", "Metro reopens"),
]).articles as [Article, Article];
/** The older article, corrected after the newer one was published. */
const corrected: Article = { ...older, updated: { epochMs: CORRECTED_AT, offsetMinutes: 0 } };
const revisedAt = Date.UTC(2024, 0, 1);

function appOf(articles: readonly Article[]) {
  const bundle: ArticleBundle = { articles, revisedAt };
  const app = publishedApp({ bundle, site: testSite(BASE), now: () => NOW });
  return (path: string, init: RequestInit = {}) => app.request(`${BASE}${path}`, init);
}
const get = appOf([newer, corrected]);
const uncorrected = appOf([newer, older]);
const FEED_READER = { headers: { Accept: "application/atom+xml, application/rss+xml, application/feed+json" } };

describe("a corrected article in the feeds", () => {
  it("Atom dates the entry's <updated> by the correction, keeps <published>, and the feed's <updated> is the latest entry's", async () => {
    const feed = parseAtomFeed(await (await get("/atom.xml", FEED_READER)).text());
    expect(feed.entries?.map((e) => e.id)).toEqual([
      `tag:${testSite(BASE).tagAuthority}:${idOf(2)}`,
      expect.any(String),
    ]);
    expect(feed.entries?.map((e) => e.published)).toEqual(["2025-02-01T09:00:00Z", "2025-01-10T08:00:00Z"]);
    expect(feed.entries?.map((e) => e.updated)).toEqual(["2025-02-01T09:00:00Z", "2025-03-01T10:30:00Z"]);
    expect(feed.updated).toBe("2025-03-01T10:30:00Z");
  });

  it("Atom without corrections: each <updated> is the publication, the feed's the newest article's", async () => {
    const feed = parseAtomFeed(await (await uncorrected("/atom.xml", FEED_READER)).text());
    expect(feed.entries?.map((e) => e.updated)).toEqual(["2025-02-01T09:00:00Z", "2025-01-10T08:00:00Z"]);
    expect(feed.updated).toBe("2025-02-01T09:00:00Z");
  });

  it("JSON Feed gives date_modified only to the corrected item, and keeps the order by publication", async () => {
    const feed = parseJsonFeed(await (await get("/feed.json", FEED_READER)).text());
    expect(feed.items?.map((i) => i.id)).toEqual([idOf(2), idOf(1)]);
    expect(feed.items?.map((i) => i.date_published)).toEqual(["2025-02-01T09:00:00Z", "2025-01-10T08:00:00Z"]);
    expect(feed.items?.map((i) => i.date_modified)).toEqual([undefined, "2025-03-01T10:30:00Z"]);
  });

  it("RSS items keep their publication date and order (RSS has no per-item updated time)", async () => {
    const feed = parseRssFeed(await (await get("/rss.xml", FEED_READER)).text());
    expect(feed.items?.map((i) => i.guid?.value)).toEqual([idOf(2), idOf(1)]);
    expect(feed.items?.map((i) => i.pubDate)).toEqual([
      "Sat, 01 Feb 2025 09:00:00 GMT",
      "Fri, 10 Jan 2025 08:00:00 GMT",
    ]);
  });
});

describe("a corrected article's page", () => {
  it("shows an Updated time next to the publication time, in the same readable form", async () => {
    const tags = await tagsOf(await (await get(CORRECTED)).text());
    const times = tags.filter((tag) => tag.name === "time");
    expect(times.map((t) => [t.attributes.get("datetime"), t.text])).toEqual([
      ["2025-01-10T08:00:00Z", "January 10, 2025 at 08:00 UTC"],
      ["2025-03-01T10:30:00Z", "March 1, 2025 at 10:30 UTC"],
    ]);
    expect(tags.find((tag) => tag.attributes.get("class") === "updated")?.text).toBe("Updated ");
  });

  it("says dateModified is the correction in its JSON-LD, datePublished the publication", async () => {
    const data = await structuredDataOf(await (await get(CORRECTED)).text());
    expect(data.datePublished).toBe("2025-01-10T08:00:00Z");
    expect(data.dateModified).toBe("2025-03-01T10:30:00Z");
  });

  it("an uncorrected page has one time, and dateModified is its publication", async () => {
    const page = await (await get(NEWER)).text();
    expect((await tagsOf(page)).filter((tag) => tag.name === "time")).toHaveLength(1);
    expect(page).not.toContain("Updated");
    expect((await structuredDataOf(page)).dateModified).toBe("2025-02-01T09:00:00Z");
  });

  it("a correction dated at the publication instant shows no Updated line", async () => {
    const same = appOf([newer, { ...older, updated: older.published }]);
    const page = await (await same(CORRECTED)).text();
    expect((await tagsOf(page)).filter((tag) => tag.name === "time")).toHaveLength(1);
    expect((await structuredDataOf(page)).dateModified).toBe("2025-01-10T08:00:00Z");
  });
});

describe("Last-Modified after a correction", () => {
  it("moves to the correction for the article's page and every list that shows it", async () => {
    for (const path of [CORRECTED, "/atom.xml", "/rss.xml", "/feed.json", "/", "/sitemaps/articles-1.xml"]) {
      expect((await uncorrected(path)).headers.get("last-modified"), path).not.toBe("Sat, 01 Mar 2025 10:30:00 GMT");
      expect((await get(path)).headers.get("last-modified"), path).toBe("Sat, 01 Mar 2025 10:30:00 GMT");
    }
  });

  it("so a conditional request from before the correction gets the corrected body", async () => {
    const since = { headers: { "If-Modified-Since": "Sat, 01 Feb 2025 09:00:00 GMT" } };
    expect((await uncorrected(CORRECTED, since)).status).toBe(304);
    expect((await get(CORRECTED, since)).status).toBe(200);
  });

  it("leaves the page of an article it does not show, and its neighbour link, alone", async () => {
    // The newer article links the corrected one by title, so it follows its revision: not its correction.
    expect((await get(NEWER)).headers.get("last-modified")).toBe("Sat, 01 Feb 2025 09:00:00 GMT");
  });
});

async function structuredDataOf(page: string): Promise<Record<string, unknown>> {
  const script = (await tagsOf(page)).find(
    (tag) => tag.name === "script" && tag.attributes.get("type") === "application/ld+json",
  );
  return JSON.parse(script?.text ?? "null") as Record<string, unknown>;
}
