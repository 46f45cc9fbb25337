import type { FeedKind } from "./feed-item.ts";
import type { Corpus } from "./load-corpus.ts";
import type { Report } from "./report.ts";

/** The three feeds the site publishes, at the URLs readers are subscribed to. */
export interface FeedEndpoint {
  readonly kind: FeedKind;
  readonly path: string;
  readonly mediaType: string;
}

export const FEEDS: readonly FeedEndpoint[] = [
  { kind: "rss", path: "/rss.xml", mediaType: "application/rss+xml" },
  { kind: "atom", path: "/atom.xml", mediaType: "application/atom+xml" },
  { kind: "json", path: "/feed.json", mediaType: "application/feed+json" },
];

/** What every group of checks needs about one corpus served by one running Worker. */
export interface SuiteContext {
  readonly report: Report;
  readonly corpus: Corpus;
  readonly baseUrl: string;
  /** Prefixes a check name with the corpus, e.g. "[tricky-articles] feedparser /rss.xml". */
  readonly name: (check: string) => string;
}
