import { decodeHTML } from "entities";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it, vi } from "vitest";
import { removeUnshowable } from "../../src/load/clean-text.ts";
import type { Article } from "../../src/model/article.ts";
import { siteFeed } from "../../src/model/subscription-feeds.ts";
import { renderAtom } from "../../src/render/feeds/atom.ts";
import { renderJsonFeed } from "../../src/render/feeds/json-feed.ts";
import { renderRss } from "../../src/render/feeds/rss.ts";
import { escapeHtml } from "../../src/render/html.ts";
import { type ArticleSource, idOf, loadSources, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { assertWellFormedXml } from "./support/xml.ts";

const site = testSite("https://news.example");

const HOSTILE: ArticleSource = {
  id: idOf(99),
  title: 'Developers\' forum: "<script>" & the ]]> and ]]> again \u0001 🐟 “quoted” ’ שלום עולם',
  date: "2025-05-05 05:05:05",
  abstract: "R&D < 5 > 4 ]]> ]]> ' \" \u0001 emoji 🚀 <img src=x onerror=alert(1)> مرحبا",
  paragraphs: ["Body with ]]> and ]]> twice, & a bare ampersand, <b>markup</b> \u0001 and 👋🏽.", "Second."],
};

const sources = [
  plainArticle(1, "2024-03-22 06:45:00", "Engineers restore power"),
  plainArticle(2, "2025-01-15 09:05:00", "Відновлення київського метро"),
  HOSTILE,
];
const articles = loadSources(sources).articles;
/** Each article's canonical address, as a reader should receive it. */
const URLS: Readonly<Record<string, string>> = {
  [idOf(1)]: `https://news.example/articles/${idOf(1)}/engineers-restore-power`,
  [idOf(2)]: `https://news.example/articles/${idOf(2)}/vidnovlennia-kyivskoho-metro`,
  [idOf(99)]: `https://news.example/articles/${idOf(99)}/developers-forum-script-the-and-again-quoted`,
};
const articleUrl = (a: Article) => URLS[a.id];
/** feedsmith gives Atom text constructs as { value, type }. */
const textOf = (construct: { value?: string } | string | undefined) =>
  typeof construct === "string" ? construct : (construct?.value ?? "");
/** What every format must say, as a reader returns it: the author's text less what no reader can show. */
const expectedTitle = (a: Article) => removeUnshowable(sources.find((s) => s.id === a.id)?.title ?? "").text;
const expectedAbstract = (a: Article) => removeUnshowable(sources.find((s) => s.id === a.id)?.abstract ?? "").text;

describe("RSS 2.0", () => {
  const xml = renderRss(site, siteFeed(site, articles));
  const feed = parseRssFeed(xml);

  it("is well-formed XML even with ]]> twice, <, &, U+0001 and emoji in the text", () => {
    expect(() => assertWellFormedXml(xml)).not.toThrow();
  });

  it("writes plain-text titles with character references, never as CDATA a reader could take for HTML", () => {
    expect(xml).toContain(
      '<title>Developers\' forum: "&#x3C;script&#x3E;" &#x26; the ]]&#x3E; and ]]&#x3E; again  🐟 “quoted” ’ שלום עולם</title>',
    );
    expect(xml).not.toMatch(/<title><!\[CDATA\[/);
  });

  it("writes the channel's own title and description with character references too, read back as written", () => {
    const named = { ...site, title: `R&D <Labs> "Daily"`, description: "News & <notes>" };
    const xml = renderRss(named, siteFeed(named, articles));
    assertWellFormedXml(xml);
    expect(xml).toContain('<title>R&#x26;D &#x3C;Labs&#x3E; "Daily"</title>');
    expect(xml).toContain("<description>News &#x26; &#x3C;notes&#x3E;</description>");
    const channel = parseRssFeed(xml);
    expect([channel.title, channel.description, channel.image?.title]).toEqual([
      named.title,
      named.description,
      named.title,
    ]);
    // Item descriptions are HTML, escaped once, and stay so.
    expect(xml).toContain("<description><![CDATA[R&amp;D &lt; 5");
  });

  it("keeps any number of ]]> in a title, in place", () => {
    for (const title of ["]]>", "a]]>b]]>c]]>d", "]]]]>>", "x]]", "]]>]]>]]>]]>"]) {
      const [article] = loadSources([{ ...plainArticle(5, "2025-01-01 00:00:00"), title }]).articles;
      const rss = renderRss(site, siteFeed(site, article ? [article] : []));
      expect(() => assertWellFormedXml(rss), title).not.toThrow();
      expect(parseRssFeed(rss).items?.[0]?.title, title).toBe(title);
    }
  });

  it("describes the channel with absolute links and the newest article's time", () => {
    expect(feed.title).toBe(site.title);
    expect(feed.link).toBe("https://news.example/");
    expect(feed.language).toBe("en");
    expect(feed.lastBuildDate).toBe("Mon, 05 May 2025 05:05:05 GMT");
    expect(feed.atom?.links?.[0]).toMatchObject({ href: "https://news.example/rss.xml", rel: "self" });
    expect(feed.image).toEqual({
      url: "https://news.example/icon-144.png",
      title: site.title,
      link: "https://news.example/",
    });
    expect(xml).not.toMatch(/<author>/);
  });

  it("carries every article with its title, link, id, date, summary, creator and content", () => {
    expect(feed.items?.map((item) => item.title)).toEqual(articles.map(expectedTitle));
    expect(feed.items?.map((item) => item.link)).toEqual(articles.map(articleUrl));
    expect(feed.items?.map((item) => item.guid)).toEqual(articles.map((a) => ({ value: a.id, isPermaLink: false })));
    expect(feed.items?.map((item) => item.pubDate)).toEqual([
      "Mon, 05 May 2025 05:05:05 GMT",
      "Wed, 15 Jan 2025 09:05:00 GMT",
      "Fri, 22 Mar 2024 06:45:00 GMT",
    ]);
    // A description is HTML to readers and validators: the abstract arrives escaped, once.
    expect(feed.items?.[0]?.description).toBe(
      "R&amp;D &lt; 5 &gt; 4 ]]&gt; ]]&gt; &#39; &quot;  emoji 🚀 &lt;img src=x onerror=alert(1)&gt; مرحبا",
    );
    expect(feed.items?.[2]?.description).toBe("Summary of article 1.");
    expect(feed.items?.[0]?.dc?.creators).toEqual([site.author]);
    expect(feed.items?.[0]?.content?.encoded).toContain("<p>Body with ]]&gt; and ]]&gt; twice, &amp; a bare");
  });
});

describe("Atom 1.0", () => {
  const xml = renderAtom(site, siteFeed(site, articles));
  const feed = parseAtomFeed(xml);

  it("is well-formed XML", () => {
    expect(() => assertWellFormedXml(xml)).not.toThrow();
  });

  it("has a language, an id that survives a move to another domain, updated time, author, icon and links", () => {
    expect(xml).toMatch(/^<\?xml[^>]*>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="en">/);
    expect(feed.id).toBe(`tag:${site.tagAuthority}:/atom.xml`);
    expect(parseAtomFeed(renderAtom({ ...site, baseUrl: "https://moved.example" }, siteFeed(site, articles))).id).toBe(
      feed.id,
    );
    expect(feed.updated).toBe("2025-05-05T05:05:05Z");
    expect(feed.icon).toBe("https://news.example/icon-64.png");
    expect(feed.authors?.[0]?.name).toBe(site.author);
    expect(feed.links?.map((l) => [l.rel, l.href])).toEqual([
      ["alternate", "https://news.example/"],
      ["self", "https://news.example/atom.xml"],
    ]);
  });

  it("carries every article with a stable tag: id built from the article id", () => {
    expect(feed.entries?.map((e) => e.id)).toEqual(articles.map((a) => `tag:${site.tagAuthority}:${a.id}`));
    expect(feed.entries?.map((e) => textOf(e.title))).toEqual(articles.map(expectedTitle));
    expect(feed.entries?.map((e) => e.links?.[0]?.href)).toEqual(articles.map(articleUrl));
    expect(feed.entries?.map((e) => e.published)).toEqual([
      "2025-05-05T05:05:05Z",
      "2025-01-15T09:05:00Z",
      "2024-03-22T06:45:00Z",
    ]);
    expect(feed.entries?.map((e) => textOf(e.summary))).toEqual(articles.map(expectedAbstract).map(escapeHtml));
    expect(feed.entries?.[0]?.authors?.map((a) => a.name)).toEqual([site.author]);
  });

  it("writes titles as text and summaries as HTML that shows the abstract as written", () => {
    // Readers built on gofeed decode a summary whatever its type and render it as HTML.
    expect(feed.entries?.map((e) => typeof e.title === "object" && e.title.type)).toEqual(articles.map(() => "text"));
    expect(feed.entries?.map((e) => typeof e.summary === "object" && e.summary.type)).toEqual(
      articles.map(() => "html"),
    );
    expect(feed.entries?.map((e) => decodeHTML(textOf(e.summary)))).toEqual(articles.map(expectedAbstract));
    expect(xml).toContain("R&amp;amp;D &amp;lt; 5 &amp;gt; 4");
  });
});

describe("JSON Feed 1.1", () => {
  const json = renderJsonFeed(site, siteFeed(site, articles));
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
    expect(raw.icon).toBe("https://news.example/icon-512.png");
    expect(raw.favicon).toBe("https://news.example/icon-64.png");
  });

  it("round-trips every title and summary as plain text, RFC 3339 dates with offset", () => {
    expect(items.map((i) => i.id)).toEqual(articles.map((a) => a.id));
    expect(items.map((i) => i.title)).toEqual(articles.map(expectedTitle));
    expect(items.map((i) => i.summary)).toEqual(articles.map(expectedAbstract));
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
    const rssTitle = parseRssFeed(renderRss(site, siteFeed(site, articles))).items?.[0]?.title;
    const atomTitle = textOf(parseAtomFeed(renderAtom(site, siteFeed(site, articles))).entries?.[0]?.title);
    const jsonTitle = parseJsonFeed(renderJsonFeed(site, siteFeed(site, articles))).items?.[0]?.title;
    expect(new Set([rssTitle, atomTitle, jsonTitle])).toEqual(new Set([expectedTitle(articles[0] as Article)]));
    expect(jsonTitle).not.toContain("\u0001");
  });

  it("carries at most itemsPerFeed articles, the newest", () => {
    const many = loadSources(
      Array.from({ length: site.itemsPerFeed + 5 }, (_, i) =>
        plainArticle(i + 1, `2025-01-${String(i + 1).padStart(2, "0")} 12:00:00`),
      ),
    ).articles;
    const items = parseJsonFeed(renderJsonFeed(site, siteFeed(site, many))).items ?? [];
    expect(items).toHaveLength(site.itemsPerFeed);
    expect(items[0]?.id).toBe(idOf(site.itemsPerFeed + 5));
  });

  it("renders the same bytes whatever the clock says: no time but the articles' reaches a feed", () => {
    const renderAll = () => {
      const feed = siteFeed(site, articles);
      return [renderRss(site, feed), renderAtom(site, feed), renderJsonFeed(site, feed)];
    };
    vi.useFakeTimers();
    try {
      vi.setSystemTime(Date.UTC(2020, 0, 1));
      const then = renderAll();
      vi.setSystemTime(Date.UTC(2031, 6, 15, 12, 34, 56));
      expect(renderAll()).toEqual(then);
    } finally {
      vi.useRealTimers();
    }
  });
});
