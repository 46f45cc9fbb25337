import type { Article, PublishedTime } from "../model/article.ts";
import type { Site } from "../model/site.ts";

/** The articles a feed carries: the newest `itemsPerFeed` of those already published. */
export function feedEntries(site: Site, published: readonly Article[]): readonly Article[] {
  return published.slice(0, site.itemsPerFeed);
}

/**
 * A feed's updated time is its newest article's, never the build's or the clock's, so the
 * output is deterministic. A feed with nothing published yet says the epoch.
 */
export function feedUpdated(entries: readonly Article[]): PublishedTime {
  return entries[0]?.published ?? { epochMs: 0, offsetMinutes: 0 };
}
