import type { Article, PublishedTime } from "./article.ts";
import { lastUpdate } from "./last-update.ts";

/**
 * One feed as every format renders it: the site's subscription feed or a topic's
 * (src/model/subscription-feeds.ts), or an archive document (src/model/archive-feeds.ts). The
 * renderers take only this, so a new kind of feed is a new FeedDocument, not a new renderer.
 */
export interface FeedDocument {
  /** The feed's name and description as readers show them. */
  readonly title: string;
  readonly description: string;
  /** Site-relative path of the HTML page the feed mirrors: "/" or "/tags/energy". */
  readonly pagePath: string;
  /** The folder its formats live in: "" for the site's feeds, "/tags/energy" (see feedPathIn). */
  readonly folder: string;
  /** The items, newest first. */
  readonly entries: readonly Article[];
  /** Links to the documents before it (RFC 5005 §4), when there are any. */
  readonly paging?: FeedPaging;
}

/**
 * RFC 5005 archived-feed links, by folder: each format links to its own format's document
 * there (feedPathIn), so one FeedDocument serves all three formats.
 */
export interface FeedPaging {
  /**
   * Set on an archive document: the folder of the subscription feed it belongs to. The
   * document then says fh:archive and links there with rel="current" (RFC 5005 §4).
   */
  readonly currentFolder?: string;
  /** The next older archive document: rel="prev-archive" in Atom and RSS, next_url in JSON Feed. */
  readonly prevArchiveFolder?: string;
  /** The next newer archive document, if it was complete at the build: rel="next-archive" (Atom, RSS). */
  readonly nextArchiveFolder?: string;
}

/**
 * A feed's updated time is the latest publication or correction among its entries, never the
 * build's or the clock's, so the output is deterministic. A feed with nothing published yet
 * says the epoch.
 */
export function feedUpdated(entries: readonly Article[]): PublishedTime {
  let latest: PublishedTime = { epochMs: 0, offsetMinutes: 0 };
  for (const entry of entries) {
    const updated = lastUpdate(entry);
    if (updated.epochMs > latest.epochMs) latest = updated;
  }
  return latest;
}
