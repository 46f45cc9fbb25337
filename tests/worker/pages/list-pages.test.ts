import { describe, expect, it } from "vitest";
import { testSite } from "../../support/test-site.ts";
import { publishedApp } from "../support/published-app.ts";
import {
  appOf,
  archiveOf,
  BASE,
  bundleOf,
  dailyArticle,
  type FixtureArticle,
  LATER,
  linksOf,
  PER_PAGE,
  reportPath,
  sitemapUrls,
  tagsOf,
  valuesOf,
} from "./page-fixtures.ts";

/** Two full pages and five more: the site has three list pages, the third holding the newest five. */
const ARCHIVE = archiveOf(2 * PER_PAGE + 5);
const get = appOf(ARCHIVE);

type Get = ReturnType<typeof appOf>;
const EDITED_AT = Date.UTC(2026, 2, 1, 8);

async function articleLinksOn(fetchPage: Get, path: string): Promise<string[]> {
  const tags = await tagsOf(await (await fetchPage(path)).text());
  return valuesOf(tags, "a", "href").filter((href) => href.startsWith(`${BASE}/articles/`));
}

/** The links to reports `from` down to `to` (inclusive), newest first, as a list shows them. */
function reportLinks(from: number, to: number): string[] {
  return Array.from({ length: from - to + 1 }, (_, i) => `${BASE}${reportPath(from - i)}`);
}

/** The rel=prev and rel=next links of a page, in its head and in its visible pager, with the pager's words. */
async function neighboursOf(fetchPage: Get, path: string) {
  const tags = await tagsOf(await (await fetchPage(path)).text());
  const pager = tags.filter((tag) => tag.name === "a" && tag.attributes.has("rel"));
  return {
    head: { prev: linksOf(tags, "prev"), next: linksOf(tags, "next") },
    pager: pager.map((a) => [a.attributes.get("rel"), a.attributes.get("href"), a.text]),
  };
}

function expectedNeighbours(prev: string | undefined, next: string | undefined) {
  return {
    head: { prev: prev === undefined ? [] : [`${BASE}${prev}`], next: next === undefined ? [] : [`${BASE}${next}`] },
    pager: [
      ...(prev === undefined ? [] : [["prev", `${BASE}${prev}`, "← Newer articles"]]),
      ...(next === undefined ? [] : [["next", `${BASE}${next}`, "Older articles →"]]),
    ],
  };
}

describe("the list pages", () => {
  it("number pages from the oldest article, each holding its articles newest first", async () => {
    expect(await articleLinksOn(get, "/page/1")).toEqual(reportLinks(PER_PAGE - 1, 0));
    expect(await articleLinksOn(get, "/page/2")).toEqual(reportLinks(2 * PER_PAGE - 1, PER_PAGE));
    expect(await articleLinksOn(get, "/page/3")).toEqual(reportLinks(2 * PER_PAGE + 4, 2 * PER_PAGE));
  });

  it("keep the newest articles, as many as a feed holds, on the home page", async () => {
    expect(await articleLinksOn(get, "/")).toEqual(reportLinks(2 * PER_PAGE + 4, PER_PAGE + 5));
  });

  it("serve /page/1 as the oldest page, with its own canonical URL", async () => {
    const response = await get("/page/1");
    expect(response.status).toBe(200);
    const tags = await tagsOf(await response.text());
    expect(linksOf(tags, "canonical")).toEqual([`${BASE}/page/1`]);
    expect(tags.find((tag) => tag.name === "title")?.text).toBe("Archive page 1 – Ukraine Briefing");
  });

  it("link newer pages with rel=prev and older ones with rel=next, in the head and in a pager that says which", async () => {
    expect(await neighboursOf(get, "/")).toEqual(expectedNeighbours(undefined, "/page/2"));
    expect(await neighboursOf(get, "/page/3")).toEqual(expectedNeighbours(undefined, "/page/2"));
    expect(await neighboursOf(get, "/page/2")).toEqual(expectedNeighbours("/page/3", "/page/1"));
    expect(await neighboursOf(get, "/page/1")).toEqual(expectedNeighbours("/page/2", undefined));
  });

  it("link the home page past the last page when the home page already shows all of it", async () => {
    const exact = appOf(archiveOf(2 * PER_PAGE));
    expect(await articleLinksOn(exact, "/")).toEqual(await articleLinksOn(exact, "/page/2"));
    expect(await neighboursOf(exact, "/")).toEqual(expectedNeighbours(undefined, "/page/1"));
    expect(await neighboursOf(exact, "/page/1")).toEqual(expectedNeighbours("/page/2", undefined));
  });

  for (const count of [PER_PAGE + 1, 2 * PER_PAGE, 2 * PER_PAGE + 5, 4 * PER_PAGE - 1]) {
    it(`reach every page in the sitemap and every article by links from the home page (${count} articles)`, async () => {
      const fetchPage = appOf(archiveOf(count));
      const seen = new Set<string>([`${BASE}/`]);
      const queue = [`${BASE}/`];
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        const response = await fetchPage(url.slice(BASE.length));
        expect(response.status, url).toBe(200);
        const tags = await tagsOf(await response.text());
        const links = valuesOf(tags, "a", "href").filter((href) =>
          /^https:\/\/news\.example\/(page\/|feeds$|$)/.test(href),
        );
        for (const link of links.filter((href) => !seen.has(href))) {
          seen.add(link);
          queue.push(link);
        }
        for (const link of valuesOf(tags, "a", "href").filter((href) => href.includes("/articles/"))) seen.add(link);
      }
      const listed = (await sitemapUrls(fetchPage)).map((url) => url.loc);
      expect([...seen].sort()).toEqual([...listed].sort());
    });
  }

  for (const path of ["/page/4", "/page/0", "/page/01", "/page/-1", "/page/two", "/page/2.0", "/page/2/", "/page/"]) {
    it(`answer ${path} with the 404 page`, async () => {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    });
  }

  it("answer a page number too large for any site with 404, not an error", async () => {
    expect((await get("/page/999999999")).status).toBe(404);
    expect((await get(`/page/${"9".repeat(400)}`)).status).toBe(404);
  });

  it("give a page its own ETag, not the home page's", async () => {
    const etag = (await get("/page/2")).headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(etag).not.toBe((await get("/")).headers.get("etag"));
  });

  it("let caches keep a page followed by another as long as an article, and the last page and / as long as a list", async () => {
    for (const path of ["/page/1", "/page/2"]) {
      expect((await get(path)).headers.get("cache-control"), path).toBe("public, max-age=3600");
    }
    for (const path of ["/page/3", "/"]) {
      expect((await get(path)).headers.get("cache-control"), path).toBe("public, max-age=300");
    }
    // A full last page changes when the next article opens a page after it.
    const exact = appOf(archiveOf(2 * PER_PAGE));
    expect((await exact("/page/1")).headers.get("cache-control")).toBe("public, max-age=3600");
    expect((await exact("/page/2")).headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("date a full page from the publication that opened the page after it, or a later edit", async () => {
    // Report n is published on 1 January 2025 + n days at 09:00; report 20 opened /page/2.
    expect((await get("/page/1")).headers.get("last-modified")).toBe("Tue, 21 Jan 2025 09:00:00 GMT");
    expect((await get("/page/2")).headers.get("last-modified")).toBe("Mon, 10 Feb 2025 09:00:00 GMT");
    expect((await get("/page/3")).headers.get("last-modified")).toBe("Fri, 14 Feb 2025 09:00:00 GMT");
    const edited = publishedApp({
      bundle: { ...bundleOf(ARCHIVE), articleRevisedAt: { [(5).toString(16).padStart(16, "0")]: EDITED_AT } },
      site: testSite(BASE),
      now: () => LATER,
    });
    const lastModified = async (path: string) => (await edited.request(`${BASE}${path}`)).headers.get("last-modified");
    expect(await lastModified("/page/1")).toBe("Sun, 01 Mar 2026 08:00:00 GMT");
    expect(await lastModified("/page/2")).toBe("Mon, 10 Feb 2025 09:00:00 GMT");
  });

  it("have no pager on the home page when it shows every article, and no page when nothing is published", async () => {
    const small = appOf(archiveOf(PER_PAGE));
    const tags = await tagsOf(await (await small("/")).text());
    expect(linksOf(tags, "next")).toEqual([]);
    expect(tags.some((tag) => tag.name === "nav" && tag.attributes.get("class") === "pager")).toBe(false);
    expect(await articleLinksOn(small, "/page/1")).toEqual(reportLinks(PER_PAGE - 1, 0));
    expect((await small("/page/2")).status).toBe(404);

    const early = appOf(archiveOf(3), Date.UTC(2024, 0, 1));
    const home = await early("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Nothing has been published yet.");
    expect((await early("/page/1")).status).toBe(404);
  });
});

describe("a scheduled publication", () => {
  const SCHEDULED = "2029-06-01 12:00:00";
  const BEFORE = Date.UTC(2029, 5, 1, 11, 59);
  const ON_TIME = Date.UTC(2029, 5, 1, 12, 0);

  /** Status, bytes and validators of each path, as the Worker answers them at `now`. */
  async function snapshot(articles: readonly FixtureArticle[], now: number, paths: readonly string[]) {
    const fetchPage = appOf(articles, now);
    return Promise.all(
      paths.map(async (path) => {
        const response = await fetchPage(path);
        return {
          path,
          status: response.status,
          body: new Uint8Array(await response.arrayBuffer()),
          etag: response.headers.get("etag"),
          lastModified: response.headers.get("last-modified"),
        };
      }),
    );
  }

  it("changes only the last page and the home page; full pages keep their bytes and validators", async () => {
    const articles = [...ARCHIVE, { ...dailyArticle(ARCHIVE.length), date: SCHEDULED }];
    const paths = ["/page/1", "/page/2", "/page/3", "/"];
    const [before, after] = [await snapshot(articles, BEFORE, paths), await snapshot(articles, ON_TIME, paths)];
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    for (const i of [2, 3]) {
      expect(after[i]?.etag, paths[i]).not.toBe(before[i]?.etag);
      expect(after[i]?.body, paths[i]).not.toEqual(before[i]?.body);
    }
    expect(after.map((page) => page.status)).toEqual([200, 200, 200, 200]);
    expect(after[2]?.lastModified).toBe("Fri, 01 Jun 2029 12:00:00 GMT");
    expect(await articleLinksOn(appOf(articles, ON_TIME), "/page/3")).toContain(`${BASE}${reportPath(ARCHIVE.length)}`);
  });

  it("opens a new page after a full last page, which then links to it and is cached as full", async () => {
    const full = archiveOf(2 * PER_PAGE);
    const articles = [...full, { ...dailyArticle(full.length), date: SCHEDULED }];
    const [earlier, onTime] = [appOf(articles, BEFORE), appOf(articles, ON_TIME)];
    expect((await earlier("/page/3")).status).toBe(404);
    expect(await articleLinksOn(onTime, "/page/3")).toEqual([`${BASE}${reportPath(full.length)}`]);
    expect(await neighboursOf(earlier, "/page/2")).toEqual(expectedNeighbours(undefined, "/page/1"));
    expect(await neighboursOf(onTime, "/page/2")).toEqual(expectedNeighbours("/page/3", "/page/1"));
    expect((await onTime("/page/2")).headers.get("last-modified")).toBe("Fri, 01 Jun 2029 12:00:00 GMT");
    expect((await onTime("/page/2")).headers.get("cache-control")).toBe("public, max-age=3600");
    const [page1Before, page1After] = [
      await snapshot(articles, BEFORE, ["/page/1"]),
      await snapshot(articles, ON_TIME, ["/page/1"]),
    ];
    expect(page1After).toEqual(page1Before);
    // No cache may keep the last page past the instant it changes.
    expect((await earlier("/page/2")).headers.get("cache-control")).toBe("public, max-age=60");
  });
});
