import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { archiveFeed } from "../../src/model/archive-feeds.ts";
import type { FeedDocument } from "../../src/model/feed-document.ts";
import type { Site } from "../../src/model/site.ts";
import { siteFeed } from "../../src/model/subscription-feeds.ts";
import { renderAtom } from "../../src/render/feeds/atom.ts";
import { renderJsonFeed } from "../../src/render/feeds/json-feed.ts";
import { renderRss } from "../../src/render/feeds/rss.ts";
import { loadSources, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { assertWellFormedXml } from "./support/xml.ts";

// A query with "&" shows the hub comes back exactly as configured, escaped once.
const HUB = "https://hub.example/publish?site=news&mode=websub";
const plain = testSite("https://news.example");
const withHub: Site = { ...plain, websubHub: HUB };
const articles = loadSources([plainArticle(1, "2024-03-22 06:45:00"), plainArticle(2, "2025-01-15 09:05:00")]).articles;
const topic: FeedDocument = {
  title: "Energy",
  description: "Articles about energy.",
  pagePath: "/tags/energy",
  folder: "/tags/energy",
  entries: articles,
};

/** A feed's links as a reader returns them: rel to href. */
const linksOf = (links: readonly { rel?: string; href?: string }[] | undefined) =>
  Object.fromEntries((links ?? []).map((link) => [link.rel ?? "", link.href ?? ""]));

describe("WebSub discovery (W3C WebSub §4)", () => {
  for (const [name, document, folder] of [
    ["the site's feeds", siteFeed(withHub, articles), "https://news.example"],
    ["a topic's feeds", topic, "https://news.example/tags/energy"],
  ] as const) {
    it(`${name} name the hub and themselves as the topic in every format`, () => {
      const rss = renderRss(withHub, document);
      assertWellFormedXml(rss);
      const rssLinks = linksOf(parseRssFeed(rss).atom?.links);
      expect(rssLinks).toEqual({ self: `${folder}/rss.xml`, hub: HUB });

      const atom = renderAtom(withHub, document);
      assertWellFormedXml(atom);
      const atomLinks = linksOf(parseAtomFeed(atom).links);
      expect(atomLinks.hub).toBe(HUB);
      expect(atomLinks.self).toBe(`${folder}/atom.xml`);

      const json = parseJsonFeed(renderJsonFeed(withHub, document));
      expect(json.hubs).toEqual([{ type: "WebSub", url: HUB }]);
      expect(json.feed_url).toBe(`${folder}/feed.json`);
    });
  }

  it("with no hub configured, no feed names one and the hub is all a configured one adds", () => {
    const document = siteFeed(plain, articles);
    const rss = renderRss(plain, document);
    const atom = renderAtom(plain, document);
    const json = renderJsonFeed(plain, document);
    expect(parseRssFeed(rss).atom?.links?.map((link) => link.rel)).toEqual(["self"]);
    expect(parseAtomFeed(atom).links?.map((link) => link.rel)).toEqual(["alternate", "self"]);
    expect(parseJsonFeed(json).hubs).toBeUndefined();
    expect(`${rss}${atom}${json}`).not.toContain("hub");

    const escapedHub = HUB.replaceAll("&", "&amp;");
    expect(renderRss(withHub, document).replace(`\n        <atom:link href="${escapedHub}" rel="hub"/>`, "")).toBe(rss);
    expect(renderAtom(withHub, document).replace(`\n<link rel="hub" href="${escapedHub}"/>`, "")).toBe(atom);
    const jsonWithHub = JSON.parse(renderJsonFeed(withHub, document)) as Record<string, unknown>;
    delete jsonWithHub.hubs;
    expect(`${JSON.stringify(jsonWithHub, null, 2)}\n`).toBe(json);
  });

  it("leaves archive documents without a hub: they never change, so there is nothing to push", () => {
    const archive = archiveFeed({ ...withHub, itemsPerFeed: 1 }, articles, 1);
    expect(linksOf(parseRssFeed(renderRss(withHub, archive)).atom?.links).hub).toBeUndefined();
    expect(linksOf(parseAtomFeed(renderAtom(withHub, archive)).links).hub).toBeUndefined();
    expect(parseJsonFeed(renderJsonFeed(withHub, archive)).hubs).toBeUndefined();
  });
});
