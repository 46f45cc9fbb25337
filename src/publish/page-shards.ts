import { packShard, type ShardBody } from "../model/shard-file.ts";
import { wholeSeconds } from "../model/time.ts";
import type { AssetStore } from "./asset-store.ts";

/** How one paged list's stable pages are rendered, dated and filed. */
export interface StablePages {
  /** Pages 1 … `stable` are full and followed by another once everything is published. */
  readonly stable: number;
  readonly pagesPerShard: number;
  readonly render: (page: number) => string;
  readonly lastModified: (page: number) => number;
  /** The shard that holds pages `first` … `first + pagesPerShard − 1`. */
  readonly shardPath: (first: number) => string;
}

/**
 * List pages that read the same in every state that has their successor (the site's and
 * each topic's), packed `pagesPerShard` to a shard file keyed by page number. The last page of
 * each state is rendered with the state instead.
 */
export async function stablePageShards(pages: StablePages, store: AssetStore): Promise<Map<string, Uint8Array>> {
  const shards = new Map<string, Uint8Array>();
  for (let first = 1; first <= pages.stable; first += pages.pagesPerShard) {
    const bodies: ShardBody[] = [];
    for (let page = first; page < first + pages.pagesPerShard && page <= pages.stable; page++) {
      const body = new TextEncoder().encode(pages.render(page));
      const gzip = await store.gzipOf(body);
      // Stored gzip-coded only, like article pages: the Worker decodes it for a client without gzip.
      bodies.push({
        key: String(page),
        body,
        etag: await store.etagOf(body),
        lastModifiedMs: wholeSeconds(pages.lastModified(page)),
        gzip: { body: gzip, etag: await store.etagOf(gzip) },
      });
    }
    shards.set(pages.shardPath(first), packShard(bodies));
  }
  return shards;
}
