import type { Article } from "../model/article.ts";
import type { Site } from "../model/site.ts";

/**
 * The archive is paged like the index: page 1 is "/" and holds what a feed holds (the
 * newest `itemsPerFeed` articles); older ones follow on /page/2, /page/3, …
 */
export function countArchivePages(site: Site, publishedCount: number): number {
  return Math.max(1, Math.ceil(publishedCount / site.itemsPerFeed));
}

/** The articles on page `pageNumber` (from 1), newest first. */
export function archivePageEntries(site: Site, published: readonly Article[], pageNumber: number): readonly Article[] {
  const start = (pageNumber - 1) * site.itemsPerFeed;
  return published.slice(start, start + site.itemsPerFeed);
}

/** Site-relative path of an archive page; page 1 is the home page, never /page/1. */
export function archivePagePath(pageNumber: number): string {
  return pageNumber === 1 ? "/" : `/page/${pageNumber}`;
}
