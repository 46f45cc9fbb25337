import type { Article } from "../model/article.ts";
import { archiveDocumentKey, archiveShardPath, gzipKey, packShard, type ShardBody } from "../model/shard-file.ts";
import type { Site } from "../model/site.ts";
import { archiveFeed, countCompletePages } from "../render/archive-feeds.ts";
import { FEED_FORMATS } from "../render/formats.ts";
import { renderFeed } from "../render/render-feed.ts";
import { type AssetStore, GZIPPED_BY_WORKER, gzipped } from "./asset-store.ts";
import type { ModifiedTimes } from "./modified-times.ts";

/**
 * Articles an archive shard holds at most (as whole pages, each in three formats): about
 * 32 × 3 feed items, a few hundred KB, read whole for the one document asked for. At least
 * 17 articles a shard, so 100,000 articles make at most about 5,900 files.
 */
const ARTICLES_PER_ARCHIVE_SHARD = 32;

/** Complete archive pages per archive shard: whole pages, at least one. */
export function feedPagesPerShard(site: Site): number {
  return Math.max(1, Math.floor(ARTICLES_PER_ARCHIVE_SHARD / site.itemsPerFeed));
}

/**
 * The archive documents (src/render/archive-feeds.ts) of every page that is complete once
 * everything is published, scheduled articles included: a complete page's documents read the
 * same in every state that has it, so they are rendered once, not per state. The Worker serves
 * page k only in a state where it is complete.
 */
export async function archiveShards(
  site: Site,
  all: readonly Article[],
  times: ModifiedTimes,
  store: AssetStore,
): Promise<Map<string, Uint8Array>> {
  const complete = countCompletePages(site, all.length);
  const perShard = feedPagesPerShard(site);
  const shards = new Map<string, Uint8Array>();
  for (let first = 1; first <= complete; first += perShard) {
    const bodies: ShardBody[] = [];
    for (let page = first; page < first + perShard && page <= complete; page++) {
      const document = archiveFeed(site, all, page);
      // It first appeared with its newest article; it changes only with an edit or the templates.
      const modified = times.list(document.entries, document.entries);
      for (const format of FEED_FORMATS) {
        const body = new TextEncoder().encode(renderFeed(format, site, document));
        const entry = {
          key: archiveDocumentKey(page, format.file),
          lastModifiedMs: Math.floor(modified / 1000) * 1000,
          contentType: `${format.mediaType}; charset=utf-8`,
        };
        bodies.push({ ...entry, body, etag: await store.etagOf(body) });
        // The types Cloudflare's edge would send uncompressed also get a gzip copy, as the feeds do.
        if (!GZIPPED_BY_WORKER.has(format.mediaType)) continue;
        const gzip = await gzipped(body);
        bodies.push({ ...entry, key: gzipKey(entry.key), body: gzip, etag: await store.etagOf(gzip) });
      }
    }
    shards.set(archiveShardPath((first - 1) / perShard), packShard(bodies));
  }
  return shards;
}
