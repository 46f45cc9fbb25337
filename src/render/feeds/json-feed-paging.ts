import type { FeedDocument } from "../../model/feed-document.ts";
import { feedPathIn, JSON_FEED_FORMAT } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { absoluteUrl } from "../links.ts";

/**
 * JSON Feed 1.1 has no archive marker and no "current" link; its one paging field is next_url,
 * "the next n items". List pages are numbered from the oldest, so the next items are the
 * next older archive document: from the subscription feed to the newest complete page, and
 * from each page to the one before it. Page 1 has none, which ends the walk.
 */
export function jsonFeedNextUrl(site: Site, document: FeedDocument): { next_url?: string } {
  const folder = document.paging?.prevArchiveFolder;
  return folder === undefined ? {} : { next_url: absoluteUrl(site, feedPathIn(folder, JSON_FEED_FORMAT)) };
}
