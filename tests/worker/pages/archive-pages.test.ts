import { describe, expect, it } from "vitest";
import {
  appOf,
  archiveOf,
  BASE,
  dailyArticle,
  linksOf,
  PER_PAGE,
  reportPath,
  tagsOf,
  valuesOf,
} from "./page-fixtures.ts";

/** Two full pages and five more: the archive has three pages. */
const ARCHIVE = archiveOf(2 * PER_PAGE + 5);
const get = appOf(ARCHIVE);

async function articleLinksOn(path: string): Promise<string[]> {
  const tags = await tagsOf(await (await get(path)).text());
  return valuesOf(tags, "a", "href").filter((href) => href.startsWith(`${BASE}/articles/`));
}

describe("the archive pages", () => {
  it("shows the newest page of articles on / and the older ones on /page/2 and /page/3, each once", async () => {
    const pages = [await articleLinksOn("/"), await articleLinksOn("/page/2"), await articleLinksOn("/page/3")];
    expect(pages.map((links) => links.length)).toEqual([PER_PAGE, PER_PAGE, 5]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(ARCHIVE.length);
    // Newest first across the pages: the last article written is first on /, the first is last on /page/3.
    expect(all[0]).toBe(`${BASE}${reportPath(ARCHIVE.length - 1)}`);
    expect(all.at(-1)).toBe(`${BASE}${reportPath(0)}`);
  });

  it("links each page to its neighbours in the head and in a visible pager", async () => {
    const expected = [
      { path: "/", prev: [], next: [`${BASE}/page/2`] },
      { path: "/page/2", prev: [`${BASE}/`], next: [`${BASE}/page/3`] },
      { path: "/page/3", prev: [`${BASE}/page/2`], next: [] },
    ];
    for (const { path, prev, next } of expected) {
      const tags = await tagsOf(await (await get(path)).text());
      expect(linksOf(tags, "prev"), path).toEqual(prev);
      expect(linksOf(tags, "next"), path).toEqual(next);
      expect(linksOf(tags, "canonical"), path).toEqual([`${BASE}${path}`]);
      const pagerLinks = tags.filter((tag) => tag.name === "a" && tag.attributes.has("rel"));
      expect(
        pagerLinks.map((a) => [a.attributes.get("rel"), a.attributes.get("href")]),
        path,
      ).toEqual([...prev.map((href) => ["prev", href]), ...next.map((href) => ["next", href])]);
    }
  });

  it("redirects /page/1 to the home page instead of serving the same list twice", async () => {
    const response = await get("/page/1");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe(`${BASE}/`);
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
  });

  for (const path of ["/page/4", "/page/0", "/page/02", "/page/-1", "/page/two", "/page/2.0", "/page/2/", "/page/"]) {
    it(`answers ${path} with the 404 page`, async () => {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    });
  }

  it("answers a page number too large for any archive with 404, not an error", async () => {
    expect((await get("/page/999999999")).status).toBe(404);
    expect((await get(`/page/${"9".repeat(400)}`)).status).toBe(404);
  });

  it("answers HEAD, conditional GET and other methods on a page like on any resource", async () => {
    const first = await get("/page/2");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(etag).not.toBe((await get("/")).headers.get("etag"));
    const head = await get("/page/2", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect((await get("/page/2", { headers: { "If-None-Match": etag } })).status).toBe(304);
    const post = await get("/page/2", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("has no pager and no /page/2 when everything fits on the home page", async () => {
    const small = appOf(archiveOf(PER_PAGE));
    const tags = await tagsOf(await (await small("/")).text());
    expect(linksOf(tags, "next")).toEqual([]);
    expect(tags.some((tag) => tag.name === "nav" && tag.attributes.get("class") === "pager")).toBe(false);
    expect((await small("/page/2")).status).toBe(404);
  });

  it("grows a page when a scheduled article's time comes", async () => {
    const articles = [...archiveOf(PER_PAGE), { ...dailyArticle(PER_PAGE), date: "2029-06-01 12:00:00" }];
    const minuteEarlier = appOf(articles, Date.UTC(2029, 5, 1, 11, 59));
    const onTime = appOf(articles, Date.UTC(2029, 5, 1, 12, 0));
    expect((await minuteEarlier("/page/2")).status).toBe(404);
    expect((await onTime("/page/2")).status).toBe(200);
    // No cache may keep the one-page home page past the instant it changes.
    const maxAge = Number((await minuteEarlier("/")).headers.get("cache-control")?.split("=")[1]);
    expect(maxAge).toBeLessThanOrEqual(60);
  });

  it("says so when nothing is published yet, and has no second page", async () => {
    const early = appOf(archiveOf(3), Date.UTC(2024, 0, 1));
    const home = await early("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Nothing has been published yet.");
    expect((await early("/page/2")).status).toBe(404);
  });
});
