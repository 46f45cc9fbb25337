import type { Article } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { archivePageEntries, archivePagePath } from "./archive-pages.ts";
import type { FeedDocument, FeedPaging } from "./feed-document.ts";

/**
 * Archived feeds (RFC 5005 §4), so a new subscriber's reader can fetch everything published
 * before it subscribed. Every complete archive page /page/k (one holding `itemsPerFeed`
 * articles) has an archive document in each format under /page/k/. Its articles are fixed
 * for good: publishing only appends, and a scheduled article is newer than every published
 * one, so a complete page never gains, loses or reorders an article.
 */

/** How many archive pages are complete: /page/1 … /page/n each hold `itemsPerFeed` articles. */
export function countCompletePages(site: Site, publishedCount: number): number {
  return Math.floor(publishedCount / site.itemsPerFeed);
}

/** The folder of the archive documents of /page/`pageNumber` (see feedPathIn). */
export function archiveFeedFolder(pageNumber: number): string {
  return archivePagePath(pageNumber);
}

/**
 * The subscription feed links the newest archive document with rel="prev-archive" (§4: a
 * MUST once any archive exists), or nothing while no page is complete. That document may
 * repeat some of the feed's entries; readers merge entries by id.
 */
export function subscriptionPaging(site: Site, publishedCount: number): { paging?: FeedPaging } {
  const newest = countCompletePages(site, publishedCount);
  return newest > 0 ? { paging: { prevArchiveFolder: archiveFeedFolder(newest) } } : {};
}

/**
 * The archive document of complete page `pageNumber`: its articles newest first, rel="current"
 * to the site's feed and rel="prev-archive" to the page before (§4: a MUST "unless there are
 * no preceding archives available", so none on page 1).
 *
 * No rel="next-archive": §4 asks for one (SHOULD) unless no archive follows, so the newest
 * archive document would have to gain it when the next page completes; but §4 also says the
 * entries of an archive document SHOULD NOT change, and clients may assume it is stable. We
 * keep every archive document byte for byte as it first appeared, so it can be cached for a
 * year; a reader walks the archive from the subscription feed backwards by prev-archive, as
 * §4.2 describes, and never needs next-archive.
 */
export function archiveFeed(site: Site, published: readonly Article[], pageNumber: number): FeedDocument {
  return {
    title: site.title,
    description: site.description,
    pagePath: archivePagePath(pageNumber),
    folder: archiveFeedFolder(pageNumber),
    entries: archivePageEntries(site, published, pageNumber),
    paging: {
      currentFolder: "",
      ...(pageNumber > 1 ? { prevArchiveFolder: archiveFeedFolder(pageNumber - 1) } : {}),
    },
  };
}
