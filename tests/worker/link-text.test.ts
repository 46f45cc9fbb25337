import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/model/article.ts";
import { siteFeed } from "../../src/model/subscription-feeds.ts";
import { renderContentHtml } from "../../src/render/article-html.ts";
import { renderAtom } from "../../src/render/feeds/atom.ts";
import { renderJsonFeed } from "../../src/render/feeds/json-feed.ts";
import { renderRss } from "../../src/render/feeds/rss.ts";
import { escapeHtml, toHtmlString } from "../../src/render/html.ts";
import { linkedText } from "../../src/render/link-text.ts";
import { renderArticlePage } from "../../src/render/pages/article-page.ts";
import { idOf } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { OUTWARD, readHtml } from "./support/read-html.ts";

const site = testSite("https://news.example");

const linked = (text: string) => readHtml(toHtmlString(linkedText(site, text)));

describe("web addresses in article text", () => {
  it("links an address and leaves sentence punctuation after it outside", async () => {
    for (const [text, url] of [
      ["Read https://example.org/report.", "https://example.org/report"],
      ["Read https://example.org/report, then sleep.", "https://example.org/report"],
      ["Was it https://example.org/report?", "https://example.org/report"],
      ["Read https://example.org/report; it is long.", "https://example.org/report"],
      ["«https://example.org/report»", "https://example.org/report"],
    ] as const) {
      const read = await linked(text);
      expect(read.anchors).toEqual([{ href: url, rel: OUTWARD, text: url }]);
      expect(read.text).toBe(text);
    }
  });

  it("keeps parentheses that belong to the address and drops the ones around it", async () => {
    const text = "(see https://en.wikipedia.org/wiki/Kyiv_(city)) and (https://example.org/x)";
    const read = await linked(text);
    expect(read.anchors.map((a) => a.href)).toEqual([
      "https://en.wikipedia.org/wiki/Kyiv_(city)",
      "https://example.org/x",
    ]);
    expect(read.text).toBe(text);
  });

  it("carries & and quotes in a query as written, escaped exactly once", async () => {
    const url = `https://example.org/search?q=a&b="c"&d='e'`;
    const html = toHtmlString(linkedText(site, `Query ${url} end`));
    expect(html).toBe(
      `Query <a href="https://example.org/search?q=a&amp;b=&quot;c&quot;&amp;d=&#39;e&#39;" rel="${OUTWARD}">https://example.org/search?q=a&amp;b=&quot;c&quot;&amp;d=&#39;e&#39;</a> end`,
    );
    const read = await readHtml(html);
    expect(read.anchors).toEqual([{ href: url, rel: OUTWARD, text: url }]);
  });

  it("links www. addresses with the scheme added, showing them as written", async () => {
    const read = await linked("Go to www.example.org/news today.");
    expect(read.anchors).toEqual([{ href: "http://www.example.org/news", rel: OUTWARD, text: "www.example.org/news" }]);
  });

  it("links nothing but web addresses", async () => {
    const text = [
      "javascript:alert(1)",
      "JavaScript://example.org/%0Aalert(1)",
      "data:text/html,<script>x</script>",
      "mailto:desk@example.org",
      "desk@example.org",
      "ftp://example.org/file",
      "//example.org/path",
      "example.com",
      "report.pdf",
      "http://127.0.0.1/admin",
      "http://0x7f.1/",
      "http://[::1]/",
      "http://localhost:8080/",
      "https://user:secret@example.org/",
      "vbscript:msgbox",
    ].join(" ");
    const read = await linked(text);
    expect(read.anchors).toEqual([]);
    expect(read.text).toBe(text);
  });

  it("leaves markup written in the text as text: only the address in it is linked", async () => {
    const text = `<a href="https://evil.example/" onclick="steal()">click</a> <img src=x onerror=alert(1)>`;
    const read = await linked(text);
    expect(read.elements).toEqual(["a"]);
    expect(read.anchors).toEqual([{ href: "https://evil.example/", rel: OUTWARD, text: "https://evil.example/" }]);
    expect(read.text).toBe(text);
  });

  it("gives links to the site itself no rel, and every other origin nofollow noopener", async () => {
    const read = await linked(
      "Ours: https://news.example/articles/1 and HTTPS://NEWS.EXAMPLE/ but not http://news.example/ nor https://news.example.org/ nor https://news.example:8443/",
    );
    expect(read.anchors.map((a) => [a.text, a.rel])).toEqual([
      ["https://news.example/articles/1", null],
      ["HTTPS://NEWS.EXAMPLE/", null],
      ["http://news.example/", OUTWARD],
      ["https://news.example.org/", OUTWARD],
      ["https://news.example:8443/", OUTWARD],
    ]);
  });

  it("links a Unicode address and keeps its text as written", async () => {
    const read = await linked("Див. https://пример.рф/шлях тут");
    expect(read.anchors).toHaveLength(1);
    expect(read.anchors[0]?.text).toBe("https://пример.рф/шлях");
    expect(new URL(read.anchors[0]?.href ?? "").hostname).toBe("xn--e1afmkfd.xn--p1ai");
  });
});

const ARTICLE: Article = {
  id: idOf(7),
  slug: "links",
  legacySlug: "links",
  title: "See https://example.org/title",
  published: { epochMs: Date.UTC(2025, 2, 1, 9), offsetMinutes: 0 },
  abstract: "Abstract with https://example.org/abstract",
  paragraphs: ["Report at https://example.org/report?a=1&b=2 (PDF).", "Also https://news.example/articles/1."],
};
/** feedsmith gives Atom text constructs as { value, type }. */
const textOf = (construct: { value?: string } | string | undefined) =>
  typeof construct === "string" ? construct : (construct?.value ?? "");
const FIRST = "https://example.org/report?a=1&b=2";
const INTERNAL = "https://news.example/articles/1";

async function expectLinkedBody(contentHtml: string): Promise<void> {
  const read = await readHtml(contentHtml);
  expect(read.anchors).toEqual([
    { href: FIRST, rel: OUTWARD, text: FIRST },
    { href: INTERNAL, rel: null, text: INTERNAL },
  ]);
  // Readers may trim the content; its text is the paragraphs, one a line.
  expect(read.text.trimEnd()).toBe(ARTICLE.paragraphs.join("\n"));
}

describe("links in every output", () => {
  const feed = siteFeed(site, [ARTICLE]);

  it("the content HTML has the links", async () => {
    await expectLinkedBody(renderContentHtml(site, ARTICLE));
  });

  it("RSS content:encoded, as feedsmith reads it, has the links; title and description stay text", async () => {
    const [item] = parseRssFeed(renderRss(site, feed)).items ?? [];
    await expectLinkedBody(item?.content?.encoded ?? "");
    expect(item?.title).toBe(ARTICLE.title);
    expect(item?.description).not.toContain("<a");
  });

  it("Atom content, as feedsmith reads it, has the links; title and summary stay text", async () => {
    const [entry] = parseAtomFeed(renderAtom(site, feed)).entries ?? [];
    await expectLinkedBody(textOf(entry?.content));
    expect(textOf(entry?.title)).toBe(ARTICLE.title);
    // The summary is type="html": the abstract escaped, and no link.
    expect(textOf(entry?.summary)).toBe(escapeHtml(ARTICLE.abstract));
  });

  it("JSON Feed content_html, as feedsmith reads it, has the links; title and summary stay text", async () => {
    const [item] = parseJsonFeed(renderJsonFeed(site, feed)).items ?? [];
    await expectLinkedBody(item?.content_html ?? "");
    expect(item?.title).toBe(ARTICLE.title);
    expect(item?.summary).toBe(ARTICLE.abstract);
  });

  it("the article page links the body and nothing else", async () => {
    const read = await readHtml(renderArticlePage(site, ARTICLE));
    const fromText = read.anchors.filter((a) => a.href?.startsWith("https://example.org/"));
    expect(fromText).toEqual([{ href: FIRST, rel: OUTWARD, text: FIRST }]);
    expect(read.anchors).toContainEqual({ href: INTERNAL, rel: null, text: INTERNAL });
  });
});
