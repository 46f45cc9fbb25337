/**
 * What the build hands the Worker besides the static assets (src/publish/publish-site.ts): where
 * each response's bytes are and everything needed to answer for them without reading them.
 * Small by design: per-article and per-page data lives in the shard files it points to.
 */
export interface SiteManifest {
  /** The origin every link starts with, fixed at build. */
  readonly baseUrl: string;
  /** Every whole file the routes below name, referred to by index. */
  readonly files: readonly AssetFile[];
  /** Paths that answer the same in every publication state (robots.txt, icons, media), to a file index. */
  readonly fixedRoutes: Readonly<Record<string, number>>;
  /** The 404 page's file: it names no path, so one serves every miss. */
  readonly notFound: number;
  /** Ascending by `from`; the state in force at an instant is the last one that has begun. */
  readonly states: readonly PublicationState[];
  /** List pages per list-page shard: /page/N is in shard shardOfPage(N, pagesPerShard) (src/model/paths.ts). */
  readonly pagesPerShard: number;
  /**
   * Feed pages (a complete list page's archive documents) per feed-page shard: /page/N/<feed>
   * is in shard shardOfPage(N, feedPagesPerShard).
   */
  readonly feedPagesPerShard: number;
  /** The site's WebSub hub, which the Worker notifies as scheduled feeds change (src/push/). */
  readonly websubHub?: string;
}

/**
 * How long a response may be cached (src/serve/headers.ts), named for what it is mostly used by:
 * "index" is every list that any publication may change (the home page, the newest list page,
 * topic pages, /feeds, the sitemaps) and every 301; "article" an article's page and the full
 * list pages, which rarely change; "archive" an archive document, which never does.
 */
export type CacheClass = "feed" | "index" | "article" | "asset" | "media" | "archive";

/** A response body stored whole in one asset file. */
export interface AssetFile extends Validators {
  /** Asset path, named by content so that a file never changes under its name. */
  readonly path: string;
  /** Full media type with charset. */
  readonly contentType: string;
  /** Its cache class. */
  readonly kind: CacheClass;
  /** The same content gzip-coded, for the types the Worker compresses itself. */
  readonly gzip?: { readonly path: string; readonly etag: string; readonly length: number };
  /** Size in bytes, sent as Content-Length on a HEAD too, which reads no body (src/serve/respond.ts). */
  readonly length: number;
}

export interface Validators {
  /** Strong entity tag, quoted. */
  readonly etag: string;
  /** Last-Modified in ms, whole seconds. */
  readonly lastModifiedMs: number;
}

/** What is published from one instant until the next state begins. */
export interface PublicationState {
  /** When this state begins, in ms; the first state begins at EARLIEST. */
  readonly from: number;
  /** How many list pages exist: /page/1 … /page/pageCount. */
  readonly pageCount: number;
  /** How many list pages are complete, each with its archive documents: /page/1 … /page/completePages. */
  readonly completePages: number;
  /** Paths whose bytes change with publication (/, the feeds, the newest list page, sitemaps). */
  readonly routes: Readonly<Record<string, number>>;
  /** Each feed path's browser preview, to a file index. */
  readonly previews: Readonly<Record<string, number>>;
  /**
   * How many list pages each tag and author has, by its folder ("/tags/energy"): the last is
   * a route of the state, the others are in topic list-page shards (topicListPageShardPath).
   */
  readonly topicPages?: Readonly<Record<string, number>>;
}

/** The earliest instant a Date can hold: the first state has always begun. */
export const EARLIEST = -8.64e15;

/**
 * The index of the state in force at `at`: the last one that has begun. A binary search over
 * the states' first instants, O(log n).
 */
export function stateIndexAt(states: readonly PublicationState[], at: number): number {
  let low = 0;
  let high = states.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((states[mid]?.from ?? 0) <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}
