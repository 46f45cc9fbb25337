import { countListPages } from "../model/list-pages.ts";
import { shardOfPage, topicPath } from "../model/paths.ts";
import { listPageShardPath, packShard, type ShardBody, topicListPageShardPath } from "../model/shard-file.ts";
import { wholeSeconds } from "../model/time.ts";
import type { TopicGroup } from "../model/topics.ts";
import { renderListPage } from "../render/pages/index-page.ts";
import { renderTopicPage } from "../render/pages/topic-pages.ts";
import type { AssetStore } from "./asset-store.ts";
import type { PublishContext } from "./publish-context.ts";

/**
 * List pages per page shard: a shard is read whole for the one page asked for, so it stays
 * near 300 KB; 100,000 articles make about 310 shards.
 */
export const PAGES_PER_SHARD = 16;

/** How one paged list's stable pages are rendered, dated and filed. */
interface StableListPages {
  /** Pages 1 … `stable` are full and followed by another once everything is published. */
  readonly stable: number;
  readonly render: (page: number) => string;
  readonly lastModified: (page: number) => number;
  /** The shard that holds pages `first` … `first + PAGES_PER_SHARD − 1`. */
  readonly shardPath: (first: number) => string;
}

/** The site's stable list pages (/page/N), in page shards. */
export function siteListPageShards({ site, all, times, store }: PublishContext): Promise<Map<string, Uint8Array>> {
  return stableListPageShards(
    {
      stable: countListPages(site, all.length) - 1,
      render: (page) => renderListPage(site, all, page),
      lastModified: (page) => times.listPage(all, page),
      shardPath: (first) => listPageShardPath(shardOfPage(first, PAGES_PER_SHARD)),
    },
    store,
  );
}

/**
 * Every topic's stable list pages, in shards of its own like the site's: whole files would pass
 * the asset-file limit on a large tagged site.
 */
export async function topicListPageShards(
  { site, times, store }: PublishContext,
  groups: readonly TopicGroup[],
): Promise<Map<string, Uint8Array>> {
  const shards = new Map<string, Uint8Array>();
  for (const group of groups) {
    const folder = topicPath(group.kind, group.topic);
    const topicShards = await stableListPageShards(
      {
        stable: countListPages(site, group.articles.length) - 1,
        render: (page) => renderTopicPage(site, group, page),
        lastModified: (page) => times.listPage(group.articles, page),
        shardPath: (first) => topicListPageShardPath(folder, first, PAGES_PER_SHARD),
      },
      store,
    );
    for (const [path, shard] of topicShards) shards.set(path, shard);
  }
  return shards;
}

/**
 * List pages that read the same in every state that has their successor (the site's and each
 * topic's), packed PAGES_PER_SHARD to a shard file keyed by page number. The last page of each
 * state is rendered with the state instead.
 */
async function stableListPageShards(pages: StableListPages, store: AssetStore): Promise<Map<string, Uint8Array>> {
  const shards = new Map<string, Uint8Array>();
  for (let first = 1; first <= pages.stable; first += PAGES_PER_SHARD) {
    const bodies: ShardBody[] = [];
    for (let page = first; page < first + PAGES_PER_SHARD && page <= pages.stable; page++) {
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
