import { decodeHTML } from "entities";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Article } from "../../../src/model/article.ts";
import { siteFeed } from "../../../src/model/subscription-feeds.ts";
import { renderAtom } from "../../../src/render/feeds/atom.ts";
import { renderJsonFeed } from "../../../src/render/feeds/json-feed.ts";
import { renderRss } from "../../../src/render/feeds/rss.ts";
import { renderArticlePage } from "../../../src/render/pages/article-page.ts";
import { renderIndexPage } from "../../../src/render/pages/index-page.ts";
import { testSite } from "../../support/test-site.ts";
import { buildArticles, type GeneratedArticle } from "./build-article.ts";
import { paragraphsOfContentHtml } from "./expected-text.ts";
import { articleFields, hexId, settings } from "./hostile-text.ts";
import { childNamed, childrenNamed, parseXml } from "./xml-tree.ts";

const site = testSite("https://feeds.example");
const TIMEOUT_MS = 60_000;

const generatedArticles: fc.Arbitrary<GeneratedArticle[]> = fc.uniqueArray(
  fc.record({ id: hexId, fields: articleFields(80), lineEnd: fc.constantFrom<"\n" | "\r\n">("\n", "\r\n") }),
  { selector: (g) => g.id, minLength: 1, maxLength: 3 },
);

/** The text of one item as a reader of each format gets it back. */
interface ItemText {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly paragraphs: readonly string[] | undefined;
}

function textOf(article: Article): ItemText {
  return { id: article.id, title: article.title, summary: article.abstract, paragraphs: article.paragraphs };
}

function readRss(xml: string): ItemText[] {
  const channel = childNamed(parseXml(xml), "channel");
  return childrenNamed(channel, "item").map((item) => ({
    id: childNamed(item, "guid").text,
    // The title is the text itself, as an XML parser returns it: nothing to decode.
    title: childNamed(item, "title").text,
    // A description is HTML (readers render it), so its text is the HTML decoded once.
    summary: decodeHTML(childNamed(item, "description").text),
    paragraphs: paragraphsOfContentHtml(childNamed(item, "content:encoded").text),
  }));
}

function readAtom(xml: string): ItemText[] {
  return childrenNamed(parseXml(xml), "entry").map((entry) => ({
    id: childNamed(entry, "id").text.split(":").at(-1) ?? "",
    title: childNamed(entry, "title").text,
    // The summary is type="html", the abstract escaped: its text is the HTML decoded once.
    summary: decodeHTML(childNamed(entry, "summary").text),
    paragraphs: paragraphsOfContentHtml(childNamed(entry, "content").text),
  }));
}

function readJsonFeed(json: string): ItemText[] {
  const feed = JSON.parse(json) as {
    items: { id: string; title: string; summary: string; content_html: string }[];
  };
  return feed.items.map((item) => ({
    id: item.id,
    title: item.title,
    summary: item.summary,
    paragraphs: paragraphsOfContentHtml(item.content_html),
  }));
}

describe("feeds of arbitrary articles", () => {
  it("RSS and Atom are well-formed XML and every format carries the same text as the model", {
    timeout: TIMEOUT_MS,
  }, () => {
    fc.assert(
      fc.property(generatedArticles, (generated) => {
        const articles = buildArticles(generated);
        const expected = articles.map(textOf);
        expect(readRss(renderRss(site, siteFeed(site, articles)))).toEqual(expected);
        expect(readAtom(renderAtom(site, siteFeed(site, articles)))).toEqual(expected);
        expect(readJsonFeed(renderJsonFeed(site, siteFeed(site, articles)))).toEqual(expected);
      }),
      settings(2500),
    );
  });

  it(
    "no feed or page holds a character XML forbids",
    () => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
      const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;
      fc.assert(
        fc.property(generatedArticles, (generated) => {
          const articles = buildArticles(generated);
          const bodies = [
            renderRss(site, siteFeed(site, articles)),
            renderAtom(site, siteFeed(site, articles)),
            renderJsonFeed(site, siteFeed(site, articles)),
            renderIndexPage(site, articles),
            ...articles.map((article) => renderArticlePage(site, article)),
          ];
          for (const body of bodies) expect(body).not.toMatch(forbidden);
        }),
        settings(1000),
      );
    },
    TIMEOUT_MS,
  );
});
