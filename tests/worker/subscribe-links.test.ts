// Where a reader looks for a way to subscribe: under the home page's and each topic
// page's heading, in every other page's header, after an article for its topics, and in every
// footer; each a link to a feed, whose browser view is its preview page.
import { decodeHTML } from "entities";
import { describe, expect, it } from "vitest";
import { bundleOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { type Tag, tagsOf } from "./pages/page-fixtures.ts";
import { publishedApp } from "./support/published-app.ts";

const BASE = "https://news.example";
const BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const site = { ...testSite(BASE), itemsPerFeed: 2 };
const bundle = bundleOf([
  {
    ...plainArticle(1, "2025-01-01 09:00:00", "Grid report"),
    fields: ["Tags: Energy, Kyiv", "Author: Olena Kovalenko"],
  },
  { ...plainArticle(2, "2025-01-02 09:00:00"), fields: ["Tags: Energy", "Author: Taras <Editor> & Co"] },
  { ...plainArticle(3, "2025-01-03 09:00:00"), fields: ["Tags: R&D <Labs>"] },
]);
const app = publishedApp({ bundle, site, now: () => Date.UTC(2025, 5, 1) });
const get = (path: string, accept = BROWSER) => app.request(`${BASE}${path}`, { headers: { accept } });
const ARTICLE = "/articles/0000000000000001/grid-report";

/** A link as a person sees it: where it leads and its text, markup characters decoded once. */
const shown = (a: Tag | undefined) => a && [a.attributes.get("href"), decodeHTML(a.text.trim())];
const withClass = (tags: readonly Tag[], name: string, cls: string) =>
  tags.filter((tag) => tag.name === name && (tag.attributes.get("class") ?? "").split(" ").includes(cls));

/** Every link `selector` matches, in document order: where it leads and all the text it shows, decoded. */
async function linksOf(path: string, selector: string): Promise<{ href: string; text: string }[]> {
  const links: { href: string; text: string }[] = [];
  await new HTMLRewriter()
    .on(selector, {
      element(element) {
        links.push({ href: element.getAttribute("href") ?? "", text: "" });
      },
      // Text handlers see the text of the element's descendants too.
      text(chunk) {
        const link = links.at(-1);
        if (link) link.text += chunk.text;
      },
    })
    .transform(await get(path))
    .arrayBuffer();
  return links.map(({ href, text }) => ({ href, text: decodeHTML(text.trim()) }));
}

describe("the home page", () => {
  it("offers the site's feed under its title, before the first article, with a link to every feed", async () => {
    const tags = await tagsOf(await (await get("/")).text());
    const [offer] = withClass(tags, "p", "subscribe");
    const button = withClass(tags, "a", "subscribe-button");
    expect(button.map((a) => [a.attributes.get("href"), a.attributes.get("type")])).toEqual([
      [`${BASE}/rss.xml`, "application/rss+xml"],
    ]);
    expect(await linksOf("/", "a.subscribe-button")).toEqual([{ href: `${BASE}/rss.xml`, text: "Subscribe" }]);
    const firstArticle = tags.findIndex(
      (tag) => tag.name === "a" && tag.attributes.get("href")?.includes("/articles/"),
    );
    const lede = withClass(tags, "p", "lede")[0];
    expect(tags.indexOf(lede as Tag)).toBeLessThan(tags.indexOf(offer as Tag));
    expect(tags.indexOf(button[0] as Tag)).toBeLessThan(firstArticle);
    const offerLinks = tags.slice(tags.indexOf(offer as Tag), firstArticle).filter((tag) => tag.name === "a");
    expect(offerLinks.map(shown)).toEqual([
      [`${BASE}/rss.xml`, "Subscribe"],
      [`${BASE}/feeds`, "All feeds"],
    ]);
  });
});

describe("a topic's page", () => {
  it.each([
    ["/tags/energy", "/tags/energy/rss.xml", "Subscribe to Energy"],
    ["/tags/energy/page/1", "/tags/energy/rss.xml", "Subscribe to Energy"],
    ["/tags/r-d-labs", "/tags/r-d-labs/rss.xml", "Subscribe to R&D <Labs>"],
    ["/authors/olena-kovalenko", "/authors/olena-kovalenko/rss.xml", "Subscribe to Olena Kovalenko"],
    ["/authors/taras-editor-co", "/authors/taras-editor-co/rss.xml", "Subscribe to Taras <Editor> & Co"],
  ])("%s offers its own feed under its heading, the site's in the header", async (path, feed, text) => {
    expect(await linksOf(path, "a.subscribe-button")).toEqual([
      { href: `${BASE}/rss.xml`, text: "Subscribe" },
      { href: `${BASE}${feed}`, text },
    ]);
    const tags = await tagsOf(await (await get(path)).text());
    const [, button] = withClass(tags, "a", "subscribe-button");
    const heading = tags.findIndex((tag) => tag.name === "h1");
    const firstArticle = tags.findIndex(
      (tag) => tag.name === "a" && tag.attributes.get("href")?.includes("/articles/"),
    );
    expect(tags.indexOf(button as Tag)).toBeGreaterThan(heading);
    expect(tags.indexOf(button as Tag)).toBeLessThan(firstArticle);
  });
});

describe("an article's page", () => {
  it("offers the site's feed in its header, and after the text the site's and its topics' and author's", async () => {
    expect(await linksOf(ARTICLE, "a.subscribe-button")).toEqual([{ href: `${BASE}/rss.xml`, text: "Subscribe" }]);
    expect(await linksOf(ARTICLE, 'nav[aria-label="Feeds"] a')).toEqual([
      { href: `${BASE}/rss.xml`, text: site.title },
      { href: `${BASE}/tags/energy/rss.xml`, text: "Energy" },
      { href: `${BASE}/tags/kyiv/rss.xml`, text: "Kyiv" },
      { href: `${BASE}/authors/olena-kovalenko/rss.xml`, text: "by Olena Kovalenko" },
    ]);
    const tags = await tagsOf(await (await get(ARTICLE)).text());
    const follow = tags.find((tag) => tag.name === "nav" && tag.attributes.get("aria-label") === "Feeds");
    // After the article, where the reader who finished it looks.
    const article = tags.findIndex((tag) => tag.name === "article");
    const lastParagraph = tags.findLastIndex((tag) => tag.name === "p" && tag.text.includes("Second paragraph"));
    expect(article).toBeGreaterThan(-1);
    expect(tags.indexOf(follow as Tag)).toBeGreaterThan(lastParagraph);
  });
});

describe("every subscribe link", () => {
  it("leads a browser to the feed's preview page, which gives the address to copy, and a reader to the feed", async () => {
    const hrefs = new Set<string>();
    for (const path of ["/", "/tags/energy", "/authors/olena-kovalenko", ARTICLE]) {
      for (const link of await linksOf(path, "a.subscribe-button, a.feed-link")) hrefs.add(link.href);
    }
    expect(hrefs.size).toBe(4);
    for (const href of hrefs) {
      const preview = await get(href.slice(BASE.length));
      expect(preview.headers.get("content-type"), href).toBe("text/html; charset=utf-8");
      const page = await tagsOf(await preview.text());
      expect(
        withClass(page, "code", "feed-url").map((code) => code.text),
        href,
      ).toEqual([href]);
      const feed = await get(href.slice(BASE.length), "application/rss+xml, */*;q=0.8");
      expect(feed.headers.get("content-type"), href).toBe("application/rss+xml; charset=utf-8");
    }
  });

  it("is left out of a feed's preview page, which is itself about subscribing, but that links every feed", async () => {
    const tags = await tagsOf(await (await get("/tags/energy/atom.xml")).text());
    expect(withClass(tags, "a", "subscribe-button")).toEqual([]);
    expect(tags.filter((tag) => tag.name === "a").map(shown)).toContainEqual([`${BASE}/feeds`, "All feeds"]);
  });
});

describe("every page", () => {
  it.each([
    "/",
    "/page/1",
    "/tags",
    "/tags/energy",
    "/authors/olena-kovalenko",
    ARTICLE,
    "/feeds",
    "/rss.xml",
    "/no-such-page",
  ])("%s announces the OPML list in its head and links it and the list of feeds in its footer", async (path) => {
    const tags = await tagsOf(await (await get(path)).text());
    const opml = tags.filter(
      (tag) =>
        tag.name === "link" &&
        tag.attributes.get("rel") === "alternate" &&
        tag.attributes.get("type") === "text/x-opml",
    );
    expect(opml.map((link) => link.attributes.get("href"))).toEqual([`${BASE}/feeds.opml`]);
    const footer = tags.slice(tags.findIndex((tag) => tag.name === "footer"));
    const links = footer.filter((tag) => tag.name === "a").map(shown);
    expect(links).toContainEqual([`${BASE}/feeds`, "All feeds"]);
    expect(links).toContainEqual([`${BASE}/feeds.opml`, "OPML list"]);
  });
});
