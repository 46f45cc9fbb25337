// Each adjustment of `feed`'s RSS output (src/render/feeds/rss-adjustments.ts), shown by what a
// reader or validator would see without it.
import { parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { archiveFeed } from "../../src/model/archive-feeds.ts";
import { siteFeed } from "../../src/model/subscription-feeds.ts";
import { renderRss } from "../../src/render/feeds/rss.ts";
import type { ArticleSource } from "../support/articles.ts";
import { bundleOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { assertWellFormedXml } from "./support/xml.ts";

const BASE = "https://news.example.org";

function rssOf(sources: readonly ArticleSource[], title = "The News") {
  const site = { ...testSite(BASE), title };
  return renderRss(site, siteFeed(site, bundleOf(sources).articles));
}

const itemTitles = (xml: string) => [...xml.matchAll(/<item>\s*<title>(.*?)<\/title>/gs)].map((m) => m[1]);

describe("RSS as feed writes it, adjusted", () => {
  it("stays well-formed XML whatever number of ]]> a title holds (xml-js splits only the first)", () => {
    const title = "Markup ]]> and ]]> again ]]>";
    const xml = rssOf([plainArticle(1, "2025-01-01 10:00:00", title)]);
    assertWellFormedXml(xml);
    expect(parseRssFeed(xml).items?.[0]?.title).toBe(title);
  });

  it("writes & and < in item titles as hexadecimal references, not CDATA (RSS Advisory Board profile, W3C validator)", () => {
    const xml = rssOf([plainArticle(1, "2025-01-01 10:00:00", "Q&A: a < b")]);
    expect(itemTitles(xml)).toEqual(["Q&#x26;A: a &#x3C; b"]);
    expect(xml).not.toContain("<title><![CDATA[");
  });

  it("writes the channel's own title the same way (W3C validator)", () => {
    const xml = rssOf([plainArticle(1, "2025-01-01 10:00:00")], "News & <Views>");
    expect(xml.slice(0, xml.indexOf("<item>"))).toContain("<title>News &#x26; &#x3C;Views&#x3E;</title>");
    expect(parseRssFeed(xml).title).toBe("News & <Views>");
  });

  it("declares the media: prefix on <rss> when an item uses it (Namespaces in XML)", () => {
    const withRemoteImage = {
      ...plainArticle(1, "2025-01-01 10:00:00"),
      fields: ["Image: https://img.example.org/a.jpg"],
    };
    const xml = rssOf([withRemoteImage]);
    expect(xml).toContain("<media:content ");
    expect(xml).toMatch(/<rss version="2\.0"[^>]* xmlns:media="http:\/\/search\.yahoo\.com\/mrss\/"/);
    expect(rssOf([plainArticle(1, "2025-01-01 10:00:00")])).not.toContain("xmlns:media");
  });

  it("links an archive document to its neighbours and marks it archived (RFC 5005 Appendix B)", () => {
    const site = { ...testSite(BASE), itemsPerFeed: 1 };
    const all = bundleOf([3, 2, 1].map((n) => plainArticle(n, `2025-01-0${n} 10:00:00`))).articles;
    const xml = renderRss(site, archiveFeed(site, all, 2, 3));
    assertWellFormedXml(xml);
    expect(xml).toMatch(/<rss [^>]*xmlns:fh="http:\/\/purl\.org\/syndication\/history\/1\.0"/);
    expect(xml).toContain("<fh:archive/>");
    expect(xml).toMatch(
      /<atom:link href="[^"]*\/page\/1\/rss\.xml" rel="prev-archive" type="application\/rss\+xml"\/>/,
    );
    expect(xml).toMatch(
      /<atom:link href="[^"]*\/page\/3\/rss\.xml" rel="next-archive" type="application\/rss\+xml"\/>/,
    );
  });
});
