import { describe, expect, it } from "vitest";
import { bundleOf, idOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { publishedApp } from "./support/published-app.ts";

const BASE = "https://news.example";
const NOW = Date.UTC(2025, 4, 1);
const SCHEDULED_AT = Date.UTC(2025, 5, 1, 12);

const sources = [
  plainArticle(1, "2025-01-01 10:00:00", "Old news"),
  plainArticle(2, "2025-01-02 10:00:00", "The user's guide"),
  plainArticle(3, "2025-01-03 10:00:00", "🎉🎉"),
  plainArticle(4, "2024-01-01 10:00:00", "Same title"),
  plainArticle(5, "2025-01-05 10:00:00", "Same title"),
  plainArticle(6, "2025-06-01 12:00:00", "Scheduled news"),
  plainArticle(0xc, "2025-01-12 10:00:00", "Twelve"),
];
const app = publishedApp({ site: testSite(BASE), bundle: bundleOf(sources), now: () => NOW });
const get = (path: string, init: RequestInit = {}) => app.request(`${BASE}${path}`, init);

const OLD_NEWS = `/articles/${idOf(1)}/old-news`;
const GUIDE = `/articles/${idOf(2)}/the-users-guide`;

describe("an article's canonical URL", () => {
  it("is /articles/<id>/<slug>, and the page is served there", async () => {
    const response = await get(OLD_NEWS);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1 dir="auto">Old news</h1>');
  });

  it("is /articles/<id> when the title has nothing to spell", async () => {
    const response = await get(`/articles/${idOf(3)}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1 dir="auto">🎉🎉</h1>');
  });

  it("is what the feeds, the index and the sitemap link to", async () => {
    const feed = (await (await get("/feed.json")).json()) as { items: { id: string; url: string }[] };
    const url = (n: number) => feed.items.find((item) => item.id === idOf(n))?.url;
    expect(url(1)).toBe(`${BASE}${OLD_NEWS}`);
    expect(url(2)).toBe(`${BASE}${GUIDE}`);
    expect(url(3)).toBe(`${BASE}/articles/${idOf(3)}`);
    expect(url(4)).toBe(`${BASE}/articles/${idOf(4)}/same-title`);
    expect(url(5)).toBe(`${BASE}/articles/${idOf(5)}/same-title`);
    expect(await (await get("/")).text()).toContain(`href="${BASE}${GUIDE}"`);
    expect(await (await get("/sitemaps/articles-1.xml")).text()).toContain(`<loc>${BASE}${GUIDE}</loc>`);
  });

  it("is served with a query string too; a redirect leads to the URL without it", async () => {
    expect((await get(`${OLD_NEWS}?utm_source=feed`)).status).toBe(200);
    const moved = await get(`/articles/${idOf(1)}?utm_source=feed`);
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe(`${BASE}${OLD_NEWS}`);
  });
});

describe("every other name of a published article", () => {
  it.each([
    ["the id alone", `/articles/${idOf(1)}`, OLD_NEWS],
    ["the id and a trailing slash", `/articles/${idOf(1)}/`, OLD_NEWS],
    ["the canonical URL with a trailing slash", `${OLD_NEWS}/`, OLD_NEWS],
    ["an earlier title's slug", `/articles/${idOf(1)}/what-it-was-called-before`, OLD_NEWS],
    ["a slug that is not one", `/articles/${idOf(1)}/%F0%9F%8E%89`, OLD_NEWS],
    ["a slug after an id that has none", `/articles/${idOf(3)}/party`, `/articles/${idOf(3)}`],
    ["an id that has none, with a trailing slash", `/articles/${idOf(3)}/`, `/articles/${idOf(3)}`],
    ["the URL the first versions published", "/articles/old-news", OLD_NEWS],
    ["that URL with a trailing slash", "/articles/old-news/", OLD_NEWS],
    ["a first-version URL with the split apostrophe", "/articles/the-user-s-guide", GUIDE],
    ["the older namesake's first-version URL", "/articles/same-title", `/articles/${idOf(4)}/same-title`],
    ["the newer namesake's", `/articles/same-title-${idOf(5)}`, `/articles/${idOf(5)}/same-title`],
  ])("%s answers 301 to the canonical URL", async (_name, path, canonical) => {
    const response = await get(path);
    expect(response.status, path).toBe(301);
    expect(response.headers.get("location")).toBe(`${BASE}${canonical}`);
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    expect(await response.text()).toBe("");
  });

  it("points at the new title's URL once the title changes, from the old one and the id", async () => {
    const retitled = publishedApp({
      site: testSite(BASE),
      bundle: bundleOf([plainArticle(1, "2025-01-01 10:00:00", "Old news, corrected")]),
      now: () => NOW,
    });
    for (const path of [OLD_NEWS, `/articles/${idOf(1)}`]) {
      const response = await retitled.request(`${BASE}${path}`, {});
      expect(response.status, path).toBe(301);
      expect(response.headers.get("location")).toBe(`${BASE}/articles/${idOf(1)}/old-news-corrected`);
    }
  });
});

describe("names of no published article", () => {
  it.each([
    ["an unknown id", `/articles/${idOf(99)}`],
    ["an unknown id with a slug", `/articles/${idOf(99)}/old-news`],
    ["an unknown slug", "/articles/no-such-article"],
    ["a first-version URL with a second segment", "/articles/old-news/old-news"],
    ["an upper-case id", `/articles/${idOf(0xc).toUpperCase()}/twelve`],
    ["a third segment", `${OLD_NEWS}/more`],
    ["an empty segment", `/articles/${idOf(1)}//old-news`],
    ["no key at all", "/articles/"],
    ["garbage", "/articles/%00%ff/..%2f"],
  ])("%s gives the HTML 404", async (_name, path) => {
    const response = await get(path);
    expect(response.status, path).toBe(404);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("<h1>Not found</h1>");
  });

  it("a scheduled article answers 404 by every name, never a redirect that shows its slug", async () => {
    for (const path of [
      `/articles/${idOf(6)}/scheduled-news`,
      `/articles/${idOf(6)}`,
      `/articles/${idOf(6)}/`,
      `/articles/${idOf(6)}/anything`,
      "/articles/scheduled-news",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("location"), path).toBeNull();
      expect(await response.text(), path).not.toContain("scheduled-news");
    }
  });

  it("until its time comes: then its names lead to it", async () => {
    const later = publishedApp({ site: testSite(BASE), bundle: bundleOf(sources), now: () => SCHEDULED_AT });
    const at = (path: string) => later.request(`${BASE}${path}`, {});
    expect((await at(`/articles/${idOf(6)}/scheduled-news`)).status).toBe(200);
    const moved = await at("/articles/scheduled-news");
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe(`${BASE}/articles/${idOf(6)}/scheduled-news`);
  });
});
