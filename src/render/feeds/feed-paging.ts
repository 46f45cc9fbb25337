import type { FeedDocument } from "../../model/feed-document.ts";
import { type FeedFormat, feedPathIn } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { absoluteUrl } from "../links.ts";

/** The namespace RFC 5005 (§1.1) binds to the prefix fh, for fh:archive. */
export const FEED_HISTORY_NAMESPACE = "http://purl.org/syndication/history/1.0";

/** One archived-feed link of a document, absolute, in the document's own format. */
export interface PagingLink {
  readonly rel: "current" | "prev-archive" | "next-archive";
  readonly href: string;
}

/** Whether the document is an archive document (RFC 5005 §4), which must say fh:archive. */
export function isArchiveDocument(document: FeedDocument): boolean {
  return document.paging?.currentFolder !== undefined;
}

/** The RFC 5005 links of `document` in `format`, in a fixed order: current, then prev-archive. */
export function pagingLinks(site: Site, document: FeedDocument, format: FeedFormat): PagingLink[] {
  const links: PagingLink[] = [];
  const { currentFolder, prevArchiveFolder, nextArchiveFolder } = document.paging ?? {};
  if (currentFolder !== undefined)
    links.push({ rel: "current", href: absoluteUrl(site, feedPathIn(currentFolder, format)) });
  if (prevArchiveFolder !== undefined)
    links.push({ rel: "prev-archive", href: absoluteUrl(site, feedPathIn(prevArchiveFolder, format)) });
  if (nextArchiveFolder !== undefined)
    links.push({ rel: "next-archive", href: absoluteUrl(site, feedPathIn(nextArchiveFolder, format)) });
  return links;
}

/**
 * The WebSub hub a document names (W3C WebSub §4), if the site has one: subscription feeds
 * only, since an archive document never changes and so has nothing to push.
 */
export function hubOf(site: Site, document: FeedDocument): string | undefined {
  return isArchiveDocument(document) ? undefined : site.websubHub;
}
