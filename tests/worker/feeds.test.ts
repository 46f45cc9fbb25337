import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { removeXmlForbidden } from "../../src/load/clean-text.ts";
import type { Article } from "../../src/model/article.ts";
import { renderAtom } from "../../src/render/atom.ts";
import { renderJsonFeed } from "../../src/render/json-feed.ts";
import { renderRss } from "../../src/render/rss.ts";
import { testSite } from "../support/test-site.ts";
import { type ArticleSource, idOf, loadSources, plainArticle } from "./support/articles.ts";
import { assertWellFormedXml, displayedText } from "./support/xml.ts";

const site = testSite("https://news.example");

const HOSTILE: ArticleSource = {
  id: idOf(99),
  title: "Fish & chips <script>alert(1)</script> ]]> and ]]> again \u0001 🐟 “quoted” ’",
  date: "2025-05-05 05:05:05",
  abstract: "R&D < 5 ]]> ]]> \u0001 emoji 🚀 <img src=x onerror=alert(1)>",
  paragraphs: ["Body with ]]> and ]]> twice, & a bare ampersand, <b>markup</b> \u0001 and 👋🏽.", "Second."],
};

const sources = [
  plainArticle(1, "2024-03-22 06:45:00", "Engineers restore power"),
  plainArticle(2, "2025-01-15 09:05:00", "Відновлення київського метро"),
  HOSTILE,
];
const articles = loadSources(sources).articles;
const articleUrl = (a: Article) => `https://news.example/articles/${a.slug}`;
/** What every format must say: the source text less what XML cannot carry. */
/** feedsmith gives Atom text constructs as { value, type }. */
const textOf = (construct: { value?: string } | string | undefined) =>
  typeof construct === "string" ? construct : (construct?.value ?? "");
const expectedTitle = (a: Article) => removeXmlForbidden(sources.find((s) => s.id === a.id)?.title ?? "");

describe("RSS 2.0", () => {
  const xml = renderRss(site, articles);
  const feed = parseRssFeed(xml);

  it("is well-formed XML even with ]]> twice, <, &, U+0001 and emoji in the text", () => {
    expect(() => assertWellFormedXml(xml)).not.toThrow();
  });

  it("describes the channel with absolute links and the newest article's time", () => {
    expect(feed.title).toBe(site.title);
    expect(feed.link).toBe("https://news.example/");
    expect(feed.language).toBe("en");
    expect(feed.lastBuildDate).toBe("Mon, 05 May 2025 05:05:05 GMT");
    expect(feed.atom?.links?.[0]).toMatchObject({ href: "https://news.example/rss.xml", rel: "self" });
    expect(xml).not.toMatch(/<author>/);
  });

  it("carries every article with its title, link, id, date, summary, creator and content", () => {
    expect(feed.items?.map((item) => displayedText(item.title ?? ""))).toEqual(articles.map(expectedTitle));
    expect(feed.items?.map((item) => item.link)).toEqual(articles.map(articleUrl));
    expect(feed.items?.map((item) => item.guid)).toEqual(articles.map((a) => ({ value: a.id, isPermaLink: false })));
    expect(feed.items?.map((item) => item.pubDate)).toEqual([
      "Mon, 05 May 2025 05:05:05 GMT",
      "Wed, 15 Jan 2025 09:05:00 GMT",
      "Fri, 22 Mar 2024 06:45:00 GMT",
    ]);
    expect(feed.items?.map((item) => displayedText(item.description ?? ""))).toEqual(articles.map((a) => a.abstract));
    expect(feed.items?.[0]?.dc?.creators).toEqual([site.author]);
    expect(feed.items?.[0]?.content?.encoded).toContain("<p>Body with ]]&gt; and ]]&gt; twice, &amp; a bare");
  });
});

describe("Atom 1.0", () => {
  const xml = renderAtom(site, articles);
  const feed = parseAtomFeed(xml);

  it("is well-formed XML", () => {
    expect(() => assertWellFormedXml(xml)).not.toThrow();
  });

  it("has an id, updated time, author and self and alternate links", () => {
    expect(feed.id).toBe("https://news.example/");
    expect(feed.updated).toBe("2025-05-05T05:05:05.000Z");
    expect(feed.authors?.[0]?.name).toBe(site.author);
    expect(feed.links?.map((l) => [l.rel, l.href])).toEqual([
      ["alternate", "https://news.example/"],
      ["self", "https://news.example/atom.xml"],
    ]);
  });

  it("carries every article with a stable tag: id built from the article id", () => {
    expect(feed.entries?.map((e) => e.id)).toEqual(articles.map((a) => `tag:${site.tagAuthority}:${a.id}`));
    expect(feed.entries?.map((e) => displayedText(textOf(e.title)))).toEqual(articles.map(expectedTitle));
    expect(feed.entries?.map((e) => e.links?.[0]?.href)).toEqual(articles.map(articleUrl));
    expect(feed.entries?.map((e) => e.published)).toEqual(
      articles.map((a) => new Date(a.published.epochMs).toISOString()),
    );
    expect(feed.entries?.map((e) => displayedText(textOf(e.summary)))).toEqual(articles.map((a) => a.abstract));
  });
});

describe("JSON Feed 1.1", () => {
  const json = renderJsonFeed(site, articles);
  const feed = parseJsonFeed(json);
  const items = feed.items ?? [];

  it("declares version 1.1 with authors, language and absolute URLs", () => {
    const raw = JSON.parse(json);
    expect(raw.version).toBe("https://jsonfeed.org/version/1.1");
    expect(raw.author).toBeUndefined();
    expect(feed.authors).toEqual([{ name: site.author }]);
    expect(feed.language).toBe("en");
    expect(feed.feed_url).toBe("https://news.example/feed.json");
    expect(feed.home_page_url).toBe("https://news.example/");
  });

  it("round-trips every title and summary as plain text, RFC 3339 dates with offset", () => {
    expect(items.map((i) => i.id)).toEqual(articles.map((a) => a.id));
    expect(items.map((i) => i.title)).toEqual(articles.map(expectedTitle));
    expect(items.map((i) => i.summary)).toEqual(articles.map((a) => a.abstract));
    expect(items.map((i) => i.url)).toEqual(articles.map(articleUrl));
    expect(items.map((i) => i.date_published)).toEqual([
      "2025-05-05T05:05:05Z",
      "2025-01-15T09:05:00Z",
      "2024-03-22T06:45:00Z",
    ]);
    expect(items[0]?.content_html).toContain("&lt;b&gt;markup&lt;/b&gt;");
  });
});

describe("every format", () => {
  it("removes characters XML forbids identically, so a title reads the same everywhere", () => {
    const rssTitle = displayedText(parseRssFeed(renderRss(site, articles)).items?.[0]?.title ?? "");
    const atomTitle = displayedText(textOf(parseAtomFeed(renderAtom(site, articles)).entries?.[0]?.title));
    const jsonTitle = parseJsonFeed(renderJsonFeed(site, articles)).items?.[0]?.title;
    expect(new Set([rssTitle, atomTitle, jsonTitle])).toEqual(new Set([expectedTitle(articles[0] as Article)]));
    expect(jsonTitle).not.toContain("\u0001");
  });

  it("carries at most itemsPerFeed articles, the newest", () => {
    const many = loadSources(
      Array.from({ length: site.itemsPerFeed + 5 }, (_, i) =>
        plainArticle(i + 1, `2025-01-${String(i + 1).padStart(2, "0")} 12:00:00`),
      ),
    ).articles;
    const items = parseJsonFeed(renderJsonFeed(site, many)).items ?? [];
    expect(items).toHaveLength(site.itemsPerFeed);
    expect(items[0]?.id).toBe(idOf(site.itemsPerFeed + 5));
  });

  it("is deterministic: the same articles render the same bytes", () => {
    expect(renderRss(site, articles)).toBe(renderRss(site, articles));
    expect(renderAtom(site, articles)).toBe(renderAtom(site, articles));
  });
});
