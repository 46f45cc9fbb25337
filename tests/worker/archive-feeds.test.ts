import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { archiveFeed } from "../../src/model/archive-feeds.ts";
import { renderAtom } from "../../src/render/feeds/atom.ts";
import { renderRss } from "../../src/render/feeds/rss.ts";
import { bundleOf, idOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { publishedApp } from "./support/published-app.ts";
import { assertWellFormedXml, qualifiedElements } from "./support/xml.ts";

// RFC 5005 archived feeds: a reader that starts at a subscription feed and follows
// prev-archive (Atom, RSS) or next_url (JSON Feed) gets every article published so far.

const BASE = "https://news.example";
const PER_PAGE = 3;
const site = { ...testSite(BASE), itemsPerFeed: PER_PAGE };
const ATOM = "http://www.w3.org/2005/Atom";
const FEED_HISTORY = "http://purl.org/syndication/history/1.0";
const YEAR = "public, max-age=31536000";

/** Eleven articles, one a day from 2 January 2025: pages 1–3 complete, page 4 holds 10 and 11. */
const PUBLISHED = Array.from({ length: 11 }, (_, i) => i + 1);
const dayOf = (n: number) => `2025-01-${String(n + 1).padStart(2, "0")} 08:00:00`;
/** Article 12 completes page 4 at its instant. */
const SCHEDULED_AT = Date.UTC(2025, 2, 1, 9);
const BEFORE = Date.UTC(2025, 1, 1);
const AFTER = Date.UTC(2025, 2, 2);
const bundle = bundleOf([
  ...PUBLISHED.map((n) => plainArticle(n, dayOf(n))),
  plainArticle(12, "2025-03-01 09:00:00", "The scheduled report"),
]);

let clock = BEFORE;
const app = publishedApp({ bundle, site, now: () => clock });
const get = (path: string, init: RequestInit = {}) => app.request(`${BASE}${path}`, init);
/** At `at`, as a feed reader asks (it names the feed types, not HTML). */
const readerGet = (at: number, path: string) => {
  clock = at;
  return get(path, {
    headers: { Accept: "application/rss+xml, application/atom+xml, application/feed+json, */*;q=0.5" },
  });
};

interface Document {
  /** Item ids as the reader returns them (the article's 16-hex id). */
  readonly ids: string[];
  readonly prevArchive: string | undefined;
  readonly current: string | undefined;
}

/** One document of each format as a reader parses it (feedsmith), its paging links by rel. */
const FORMATS: Record<string, { file: string; read: (text: string) => Document }> = {
  RSS: {
    file: "rss.xml",
    read: (text) => {
      const feed = parseRssFeed(text);
      const link = (rel: string) => feed.atom?.links?.find((l) => l.rel === rel)?.href;
      return {
        ids: (feed.items ?? []).map((item) => item.guid?.value ?? ""),
        prevArchive: link("prev-archive"),
        current: link("current"),
      };
    },
  },
  Atom: {
    file: "atom.xml",
    read: (text) => {
      const feed = parseAtomFeed(text);
      const link = (rel: string) => feed.links?.find((l) => l.rel === rel)?.href;
      return {
        ids: (feed.entries ?? []).map((entry) => (entry.id ?? "").replace(`tag:${site.tagAuthority}:`, "")),
        prevArchive: link("prev-archive"),
        current: link("current"),
      };
    },
  },
  "JSON Feed": {
    file: "feed.json",
    read: (text) => {
      const feed = parseJsonFeed(JSON.parse(text));
      return { ids: (feed.items ?? []).map((item) => item.id ?? ""), prevArchive: feed.next_url, current: undefined };
    },
  },
};

/** The document at `url` (absolute), checked to be a 200. */
async function fetchDocument(at: number, url: string, format: string): Promise<Document> {
  expect(url.startsWith(`${BASE}/`), url).toBe(true);
  const response = await readerGet(at, url.slice(BASE.length));
  expect(response.status, url).toBe(200);
  return FORMATS[format]?.read(await response.text()) ?? { ids: [], prevArchive: undefined, current: undefined };
}

/** What a new subscriber's reader does: the subscription feed, then every prev-archive (next_url). */
async function backfill(at: number, format: string): Promise<{ ids: string[]; visited: string[] }> {
  const file = FORMATS[format]?.file ?? "";
  let url: string | undefined = `${BASE}/${file}`;
  const ids: string[] = [];
  const visited: string[] = [];
  while (url !== undefined) {
    expect(visited, "a link leads back to a document already read").not.toContain(url);
    visited.push(url);
    const document = await fetchDocument(at, url, format);
    ids.push(...document.ids);
    url = document.prevArchive;
  }
  return { ids, visited };
}

const pageUrls = (file: string, ...pages: number[]) => pages.map((k) => `${BASE}/page/${k}/${file}`);

describe("backfill through archived feeds", () => {
  for (const [format, { file }] of Object.entries(FORMATS)) {
    it(`${format}: from the subscription feed, prev-archive reaches every published article and ends at page 1`, async () => {
      const before = await backfill(BEFORE, format);
      expect(before.visited).toEqual([`${BASE}/${file}`, ...pageUrls(file, 3, 2, 1)]);
      expect(new Set(before.ids)).toEqual(new Set(PUBLISHED.map(idOf)));

      const after = await backfill(AFTER, format);
      expect(after.visited).toEqual([`${BASE}/${file}`, ...pageUrls(file, 4, 3, 2, 1)]);
      expect(new Set(after.ids)).toEqual(new Set([...PUBLISHED, 12].map(idOf)));
    });
  }

  it("gives each archive document its page's articles, newest first, as the HTML page lists them", async () => {
    for (const [format, { file }] of Object.entries(FORMATS)) {
      expect((await fetchDocument(BEFORE, `${BASE}/page/1/${file}`, format)).ids, format).toEqual([3, 2, 1].map(idOf));
      expect((await fetchDocument(BEFORE, `${BASE}/page/3/${file}`, format)).ids, format).toEqual([9, 8, 7].map(idOf));
      expect((await fetchDocument(AFTER, `${BASE}/page/4/${file}`, format)).ids, format).toEqual(
        [12, 11, 10].map(idOf),
      );
    }
  });
});

describe("archive documents (RFC 5005 §4)", () => {
  for (const format of ["RSS", "Atom"]) {
    const file = FORMATS[format]?.file ?? "";
    const container = format === "RSS" ? { uri: "", local: "channel" } : { uri: ATOM, local: "feed" };

    it(`${format}: say fh:archive in the feed's head, in its namespace, and never in the subscription feed`, async () => {
      for (const page of [1, 2, 3]) {
        const xml = await (await readerGet(BEFORE, `/page/${page}/${file}`)).text();
        expect(() => assertWellFormedXml(xml)).not.toThrow();
        const archive = qualifiedElements(xml).filter((e) => e.uri === FEED_HISTORY);
        expect(archive).toEqual([{ uri: FEED_HISTORY, local: "archive", parent: container }]);
      }
      const feed = await (await readerGet(BEFORE, `/${file}`)).text();
      expect(() => assertWellFormedXml(feed)).not.toThrow();
      expect(qualifiedElements(feed).filter((e) => e.uri === FEED_HISTORY)).toEqual([]);
    });

    it(`${format}: link rel="current" to the subscription feed and rel="prev-archive" to the page before, none on page 1`, async () => {
      const page2 = await fetchDocument(BEFORE, `${BASE}/page/2/${file}`, format);
      expect(page2.current).toBe(`${BASE}/${file}`);
      expect(page2.prevArchive).toBe(`${BASE}/page/1/${file}`);
      const page1 = await fetchDocument(BEFORE, `${BASE}/page/1/${file}`, format);
      expect(page1.current).toBe(`${BASE}/${file}`);
      expect(page1.prevArchive).toBeUndefined();
    });

    it(`${format}: never link next-archive, which the newest archive document would gain later`, async () => {
      for (const page of [1, 2, 3]) {
        const text = await (await readerGet(AFTER, `/page/${page}/${file}`)).text();
        expect(text).not.toContain("next-archive");
      }
    });
  }

  it("RSS: declares the atom prefix its links use, in the Atom namespace", async () => {
    const xml = await (await readerGet(BEFORE, "/page/2/rss.xml")).text();
    const links = qualifiedElements(xml).filter((e) => e.local === "link" && e.parent?.local === "channel");
    expect(links.filter((e) => e.uri === ATOM)).toHaveLength(3);
  });

  it("Atom: an archive document is a part of the site's feed and carries its id", async () => {
    const subscription = parseAtomFeed(await (await readerGet(BEFORE, "/atom.xml")).text());
    const archive = parseAtomFeed(await (await readerGet(BEFORE, "/page/2/atom.xml")).text());
    expect(archive.id).toBe(subscription.id);
    expect(archive.links?.find((l) => l.rel === "self")?.href).toBe(`${BASE}/page/2/atom.xml`);
  });

  it("JSON Feed: next_url leads to the page before, never to itself, and page 1 has none", async () => {
    const page2 = parseJsonFeed(JSON.parse(await (await readerGet(BEFORE, "/page/2/feed.json")).text()));
    expect(page2.next_url).toBe(`${BASE}/page/1/feed.json`);
    expect(page2.feed_url).toBe(`${BASE}/page/2/feed.json`);
    const page1 = parseJsonFeed(JSON.parse(await (await readerGet(BEFORE, "/page/1/feed.json")).text()));
    expect(page1.next_url).toBeUndefined();
    const subscription = parseJsonFeed(JSON.parse(await (await readerGet(BEFORE, "/feed.json")).text()));
    expect(subscription.next_url).toBe(`${BASE}/page/3/feed.json`);
  });

  it("a feed with no complete page yet links no archive", async () => {
    const small = publishedApp({ bundle: bundleOf([1, 2].map((n) => plainArticle(n, dayOf(n)))), site });
    for (const [format, { file }] of Object.entries(FORMATS)) {
      const text = await (await small.request(`${BASE}/${file}`, { headers: { Accept: "*/*" } })).text();
      expect(FORMATS[format]?.read(text).prevArchive, format).toBeUndefined();
      expect((await small.request(`${BASE}/page/1/${file}`)).status, format).toBe(404);
    }
  });
});

describe("serving archive documents", () => {
  it("serves a page's documents only once the page is complete: 404 before the scheduled article, 200 after", async () => {
    for (const { file } of Object.values(FORMATS)) {
      expect((await readerGet(BEFORE, `/page/4/${file}`)).status).toBe(404);
      expect((await readerGet(AFTER, `/page/4/${file}`)).status).toBe(200);
      expect((await readerGet(AFTER, `/page/5/${file}`)).status).toBe(404);
    }
  });

  it("answers the 404 page, cached only until the page may complete", async () => {
    clock = SCHEDULED_AT - 30_000;
    const response = await get("/page/4/rss.xml");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=30");
  });

  it("serves each format with its media type, a strong ETag, Last-Modified and a year's Cache-Control, even just before a publication", async () => {
    const types = {
      "rss.xml": "application/rss+xml",
      "atom.xml": "application/atom+xml",
      "feed.json": "application/feed+json",
    };
    clock = SCHEDULED_AT - 30_000;
    for (const [file, type] of Object.entries(types)) {
      const response = await get(`/page/2/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(`${type}; charset=utf-8`);
      expect(response.headers.get("cache-control")).toBe(YEAR);
      expect(response.headers.get("etag")).toMatch(/^"[^"]+"$/);
      // Page 2 was complete when its newest article, number 6, was published.
      expect(response.headers.get("last-modified")).toBe("Tue, 07 Jan 2025 08:00:00 GMT");
    }
    // The subscription feeds keep a cache time that ends at the next publication.
    expect((await get("/rss.xml")).headers.get("cache-control")).toBe("public, max-age=30");
  });

  it("keeps a document's bytes and validators from one publication to the next", async () => {
    const before = await readerGet(BEFORE, "/page/3/atom.xml");
    const after = await readerGet(AFTER, "/page/3/atom.xml");
    expect(after.headers.get("etag")).toBe(before.headers.get("etag"));
    expect(after.headers.get("last-modified")).toBe(before.headers.get("last-modified"));
    expect(await after.text()).toBe(await before.text());
  });

  it("gives a browser the document itself, so nothing varies by Accept", async () => {
    clock = AFTER;
    const browser = await get("/page/2/rss.xml", { headers: { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    const reader = await readerGet(AFTER, "/page/2/rss.xml");
    expect(browser.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(await browser.text()).toBe(await reader.text());
    // Only the coding varies: the document is stored gzip-coded, and sent so to clients that accept it.
    expect(browser.headers.get("vary")).toBe("Accept-Encoding");
  });

  it("sends RSS, Atom and JSON Feed gzip-coded to a client that accepts gzip, varying on Accept-Encoding only", async () => {
    clock = AFTER;
    for (const file of ["rss.xml", "atom.xml", "feed.json"]) {
      const plain = await get(`/page/2/${file}`);
      const plainBytes = new Uint8Array(await plain.arrayBuffer());
      const gzipped = await get(`/page/2/${file}`, { headers: { "Accept-Encoding": "gzip" } });
      expect(gzipped.headers.get("content-encoding"), file).toBe("gzip");
      expect(gzipped.headers.get("vary"), file).toBe("Accept-Encoding");
      expect(plain.headers.get("vary"), file).toBe("Accept-Encoding");
      expect(gzipped.headers.get("cache-control"), file).toBe(YEAR);
      expect(gzipped.headers.get("etag"), file).not.toBe(plain.headers.get("etag"));
      const body = new Uint8Array(await gzipped.arrayBuffer());
      const unzipped = await new Response(
        new Blob([body]).stream().pipeThrough(new DecompressionStream("gzip")),
      ).arrayBuffer();
      expect(new Uint8Array(unzipped), file).toEqual(plainBytes);
    }
  });

  it("answers only the canonical spelling of a page number and the three file names", async () => {
    clock = AFTER;
    for (const path of [
      "/page/0/rss.xml",
      "/page/01/rss.xml",
      "/page/+1/rss.xml",
      "/page/-1/atom.xml",
      "/page/one/feed.json",
      "/page/1/index.xml",
      "/page/1/RSS.xml",
      "/page/1/rss.xml/",
      "/page/1/",
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

describe("next-archive (RFC 5005 §4)", () => {
  const all = bundle.articles;
  const linksOf = (links: readonly { rel?: string; href?: string }[] | undefined) =>
    Object.fromEntries((links ?? []).map((link) => [link.rel ?? "", link.href ?? ""]));

  it("links the next newer archive document when it was complete at the build, in Atom and RSS", () => {
    const first = archiveFeed(site, all, 1, 3);
    const atom = renderAtom(site, first);
    assertWellFormedXml(atom);
    expect(linksOf(parseAtomFeed(atom).links)).toMatchObject({
      "next-archive": `${BASE}/page/2/atom.xml`,
      current: `${BASE}/atom.xml`,
    });
    expect(linksOf(parseRssFeed(renderRss(site, first)).atom?.links)["next-archive"]).toBe(`${BASE}/page/2/rss.xml`);
  });

  it("never links a page that was not complete at the build, so the link never leads to a 404", () => {
    expect(
      linksOf(parseAtomFeed(renderAtom(site, archiveFeed(site, all, 3, 3))).links)["next-archive"],
    ).toBeUndefined();
    expect(
      linksOf(parseAtomFeed(renderAtom(site, archiveFeed(site, all, 1, 0))).links)["next-archive"],
    ).toBeUndefined();
  });
});
