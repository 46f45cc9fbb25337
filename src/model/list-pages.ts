import type { Article } from "./article.ts";
import type { Site } from "./site.ts";

/**
 * The list pages are numbered from the oldest article, `itemsPerFeed` to a page: with the articles
 * oldest first, /page/k holds [(k-1)·P, k·P). Publishing appends, so every page but the last is
 * full and keeps its articles for good; only the last one, the newest remainder, grows. The
 * home page is none of them: it shows the newest P articles, as a feed does.
 */
export function countListPages(site: Pick<Site, "itemsPerFeed">, publishedCount: number): number {
  return Math.ceil(publishedCount / site.itemsPerFeed);
}

/**
 * How many list pages are complete: /page/1 … /page/n each hold `itemsPerFeed` articles,
 * and only these have archive documents (src/model/archive-feeds.ts).
 */
export function countCompletePages(site: Site, publishedCount: number): number {
  return Math.floor(publishedCount / site.itemsPerFeed);
}

/** The articles on /page/`pageNumber` (from 1, the oldest), newest first like every list. */
export function listPageEntries(site: Site, published: readonly Article[], pageNumber: number): readonly Article[] {
  // `published` is newest first: the oldest-first index i is published[n - 1 - i].
  const count = published.length;
  return published.slice(
    Math.max(0, count - pageNumber * site.itemsPerFeed),
    count - (pageNumber - 1) * site.itemsPerFeed,
  );
}

/**
 * The articles a feed carries, and the home page or a topic's page shows above its list pages:
 * the newest `itemsPerFeed` of those published, newest first.
 */
export function newestEntries(site: Site, published: readonly Article[]): readonly Article[] {
  return published.slice(0, site.itemsPerFeed);
}

/**
 * The newest list page holding an article older than everything on the home page (the
 * home page's "older" neighbour), or undefined when the home page shows every article.
 */
export function pageBeforeHome(site: Site, publishedCount: number): number | undefined {
  const older = publishedCount - site.itemsPerFeed;
  return older > 0 ? Math.ceil(older / site.itemsPerFeed) : undefined;
}
