import { SaxesParser } from "saxes";
import { expect } from "vitest";
import type { ArticleBundle } from "../../../src/model/article.ts";
import { idOf, bundleOf as loadedBundleOf } from "../../support/articles.ts";
import { TEST_SITE_CONFIG, testSite } from "../../support/test-site.ts";
import { publishedApp } from "../support/published-app.ts";

export const BASE = "https://news.example";
export const PER_PAGE = TEST_SITE_CONFIG.itemsPerFeed;
/** After every article of the archives below: everything is published. */
export const LATER = Date.UTC(2030, 0, 1);

export interface FixtureArticle {
  readonly title: string;
  /** "YYYY-MM-DD HH:MM:SS", read in UTC. */
  readonly date: string;
  readonly abstract?: string;
  readonly body?: string;
}

/** Article n of a plain archive: one a day from 1 January 2025, so article n is the (n+1)th oldest. */
export function dailyArticle(n: number): FixtureArticle {
  const date = new Date(Date.UTC(2025, 0, 1 + n, 9, 0, 0)).toISOString().slice(0, 19).replace("T", " ");
  return { title: `Report number ${n}`, date };
}

/** Articles through the real loader, so the tests see exactly what a build would produce. */
export function bundleOf(articles: readonly FixtureArticle[], revisedAt = Date.UTC(2024, 0, 1)): ArticleBundle {
  return loadedBundleOf(
    articles.map((article, index) => ({
      id: idOf(index),
      title: article.title,
      date: article.date,
      abstract: article.abstract ?? `About ${article.title}.`,
      paragraphs: (article.body ?? `The text of ${article.title}.`).split("\n\n"),
    })),
    revisedAt,
  );
}

/** The Worker over `articles` at instant `now`, answering for BASE. */
export function appOf(articles: readonly FixtureArticle[], now = LATER) {
  const app = publishedApp({ bundle: bundleOf(articles), site: testSite(BASE), now: () => now });
  return (path: string, init: RequestInit = {}) => app.request(`${BASE}${path}`, init);
}

/** Where article n of a plain archive is: its file's id, then the slug of "Report number n". */
export function reportPath(n: number): string {
  return `/articles/${n.toString(16).padStart(16, "0")}/report-number-${n}`;
}

export function archiveOf(count: number): FixtureArticle[] {
  return Array.from({ length: count }, (_, n) => dailyArticle(n));
}

export interface Tag {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  /** Text directly inside the element (not in its children). */
  text: string;
}

/** HTML's void elements (HTML §13.1.2): they have no end tag and no content. */
const VOID_ELEMENTS = new Set("area base br col embed hr img input link meta source track wbr".split(" "));

/** Every element of a page as workerd's HTML parser (HTMLRewriter) sees it, in document order. */
export async function tagsOf(page: string): Promise<Tag[]> {
  const tags: Tag[] = [];
  const open: Tag[] = [];
  await new HTMLRewriter()
    .on("*", {
      element(element) {
        const tag: Tag = {
          name: element.tagName,
          attributes: new Map([...element.attributes].map(([name = "", value = ""]) => [name, value])),
          text: "",
        };
        tags.push(tag);
        if (!VOID_ELEMENTS.has(element.tagName)) {
          open.push(tag);
          element.onEndTag(() => {
            open.splice(open.lastIndexOf(tag), 1);
          });
        }
      },
      text(chunk) {
        const current = open.at(-1);
        if (current) current.text += chunk.text;
      },
    })
    .transform(new Response(page))
    .arrayBuffer();
  return tags;
}

/** The value of `attribute` on every `name` element that has it. */
export function valuesOf(tags: readonly Tag[], name: string, attribute: string): string[] {
  return tags.flatMap((tag) => {
    const value = tag.name === name ? tag.attributes.get(attribute) : undefined;
    return value === undefined ? [] : [value];
  });
}

/** The content of <meta name|property=key>. */
export function metaOf(tags: readonly Tag[], key: string): string | undefined {
  return tags
    .find((tag) => tag.name === "meta" && (tag.attributes.get("property") ?? tag.attributes.get("name")) === key)
    ?.attributes.get("content");
}

/** The href of every <link rel=rel>. */
export function linksOf(tags: readonly Tag[], rel: string): string[] {
  return tags.flatMap((tag) =>
    tag.name === "link" && tag.attributes.get("rel") === rel ? [tag.attributes.get("href") ?? ""] : [],
  );
}

export interface SitemapUrl {
  loc: string;
  lastmod: string;
}

/**
 * The <url> entries of a sitemap, or the <sitemap> entries of a sitemap index; throws unless
 * it is well-formed XML in the sitemap namespace.
 */
export function parseSitemap(xml: string): SitemapUrl[] {
  const urls: SitemapUrl[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let field: "loc" | "lastmod" | undefined;
  parser.on("opentag", (tag) => {
    if (tag.local === "urlset" || tag.local === "sitemapindex") {
      expect(tag.uri).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    }
    if (tag.local === "url" || tag.local === "sitemap") urls.push({ loc: "", lastmod: "" });
    if (tag.local === "loc" || tag.local === "lastmod") field = tag.local;
  });
  parser.on("text", (text) => {
    const current = urls.at(-1);
    if (current && field) current[field] += text;
  });
  parser.on("closetag", () => {
    field = undefined;
  });
  parser.write(xml).close();
  return urls;
}

/**
 * Every URL the sitemap lists, as a crawler finds them: /sitemap.xml is an index, and each part
 * it names is fetched. Checks that each part's lastmod is the Last-Modified it is served with.
 */
export async function sitemapUrls(get: (path: string) => Promise<Response>): Promise<SitemapUrl[]> {
  const index = await get("/sitemap.xml");
  expect(index.status).toBe(200);
  const urls: SitemapUrl[] = [];
  for (const part of parseSitemap(await index.text())) {
    const response = await get(part.loc.slice(BASE.length));
    expect(response.status, part.loc).toBe(200);
    expect(response.headers.get("content-type"), part.loc).toBe("application/xml; charset=utf-8");
    expect(Date.parse(response.headers.get("last-modified") ?? ""), part.loc).toBe(Date.parse(part.lastmod));
    urls.push(...parseSitemap(await response.text()));
  }
  return urls;
}
