// /feeds and /feeds.opml: every feed of the site (the site's, each tag's, each author's) in one
// list, as a page with the addresses to copy and as an OPML 2.0 document a reader imports at once.
import { decodeHTML } from "entities";
import { parseOpml } from "feedsmith";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { bundleOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { tagsOf } from "./pages/page-fixtures.ts";
import { publishedApp } from "./support/published-app.ts";
import { assertWellFormedXml } from "./support/xml.ts";

const BASE = "https://news.example";
const site = { ...testSite(BASE), itemsPerFeed: 2 };
const NOW = Date.UTC(2025, 5, 1);
/** Publishes a new topic and a new author. */
const NEW_TOPIC_AT = Date.UTC(2025, 6, 1, 9);
/** Publishes an article whose topic and author the list already has. */
const SAME_TOPICS_AT = Date.UTC(2025, 7, 1, 9);
const bundle = bundleOf([
  { ...plainArticle(1, "2025-01-01 09:00:00"), fields: ["Tags: Energy, Kyiv", "Author: Olena Kovalenko"] },
  { ...plainArticle(2, "2025-01-02 09:00:00"), fields: ["Tags: energy", "Author: Taras <Editor> & Co"] },
  { ...plainArticle(3, "2025-01-03 09:00:00"), fields: ["Tags: R&D <Labs>"] },
  { ...plainArticle(4, "2025-07-01 09:00:00"), fields: ["Tags: Secret plans", "Author: New Hire"] },
  { ...plainArticle(5, "2025-08-01 09:00:00"), fields: ["Tags: Energy", "Author: Olena Kovalenko"] },
]);
const appAt = (at: number) => publishedApp({ bundle, site, now: () => at });
const app = appAt(NOW);
const get = (path: string, init: RequestInit = {}) => app.request(`${BASE}${path}`, init);

/** Every feed of the site at NOW: the address, the page, and the title readers show. */
const FEED_ROWS: readonly (readonly [feed: string, page: string, title: string])[] = [
  ["/rss.xml", "/", site.title],
  ["/tags/energy/rss.xml", "/tags/energy", `${site.title}: Energy`],
  ["/tags/kyiv/rss.xml", "/tags/kyiv", `${site.title}: Kyiv`],
  ["/tags/r-d-labs/rss.xml", "/tags/r-d-labs", `${site.title}: R&D <Labs>`],
  ["/authors/olena-kovalenko/rss.xml", "/authors/olena-kovalenko", `${site.title}: Olena Kovalenko`],
  ["/authors/taras-editor-co/rss.xml", "/authors/taras-editor-co", `${site.title}: Taras <Editor> & Co`],
  ["/authors/ukraine-briefing-desk/rss.xml", "/authors/ukraine-briefing-desk", `${site.title}: ${site.author}`],
];
const FEEDS = FEED_ROWS.map(([feed, page, title]) => ({ xmlUrl: `${BASE}${feed}`, htmlUrl: `${BASE}${page}`, title }));

interface Outline {
  readonly attributes: Readonly<Record<string, string>>;
  readonly depth: number;
}

/** The root and every outline of an OPML document, read by a strict XML parser; throws unless well-formed. */
function outlinesOf(xml: string): { root: string; version: string; outlines: Outline[] } {
  assertWellFormedXml(xml);
  const parser = new SaxesParser();
  const result = { root: "", version: "", outlines: [] as Outline[] };
  let depth = 0;
  parser.on("opentag", (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (result.root === "") Object.assign(result, { root: tag.name, version: attributes.version ?? "" });
    if (tag.name === "outline") result.outlines.push({ attributes, depth: depth++ });
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "outline") depth--;
  });
  parser.write(xml).close();
  return result;
}

describe("/feeds.opml", () => {
  it("is an OPML 2.0 document of every feed, one outline each with xmlUrl, htmlUrl, title and type, in a folder named after the site", async () => {
    const response = await get("/feeds.opml");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/x-opml; charset=utf-8");
    const { root, version, outlines } = outlinesOf(await response.text());
    expect([root, version]).toEqual(["opml", "2.0"]);
    // The folder has nothing but its text: any other attribute would make it a feed without a type.
    expect(outlines[0]).toEqual({ attributes: { text: site.title }, depth: 0 });
    const feeds = outlines.slice(1);
    expect(feeds.every((outline) => outline.depth === 1)).toBe(true);
    expect(feeds.map(({ attributes: a }) => ({ xmlUrl: a.xmlUrl, htmlUrl: a.htmlUrl, title: a.title }))).toEqual(FEEDS);
    for (const { attributes } of feeds) {
      expect(attributes.type).toBe("rss");
      expect(attributes.text).toBe(attributes.title);
    }
  });

  it("reads the same to feedsmith's OPML parser, titles as written", async () => {
    const opml = parseOpml(await (await get("/feeds.opml")).text());
    expect(opml.head?.title).toBe(`${site.title}: all feeds`);
    const [folder] = opml.body?.outlines ?? [];
    expect(folder?.text).toBe(site.title);
    expect(folder?.outlines?.map((outline) => [outline.xmlUrl, outline.title])).toEqual(
      FEEDS.map((feed) => [feed.xmlUrl, feed.title]),
    );
  });

  it("names a feed only once its first article is published, and changes only then", async () => {
    const xmlUrls = async (at: number) => {
      const response = await appAt(at).request(`${BASE}/feeds.opml`);
      const urls = outlinesOf(await response.text()).outlines.flatMap((o) => o.attributes.xmlUrl ?? []);
      return { urls, etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") };
    };
    const before = await xmlUrls(NEW_TOPIC_AT - 1000);
    expect(before.urls).toEqual(FEEDS.map((feed) => feed.xmlUrl));
    expect(before.urls.join(" ")).not.toContain("secret-plans");
    const after = await xmlUrls(NEW_TOPIC_AT);
    expect(after.urls).toContain(`${BASE}/tags/secret-plans/rss.xml`);
    expect(after.urls).toContain(`${BASE}/authors/new-hire/rss.xml`);
    expect(after.etag).not.toBe(before.etag);
    expect(after.lastModified).toBe(new Date(NEW_TOPIC_AT).toUTCString());
    // An article of known topics by a known author changes nothing in the list: same validators.
    const later = await xmlUrls(SAME_TOPICS_AT);
    expect([later.urls, later.etag, later.lastModified]).toEqual([after.urls, after.etag, after.lastModified]);
  });

  it("is cached like the other lists, until the next publication, and answers conditional requests", async () => {
    const response = await get("/feeds.opml");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const near = await appAt(NEW_TOPIC_AT - 60_000).request(`${BASE}/feeds.opml`);
    expect(near.headers.get("cache-control")).toBe("public, max-age=60");
    const etag = response.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await get("/feeds.opml", { headers: { "If-None-Match": etag } })).status).toBe(304);
    const since = response.headers.get("last-modified") ?? "";
    expect((await get("/feeds.opml", { headers: { "If-Modified-Since": since } })).status).toBe(304);
  });
});

describe("/feeds", () => {
  it("lists every feed with the address to copy, by whole site, topic and author, with the page of each", async () => {
    const response = await get("/feeds", { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const tags = await tagsOf(await response.text());
    const addresses = tags.filter((tag) => tag.name === "code" && tag.attributes.get("class") === "feed-url");
    expect(addresses.map((code) => code.text)).toEqual([`${BASE}/feeds.opml`, ...FEEDS.map((feed) => feed.xmlUrl)]);
    expect(tags.filter((tag) => tag.name === "h2").map((h2) => h2.text)).toEqual([
      "The whole site",
      "Topics",
      "Authors",
    ]);
    const headings = tags.flatMap((tag, index) => (tag.name === "h3" ? [tags[index + 1]] : []));
    expect(headings.map((a) => [a?.attributes.get("href"), decodeHTML(a?.text ?? "")])).toEqual(
      FEEDS.map((feed, index) => [feed.htmlUrl, index === 0 ? site.title : feed.title.slice(site.title.length + 2)]),
    );
    // Each feed in the other formats too, and the OPML to download.
    const hrefs = tags.filter((tag) => tag.name === "a").map((a) => a.attributes.get("href"));
    for (const feed of FEEDS) {
      expect(hrefs).toContain(feed.xmlUrl.replace(/rss\.xml$/, "atom.xml"));
      expect(hrefs).toContain(feed.xmlUrl.replace(/rss\.xml$/, "feed.json"));
    }
    const download = tags.find((tag) => tag.name === "a" && tag.text === "download the list");
    expect(download?.attributes.get("href")).toBe(`${BASE}/feeds.opml`);
    expect(download?.attributes.has("download")).toBe(true);
  });

  it("has no Topics or Authors section on a site with neither", async () => {
    const plain = publishedApp({ bundle: bundleOf([plainArticle(1, "2025-01-01 09:00:00")]), site, now: () => NOW });
    const tags = await tagsOf(await (await plain.request(`${BASE}/feeds`)).text());
    expect(tags.filter((tag) => tag.name === "h2").map((h2) => h2.text)).toEqual(["The whole site"]);
    const opml = outlinesOf(await (await plain.request(`${BASE}/feeds.opml`)).text());
    expect(opml.outlines.flatMap((o) => o.attributes.xmlUrl ?? [])).toEqual([`${BASE}/rss.xml`]);
  });

  it("names a topic only once it is published, like /tags", async () => {
    const page = async (at: number) => (await appAt(at).request(`${BASE}/feeds`)).text();
    expect(await page(NEW_TOPIC_AT - 1000)).not.toContain("Secret plans");
    expect(await page(NEW_TOPIC_AT)).toContain(`${BASE}/tags/secret-plans/rss.xml`);
  });

  it("is in the sitemap with the Last-Modified it is served with", async () => {
    const sitemap = await (await get("/sitemaps/pages.xml")).text();
    const lastmod = /<loc>https:\/\/news\.example\/feeds<\/loc><lastmod>([^<]+)<\/lastmod>/.exec(sitemap)?.[1];
    const served = (await get("/feeds")).headers.get("last-modified");
    expect(Date.parse(lastmod ?? "")).toBe(Date.parse(served ?? ""));
  });
});
