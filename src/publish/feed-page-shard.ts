import type { FeedDocument } from "../model/feed-document.ts";
import { FEED_FORMATS } from "../model/paths.ts";
import { archiveDocumentKey, packShard, type ShardBody } from "../model/shard-file.ts";
import type { Site } from "../model/site.ts";
import { renderFeed } from "../render/feeds/render-feed.ts";
import type { EtagOf } from "./article-shard.ts";

/** One feed page to render (page N's archive documents): plain data, so a worker thread can take it. */
export interface FeedPageTask {
  readonly page: number;
  readonly document: FeedDocument;
  /** Whole seconds: it first appeared with its newest article, and changes only with an edit. */
  readonly lastModifiedMs: number;
}

/** The feed pages of one feed-page shard. */
export interface FeedPageShardTask {
  readonly site: Site;
  readonly pages: readonly FeedPageTask[];
}

/** gzip (src/publish/asset-store.ts Gzip): the same bytes whichever thread runs it. */
export type GzipOf = (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/**
 * A feed-page shard: each page's archive documents in the three formats, each stored once, gzip-coded
 * (read rarely and never changed, and a third of the size); the index keeps the tags and
 * lengths of both codings, and the Worker decodes it for a client without gzip.
 */
export async function renderFeedPageShard(
  task: FeedPageShardTask,
  etagOf: EtagOf,
  gzipOf: GzipOf,
): Promise<Uint8Array> {
  const bodies: ShardBody[] = [];
  for (const { page, document, lastModifiedMs } of task.pages) {
    for (const format of FEED_FORMATS) {
      const body = new TextEncoder().encode(renderFeed(format, task.site, document));
      const gzip = await gzipOf(body);
      bodies.push({
        key: archiveDocumentKey(page, format.file),
        lastModifiedMs,
        contentType: format.contentType,
        body,
        etag: await etagOf(body),
        gzip: { body: gzip, etag: await etagOf(gzip) },
      });
    }
  }
  return packShard(bodies);
}
