// The sitemaps as a search engine reads them (https://www.sitemaps.org/protocol.html): from the
// Sitemap lines of robots.txt, through a sitemap index, to the sitemaps that list the pages.
import { SaxesParser } from "saxes";
import { articlePath } from "../../src/model/paths.ts";
import type { Crawl } from "./crawl-site.ts";
import { expectedScopes } from "./feed-scopes.ts";
import { type Fetched, fetchResource } from "./http-client.ts";
import type { SuiteContext } from "./suite-context.ts";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
/** sitemaps.org: "no more than 50,000 URLs and must be no larger than 50MB (52,428,800 bytes)". */
const MAX_ENTRIES = 50_000;
const MAX_BYTES = 52_428_800;
/** W3C Datetime, as sitemaps.org asks of <lastmod>: a date, or a date and time with a zone. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** One sitemap file: its root element and its entries (<url> or <sitemap>) in order. */
interface SitemapFile {
  readonly root: string;
  readonly entries: readonly { readonly loc: string; readonly lastmod?: string }[];
}

/** Reads a sitemap or sitemap index; elements outside the sitemaps namespace are ignored. */
export function readSitemap(xml: string): SitemapFile {
  const parser = new SaxesParser({ xmlns: true });
  let root = "";
  const entries: { loc: string; lastmod?: string }[] = [];
  let text = "";
  parser.on("opentag", (tag) => {
    if (!root) root = tag.uri === SITEMAP_NS ? tag.local : `{${tag.uri}}${tag.local}`;
    if (tag.uri === SITEMAP_NS && (tag.local === "url" || tag.local === "sitemap")) entries.push({ loc: "" });
    text = "";
  });
  parser.on("text", (chunk) => {
    text += chunk;
  });
  parser.on("closetag", (tag) => {
    const entry = entries.at(-1);
    if (tag.uri === SITEMAP_NS && entry && tag.local === "loc") entry.loc = text.trim();
    if (tag.uri === SITEMAP_NS && entry && tag.local === "lastmod") entry.lastmod = text.trim();
    text = "";
  });
  parser.write(xml).close();
  return { root, entries };
}

/**
 * robots.txt names the sitemap index, the index names sitemaps, and they list every published
 * article once, each with the <lastmod> its page's Last-Modified says.
 */
export async function checkSitemaps(context: SuiteContext, crawl: Crawl): Promise<void> {
  const { report, name, baseUrl, corpus } = context;
  const origin = new URL(baseUrl).origin;
  const fetched = async (url: string): Promise<Fetched> => crawl.resources.get(url) ?? (await fetchResource(url));
  const listed: { loc: string; lastmod?: string }[] = [];
  let sitemapCount = 0;

  await report.check(name("robots.txt names a sitemap index whose sitemaps follow sitemaps.org"), async () => {
    const robots = crawl.resources.get(`${origin}/robots.txt`);
    const named = [...(robots?.text ?? "").matchAll(/^Sitemap:\s*(\S+)\s*$/gim)].map((match) => match[1] ?? "");
    if (named.length === 0) return ["robots.txt names no sitemap"];
    const problems: string[] = [];
    const readSitemapAt = async (url: string): Promise<SitemapFile | undefined> => {
      const response = await fetched(url);
      if (response.status !== 200) problems.push(`${url} answered ${response.status}`);
      else if (response.body.length > MAX_BYTES) problems.push(`${url} is ${response.body.length} bytes`);
      else return readSitemap(response.text);
      return undefined;
    };
    const checkEntries = (url: string, file: SitemapFile) => {
      if (file.entries.length > MAX_ENTRIES) problems.push(`${url} has ${file.entries.length} entries`);
      for (const { loc, lastmod } of file.entries) {
        // "All URLs in a Sitemap must be from a single host", the sitemap's own.
        if (!URL.canParse(loc) || new URL(loc).origin !== origin) problems.push(`${url}: <loc> ${loc} is off the site`);
        if (lastmod !== undefined && !W3C_DATETIME.test(lastmod)) problems.push(`${url}: <lastmod> ${lastmod}`);
      }
    };
    for (const indexUrl of named) {
      const index = await readSitemapAt(indexUrl);
      if (!index) continue;
      if (index.root !== "sitemapindex") {
        problems.push(`${indexUrl}: root <${index.root}>, expected <sitemapindex>`);
        continue;
      }
      checkEntries(indexUrl, index);
      for (const { loc } of index.entries) {
        sitemapCount++;
        const sitemap = await readSitemapAt(loc);
        if (!sitemap) continue;
        if (sitemap.root !== "urlset") problems.push(`${loc}: root <${sitemap.root}>, expected <urlset>`);
        checkEntries(loc, sitemap);
        listed.push(...sitemap.entries);
      }
    }
    return problems;
  });

  const articleUrls = corpus.published.map((article) => `${baseUrl}${articlePath(article)}`);
  await report.check(
    name(`the ${sitemapCount} sitemaps list every published article's page once (${articleUrls.length})`),
    () => {
      const times = new Map<string, number>();
      for (const { loc } of listed) times.set(loc, (times.get(loc) ?? 0) + 1);
      return articleUrls
        .filter((url) => times.get(url) !== 1)
        .map((url) => `${url} listed ${times.get(url) ?? 0} times`);
    },
  );
  // Each topic's and author's page (docs/urls.md#topics-and-authors), and their indexes.
  const topicPages = expectedScopes(corpus)
    .filter((scope) => scope.folder !== "")
    .map((scope) => `${baseUrl}${scope.folder}`);
  const indexes = [...new Set(topicPages.map((url) => url.slice(0, url.lastIndexOf("/"))))];
  await report.check(
    name(`the sitemaps list every topic's and author's page once, and their indexes (${topicPages.length})`),
    () => {
      const times = new Map<string, number>();
      for (const { loc } of listed) times.set(loc, (times.get(loc) ?? 0) + 1);
      return [...indexes, ...topicPages]
        .filter((url) => times.get(url) !== 1)
        .map((url) => `${url} listed ${times.get(url) ?? 0} times`);
    },
  );
  const requested = listed.filter(({ loc }) => crawl.resources.get(loc)?.status === 200);
  await report.check(
    name(`each of the ${requested.length} requested pages they list was last modified at its <lastmod>`),
    () =>
      requested.flatMap(({ loc, lastmod }) => {
        const header = crawl.resources.get(loc)?.headers.get("last-modified") ?? "";
        return lastmod !== undefined && Date.parse(header) === Date.parse(lastmod)
          ? []
          : [`${loc}: <lastmod> ${lastmod}, Last-Modified ${header}`];
      }),
  );
}
