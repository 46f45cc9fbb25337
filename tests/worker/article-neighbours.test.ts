import { describe, expect, it } from "vitest";
import type { ArticleBundle } from "../../src/model/article.ts";
import { bundleOf, idOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { linksOf, parseSitemap, tagsOf } from "./pages/page-fixtures.ts";
import { publishedApp } from "./support/published-app.ts";

// Each article page links the next newer and the next older article by title, in the order of
// every list (newest first); rel="prev" is the newer one, as on the list pages.
const BASE = "https://news.example";
const LATER = Date.UTC(2030, 0, 1);

function appOf(bundle: ArticleBundle, now: number) {
  const app = publishedApp({ bundle, site: testSite(BASE), now: () => now });
  return (path: string, init: RequestInit = {}) => app.request(`${BASE}${path}`, init);
}

const url = (n: number, slug: string) => `${BASE}/articles/${idOf(n)}/${slug}`;

/** The neighbour links a reader sees: the head's rel=prev/next, and each body link's rel, href and text. */
async function neighboursOf(response: Response) {
  expect(response.status).toBe(200);
  const page = await response.text();
  const tags = await tagsOf(page);
  return { prev: linksOf(tags, "prev"), next: linksOf(tags, "next"), nav: await navLinks(page) };
}

/** Every <a rel> in the body as "rel href text", its text read whole as a browser shows it. */
async function navLinks(page: string): Promise<string[]> {
  const links: string[] = [];
  await new HTMLRewriter()
    .on("a[rel]", {
      element(element) {
        links.push(`${element.getAttribute("rel")} ${element.getAttribute("href")} `);
      },
      text(chunk) {
        links[links.length - 1] += chunk.text;
      },
    })
    .transform(new Response(page))
    .arrayBuffer();
  return links;
}

describe("links between articles", () => {
  const get = appOf(
    bundleOf([
      plainArticle(1, "2025-01-01 09:00:00", "Oldest report"),
      plainArticle(2, "2025-01-02 09:00:00", "Middle report"),
      plainArticle(3, "2025-01-03 09:00:00", "Newest report"),
    ]),
    LATER,
  );

  it("the middle article links the newer one (rel=prev) and the older one (rel=next) by title", async () => {
    expect(await neighboursOf(await get(`/articles/${idOf(2)}/middle-report`))).toEqual({
      prev: [url(3, "newest-report")],
      next: [url(1, "oldest-report")],
      nav: [
        `prev ${url(3, "newest-report")} ← Newer: Newest report`,
        `next ${url(1, "oldest-report")} Older: Oldest report →`,
      ],
    });
  });

  it("the oldest has no older link, the newest no newer one", async () => {
    expect(await neighboursOf(await get(`/articles/${idOf(1)}/oldest-report`))).toEqual({
      prev: [url(2, "middle-report")],
      next: [],
      nav: [`prev ${url(2, "middle-report")} ← Newer: Middle report`],
    });
    expect(await neighboursOf(await get(`/articles/${idOf(3)}/newest-report`))).toEqual({
      prev: [],
      next: [url(2, "middle-report")],
      nav: [`next ${url(2, "middle-report")} Older: Middle report →`],
    });
  });

  it("a lone article has no neighbour links at all", async () => {
    const lone = appOf(bundleOf([plainArticle(1, "2025-01-01 09:00:00", "Only report")]), LATER);
    const response = await lone(`/articles/${idOf(1)}/only-report`);
    const tags = await tagsOf(await response.text());
    expect(linksOf(tags, "prev")).toEqual([]);
    expect(linksOf(tags, "next")).toEqual([]);
    expect(tags.filter((tag) => tag.name === "nav").map((tag) => tag.attributes.get("aria-label"))).toEqual([
      "Feeds",
      "Site",
    ]);
  });
});

describe("a newer article still scheduled", () => {
  const SCHEDULED_AT = Date.UTC(2025, 5, 1, 12);
  const bundle = bundleOf([
    plainArticle(1, "2025-01-01 10:00:00", "Old news"),
    plainArticle(2, "2025-06-01 12:00:00", "Scheduled news"),
  ]);
  const OLD_NEWS = `/articles/${idOf(1)}/old-news`;
  const early = appOf(bundle, SCHEDULED_AT - 10_000);
  const late = appOf(bundle, SCHEDULED_AT);

  it("is not linked, nor named in any way, by the older article's page before its instant", async () => {
    const response = await early(OLD_NEWS);
    expect(response.status).toBe(200);
    const page = await response.text();
    for (const trace of [idOf(2), "scheduled-news", "Scheduled news"]) expect(page).not.toContain(trace);
    const tags = await tagsOf(page);
    expect(linksOf(tags, "prev")).toEqual([]);
    expect(await navLinks(page)).toEqual([]);
  });

  it("is linked from its instant on, without a new deploy", async () => {
    expect(await neighboursOf(await late(OLD_NEWS))).toEqual({
      prev: [url(2, "scheduled-news")],
      next: [],
      nav: [`prev ${url(2, "scheduled-news")} ← Newer: Scheduled news`],
    });
  });

  it("gives the two pages their own ETag and Last-Modified, and a cache keeps the first no later than the instant", async () => {
    const first = await early(OLD_NEWS);
    const second = await late(OLD_NEWS);
    expect(first.headers.get("etag")).not.toBe(second.headers.get("etag"));
    expect(first.headers.get("last-modified")).toBe("Wed, 01 Jan 2025 10:00:00 GMT");
    expect(second.headers.get("last-modified")).toBe("Sun, 01 Jun 2025 12:00:00 GMT");
    expect(first.headers.get("cache-control")).toBe("public, max-age=10");
    // A cache revalidating the early page after the instant gets the new one, by either validator.
    const etag = first.headers.get("etag") ?? "";
    expect((await late(OLD_NEWS, { headers: { "If-None-Match": etag } })).status).toBe(200);
    const since = first.headers.get("last-modified") ?? "";
    expect((await late(OLD_NEWS, { headers: { "If-Modified-Since": since } })).status).toBe(200);
    expect((await early(OLD_NEWS, { headers: { "If-None-Match": etag } })).status).toBe(304);
  });

  it("the sitemap dates the older page by the Last-Modified it is served with, before and after", async () => {
    for (const get of [early, late]) {
      const [entry] = parseSitemap(await (await get("/sitemaps/articles-1.xml")).text());
      expect(entry?.loc).toBe(`${BASE}${OLD_NEWS}`);
      const served = (await get(OLD_NEWS)).headers.get("last-modified") ?? "";
      expect(Date.parse(entry?.lastmod ?? "")).toBe(Date.parse(served));
    }
  });
});

describe("a neighbour's edit", () => {
  const OLD = plainArticle(1, "2025-01-01 10:00:00", "Old news");
  const EDITED_AT = Date.UTC(2025, 2, 1);
  const OLD_NEWS = `/articles/${idOf(1)}/old-news`;

  it("shows its new title and moves the page's Last-Modified to the edit", async () => {
    const first = await appOf(bundleOf([OLD, plainArticle(2, "2025-02-01 10:00:00", "Kyiv")]), LATER)(OLD_NEWS);
    const retitled = bundleOf([OLD, plainArticle(2, "2025-02-01 10:00:00", "Kyiv at night")]);
    const edited = await appOf({ ...retitled, articleRevisedAt: { [idOf(2)]: EDITED_AT } }, LATER)(OLD_NEWS);
    expect(first.headers.get("last-modified")).toBe("Sat, 01 Feb 2025 10:00:00 GMT");
    expect(edited.headers.get("last-modified")).toBe("Sat, 01 Mar 2025 00:00:00 GMT");
    expect(edited.headers.get("etag")).not.toBe(first.headers.get("etag"));
    expect((await neighboursOf(edited)).nav).toEqual([`prev ${url(2, "kyiv-at-night")} ← Newer: Kyiv at night`]);
  });
});
