import type { Article } from "../model/article.ts";
import { articlePath, articleSitemapPath, PAGES_SITEMAP_PATH, SITEMAP_PATH, XML_CONTENT_TYPE } from "../model/paths.ts";
import { latestOf } from "../model/time.ts";
import { absoluteUrl } from "../render/links.ts";
import {
  ARTICLES_PER_SITEMAP,
  renderSitemap,
  renderSitemapIndex,
  type SitemapEntry,
} from "../render/site-files/sitemap.ts";
import type { PublishContext } from "./publish-context.ts";

/**
 * One state's sitemaps, by path: the pages sitemap (`pages`, every list and topic page), the
 * article sitemaps of ARTICLES_PER_SITEMAP articles each, oldest first, and the index naming
 * them. A full article sitemap is rendered once, in the first state that fills it
 * (PublishContext.fullSitemapParts).
 */
export async function publishSitemaps(
  context: PublishContext,
  published: readonly Article[],
  pages: readonly SitemapEntry[],
): Promise<Record<string, number>> {
  const { site, store, times, fullSitemapParts } = context;
  const routes: Record<string, number> = {};
  const addSitemap = async (path: string, entries: readonly SitemapEntry[]): Promise<SitemapEntry> => {
    const modified = latestOf(
      entries.map((entry) => entry.modifiedMs),
      times.templatesRevisedAt,
    );
    routes[path] = await store.add(renderSitemap(entries), XML_CONTENT_TYPE, modified, "index");
    return { url: absoluteUrl(site, path), modifiedMs: modified };
  };
  const parts: SitemapEntry[] = [await addSitemap(PAGES_SITEMAP_PATH, pages)];
  const oldestFirst = published.toReversed();
  for (let part = 1; (part - 1) * ARTICLES_PER_SITEMAP < oldestFirst.length; part++) {
    const shown = oldestFirst.slice((part - 1) * ARTICLES_PER_SITEMAP, part * ARTICLES_PER_SITEMAP);
    // Its newest article's page last changes when the next part's first one is published.
    const full = oldestFirst.length > part * ARTICLES_PER_SITEMAP;
    const known = full ? fullSitemapParts.get(part) : undefined;
    if (known !== undefined) {
      routes[articleSitemapPath(part)] = known;
      const modifiedMs = store.entries[known]?.lastModifiedMs ?? 0;
      parts.push({ url: absoluteUrl(site, articleSitemapPath(part)), modifiedMs });
      continue;
    }
    const entries = shown.map((article, i) => {
      // The page as this state serves it: linking the neighbours published by then.
      const at = (part - 1) * ARTICLES_PER_SITEMAP + i;
      const neighbours = [oldestFirst[at - 1], oldestFirst[at + 1]].filter((n) => n !== undefined);
      return { url: absoluteUrl(site, articlePath(article)), modifiedMs: times.articlePage(article, neighbours) };
    });
    parts.push(await addSitemap(articleSitemapPath(part), entries));
    if (full) fullSitemapParts.set(part, routes[articleSitemapPath(part)] ?? 0);
  }
  const indexModified = latestOf(
    parts.map((part) => part.modifiedMs),
    0,
  );
  routes[SITEMAP_PATH] = await store.add(renderSitemapIndex(parts), XML_CONTENT_TYPE, indexModified, "index");
  return routes;
}
