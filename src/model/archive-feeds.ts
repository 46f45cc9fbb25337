import type { Article } from "./article.ts";
import type { FeedDocument, FeedPaging } from "./feed-document.ts";
import { countCompletePages, listPageEntries } from "./list-pages.ts";
import { listPagePath } from "./paths.ts";
import type { Site } from "./site.ts";

/**
 * Archived feeds (RFC 5005 §4), so a new subscriber's reader can fetch everything published
 * before it subscribed. Every complete list page /page/k (one holding `itemsPerFeed`
 * articles) has an archive document in each format under /page/k/. Its articles are fixed
 * for good: publishing only appends, and a scheduled article is newer than every published
 * one, so a complete page never gains, loses or reorders an article.
 */

/** The folder of the archive documents of /page/`pageNumber` (see feedPathIn). */
export function archiveFeedFolder(pageNumber: number): string {
  return listPagePath(pageNumber);
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
 * rel="next-archive" (§4: SHOULD, unless no archive follows) names page k+1 when that page was
 * complete at the build (`completeAtBuild`), never one a scheduled article completes later, so
 * it never leads to a 404. The newest archive document gains it at the deploy after the next
 * page completes: a link, never an entry (§4: the entries SHOULD NOT change), and a reader
 * holding the older copy for its year in cache still walks the archive from the subscription
 * feed backwards by prev-archive, as §4.2 describes.
 */
export function archiveFeed(
  site: Site,
  published: readonly Article[],
  pageNumber: number,
  completeAtBuild = 0,
): FeedDocument {
  return {
    title: site.title,
    description: site.description,
    pagePath: listPagePath(pageNumber),
    folder: archiveFeedFolder(pageNumber),
    entries: listPageEntries(site, published, pageNumber),
    paging: {
      currentFolder: "",
      ...(pageNumber > 1 ? { prevArchiveFolder: archiveFeedFolder(pageNumber - 1) } : {}),
      ...(pageNumber < completeAtBuild ? { nextArchiveFolder: archiveFeedFolder(pageNumber + 1) } : {}),
    },
  };
}
