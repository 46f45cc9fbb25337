import { decodeHTML } from "entities";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import type { ArticleBundle } from "../../src/model/article.ts";
import { idOf, bundleOf as loadedBundleOf } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { linksOf, sitemapUrls, tagsOf, valuesOf } from "./pages/page-fixtures.ts";
import { publishedApp, publishInMemory } from "./support/published-app.ts";
import { assertWellFormedXml } from "./support/xml.ts";

const BASE = "https://news.example";
const site = { ...testSite(BASE), itemsPerFeed: 2 };
/** After every article below but the scheduled one. */
const NOW = Date.UTC(2025, 5, 1);
const SCHEDULED_AT = Date.UTC(2025, 6, 1, 9);

interface Written {
  readonly n: number;
  readonly date: string;
  readonly fields?: readonly string[];
}

/** Article files as an author writes them, through the real loader. */
function bundleOf(articles: readonly Written[]): ArticleBundle {
  return loadedBundleOf(
    articles.map(({ n, date, fields }) => ({
      id: idOf(n),
      title: `Report ${n}`,
      date,
      ...(fields ? { fields } : {}),
      abstract: `About report ${n}.`,
      paragraphs: [`The text of report ${n}.`],
    })),
  );
}

const ARTICLES: Written[] = [
  { n: 1, date: "2025-01-01 09:00:00", fields: ["Tags: Energy, Kyiv", "Author: Olena Kovalenko"] },
  { n: 2, date: "2025-01-02 09:00:00", fields: ["Tags: energy"] },
  { n: 3, date: "2025-01-03 09:00:00", fields: ["Tags: Energy, Енергетика", "Author: Taras <Editor> & Co"] },
  { n: 4, date: "2025-01-04 09:00:00" },
  { n: 5, date: "2025-01-05 09:00:00", fields: ["Tags: Energy", "Author: Olena Kovalenko"] },
  { n: 6, date: "2025-07-01 09:00:00", fields: ["Tags: Secret plans, Energy", "Author: New Hire"] },
];
const bundle = bundleOf(ARTICLES);
const appAt = (at: number) => publishedApp({ bundle, site, now: () => at });
const app = appAt(NOW);
const get = (path: string, accept = "*/*") => app.request(`${BASE}${path}`, { headers: { accept } });
const articleUrl = (n: number) => {
  const article = bundle.articles.find((a) => a.title === `Report ${n}`);
  return `${BASE}/articles/${article?.id}/${article?.slug}`;
};

async function listedArticles(path: string): Promise<string[]> {
  const tags = await tagsOf(await (await get(path)).text());
  return valuesOf(tags, "a", "href").filter((href) => href.startsWith(`${BASE}/articles/`));
}

describe("tag pages", () => {
  it("list every published tag with its article count, one topic per address whatever the spelling", async () => {
    const response = await get("/tags");
    expect(response.status).toBe(200);
    const tags = await tagsOf(await response.text());
    const links = tags.filter((tag) => tag.name === "a" && tag.attributes.get("href")?.startsWith(`${BASE}/tags/`));
    expect(links.map((a) => [a.attributes.get("href"), a.text])).toEqual([
      [`${BASE}/tags/energy`, "Energy"],
      [`${BASE}/tags/enerhetyka`, "Енергетика"],
      [`${BASE}/tags/kyiv`, "Kyiv"],
    ]);
    const counts = tags
      .filter((tag) => tag.name === "span" && tag.attributes.get("class") === "meta")
      .map((s) => s.text);
    expect(counts).toEqual(["(4 articles)", "(1 article)", "(1 article)"]);
  });

  it("show a tag's newest articles and page through the rest like the site's list pages", async () => {
    expect(await listedArticles("/tags/energy")).toEqual([articleUrl(5), articleUrl(3)]);
    expect(await listedArticles("/tags/energy/page/1")).toEqual([articleUrl(2), articleUrl(1)]);
    expect(await listedArticles("/tags/energy/page/2")).toEqual([articleUrl(5), articleUrl(3)]);
    expect((await get("/tags/energy/page/3")).status).toBe(404);
    const page = await tagsOf(await (await get("/tags/energy")).text());
    expect(linksOf(page, "next")).toEqual([`${BASE}/tags/energy/page/1`]);
  });

  it("keep full pages in shards, answer only canonical page numbers, and gain a newer link when a page fills", async () => {
    const { files } = await publishInMemory(bundle, site);
    expect([...files.keys()].filter((path) => path.startsWith("/t/"))).toEqual(["/t/tags-energy-0"]);
    for (const spelling of ["01", "0", "+1", "1/", "1.0"]) {
      expect((await get(`/tags/energy/page/${spelling}`)).status, spelling).toBe(404);
    }
    // Page 2 is the last page now; the scheduled Energy article opens page 3 at its instant.
    const before = await tagsOf(await (await get("/tags/energy/page/2")).text());
    expect(linksOf(before, "prev")).toEqual([]);
    const after = await tagsOf(await (await appAt(SCHEDULED_AT).request(`${BASE}/tags/energy/page/2`)).text());
    expect(linksOf(after, "prev")).toEqual([`${BASE}/tags/energy/page/3`]);
  });

  it("offer the tag's own feeds to readers that look for them, before the site's", async () => {
    const page = await tagsOf(await (await get("/tags/energy")).text());
    const alternates = page.filter((tag) => tag.name === "link" && tag.attributes.get("rel") === "alternate");
    expect(alternates.map((link) => link.attributes.get("href"))).toEqual([
      `${BASE}/tags/energy/rss.xml`,
      `${BASE}/tags/energy/atom.xml`,
      `${BASE}/tags/energy/feed.json`,
      `${BASE}/rss.xml`,
      `${BASE}/atom.xml`,
      `${BASE}/feed.json`,
      `${BASE}/feeds.opml`,
    ]);
  });

  it("are linked from the article page", async () => {
    const page = await tagsOf(await (await app.request(articleUrl(3))).text());
    const tagLinks = page.filter((tag) => tag.name === "a" && tag.attributes.get("rel") === "tag");
    expect(tagLinks.map((a) => [a.attributes.get("href"), a.text])).toEqual([
      [`${BASE}/tags/energy`, "Energy"],
      [`${BASE}/tags/enerhetyka`, "Енергетика"],
    ]);
  });

  it("are in the sitemap", async () => {
    const urls = (await sitemapUrls(get)).map((entry) => entry.loc);
    expect(urls).toEqual(
      expect.arrayContaining([
        `${BASE}/tags`,
        `${BASE}/tags/energy`,
        `${BASE}/tags/energy/page/2`,
        `${BASE}/tags/kyiv`,
      ]),
    );
  });
});

describe("tag feeds", () => {
  it("carry only the tag's newest articles, in every format, with their categories as readers return them", async () => {
    const rssXml = await (await get("/tags/energy/rss.xml", "application/rss+xml")).text();
    assertWellFormedXml(rssXml);
    const rss = parseRssFeed(rssXml);
    expect(rss.title).toBe(`${site.title}: Energy`);
    expect(rss.link).toBe(`${BASE}/tags/energy`);
    expect(rss.items?.map((item) => item.link)).toEqual([articleUrl(5), articleUrl(3)]);
    expect(rss.items?.[1]?.categories).toEqual([
      { name: "Energy", domain: `${BASE}/tags/` },
      { name: "Енергетика", domain: `${BASE}/tags/` },
    ]);

    const atomXml = await (await get("/tags/energy/atom.xml", "application/atom+xml")).text();
    assertWellFormedXml(atomXml);
    const atom = parseAtomFeed(atomXml);
    expect(atom.links?.find((link) => link.rel === "self")?.href).toBe(`${BASE}/tags/energy/atom.xml`);
    expect(atom.entries?.[1]?.categories).toEqual([
      { term: "energy", scheme: `${BASE}/tags/`, label: "Energy" },
      { term: "enerhetyka", scheme: `${BASE}/tags/`, label: "Енергетика" },
    ]);

    const json = parseJsonFeed(await (await get("/tags/energy/feed.json", "application/feed+json")).text());
    expect(json.feed_url).toBe(`${BASE}/tags/energy/feed.json`);
    expect(json.home_page_url).toBe(`${BASE}/tags/energy`);
    expect(json.items?.map((item) => item.tags)).toEqual([["Energy"], ["Energy", "Енергетика"]]);
  });

  it("give a browser the feed's preview page, and vary on Accept", async () => {
    const response = await get("/tags/energy/rss.xml", "text/html,application/xhtml+xml");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("vary")).toContain("Accept");
    const page = await response.text();
    expect(page).toContain(`${BASE}/tags/energy/rss.xml`);
    // Its older articles are on the tag's pages, not the site's home page.
    const archiveLink = (await tagsOf(page)).find((tag) => tag.name === "a" && tag.text.endsWith("page"));
    expect([archiveLink?.attributes.get("href"), archiveLink?.text]).toEqual([`${BASE}/tags/energy`, "its page"]);
  });
});

describe("authors", () => {
  it("are named on every item: dc:creator, Atom author, JSON Feed authors, the site's author by default", async () => {
    const rss = parseRssFeed(await (await get("/rss.xml", "application/rss+xml")).text());
    expect(rss.items?.map((item) => item.dc?.creators)).toEqual([["Olena Kovalenko"], [site.author]]);
    const atom = parseAtomFeed(await (await get("/atom.xml", "application/atom+xml")).text());
    expect(atom.entries?.map((entry) => entry.authors?.map((author) => author.name))).toEqual([
      ["Olena Kovalenko"],
      [site.author],
    ]);
    const all = publishedApp({ bundle, site: { ...site, itemsPerFeed: 10 }, now: () => NOW });
    const json = parseJsonFeed(await (await all.request(`${BASE}/feed.json`)).text());
    expect(json.items?.map((item) => item.authors?.[0]?.name)).toEqual([
      "Olena Kovalenko",
      site.author,
      "Taras <Editor> & Co",
      site.author,
      "Olena Kovalenko",
    ]);
  });

  it("each get a page and feeds when the site has more than one, linked from the byline", async () => {
    expect(await listedArticles("/authors/olena-kovalenko")).toEqual([articleUrl(5), articleUrl(1)]);
    expect(await listedArticles("/authors/taras-editor-co")).toEqual([articleUrl(3)]);
    const rss = parseRssFeed(await (await get("/authors/olena-kovalenko/rss.xml", "application/rss+xml")).text());
    expect(rss.items?.map((item) => item.link)).toEqual([articleUrl(5), articleUrl(1)]);
    const page = await tagsOf(await (await app.request(articleUrl(3))).text());
    const byline = page.find((tag) => tag.name === "a" && tag.attributes.get("rel") === "author");
    // As a browser shows it: the markup characters decoded once, never twice.
    expect([byline?.attributes.get("href"), decodeHTML(byline?.text ?? "")]).toEqual([
      `${BASE}/authors/taras-editor-co`,
      "Taras <Editor> & Co",
    ]);
    expect((await get("/authors")).status).toBe(200);
  });

  it("have no pages on a site with one author", async () => {
    const single = publishedApp({ bundle: bundleOf([{ n: 1, date: "2025-01-01 09:00:00" }]), site, now: () => NOW });
    expect((await single.request(`${BASE}/authors`)).status).toBe(404);
    const slug = site.author.toLowerCase().replaceAll(" ", "-");
    expect((await single.request(`${BASE}/authors/${slug}`)).status).toBe(404);
  });
});

describe("scheduled articles and topics", () => {
  it("reveal no tag or author of a scheduled article before its instant", async () => {
    expect((await get("/tags/secret-plans")).status).toBe(404);
    expect((await get("/tags/secret-plans/rss.xml")).status).toBe(404);
    expect((await get("/authors/new-hire")).status).toBe(404);
    for (const path of ["/tags", "/authors", "/tags/energy", "/tags/energy/feed.json", "/sitemaps/pages.xml"]) {
      const body = await (await get(path)).text();
      expect(body, path).not.toContain("Secret plans");
      expect(body, path).not.toContain("new-hire");
    }
  });

  it("open /tags, and the home page's link to it, only once a tagged article is published", async () => {
    const onlyScheduledTagged = bundleOf([
      { n: 1, date: "2025-01-01 09:00:00" },
      { n: 6, date: "2025-07-01 09:00:00", fields: ["Tags: Secret plans"] },
    ]);
    const at = (now: number) => publishedApp({ bundle: onlyScheduledTagged, site, now: () => now });
    const homeLinks = async (now: number) =>
      valuesOf(await tagsOf(await (await at(now).request(`${BASE}/`)).text()), "a", "href");
    expect((await at(SCHEDULED_AT - 1000).request(`${BASE}/tags`)).status).toBe(404);
    expect(await homeLinks(SCHEDULED_AT - 1000)).not.toContain(`${BASE}/tags`);
    expect((await at(SCHEDULED_AT).request(`${BASE}/tags`)).status).toBe(200);
    expect(await homeLinks(SCHEDULED_AT)).toContain(`${BASE}/tags`);
  });

  it("publish them at the instant, and bound every topic response's max-age by it", async () => {
    const before = await appAt(SCHEDULED_AT - 60_000).request(`${BASE}/tags/energy`);
    expect(before.headers.get("cache-control")).toBe("public, max-age=60");
    const later = appAt(SCHEDULED_AT);
    expect((await later.request(`${BASE}/tags/secret-plans`)).status).toBe(200);
    expect((await later.request(`${BASE}/authors/new-hire/atom.xml`)).status).toBe(200);
  });
});
