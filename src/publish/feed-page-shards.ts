import { archiveFeed } from "../model/archive-feeds.ts";
import { countCompletePages } from "../model/list-pages.ts";
import { shardOfPage } from "../model/paths.ts";
import { feedPageShardPath } from "../model/shard-file.ts";
import type { Site } from "../model/site.ts";
import { wholeSeconds } from "../model/time.ts";
import type { FeedPageShardTask } from "./feed-page-shard.ts";
import { InFlightLimit } from "./in-flight-limit.ts";
import { countScheduled } from "./publication.ts";
import type { PublishContext } from "./publish-context.ts";
import type { ShardOutput } from "./shard-output.ts";

/**
 * Articles a feed-page shard holds at most (as whole pages, each in three formats): about
 * 32 × 3 feed items, a few hundred KB, read whole for the one document asked for. At least
 * 17 articles a shard, so 100,000 articles make at most about 5,900 files.
 */
const ARTICLES_PER_FEED_PAGE_SHARD = 32;
/** Shards rendering at once: enough to keep every worker busy, few enough to bound memory. */
const MAX_IN_FLIGHT = 8;

/** Feed pages per feed-page shard: whole pages, at least one. */
export function feedPagesPerShard(site: Site): number {
  return Math.max(1, Math.floor(ARTICLES_PER_FEED_PAGE_SHARD / site.itemsPerFeed));
}

/**
 * The feed pages: the archive documents (src/model/archive-feeds.ts) of every list page that
 * is complete once everything is published, scheduled articles included. A complete page's
 * documents read the same in every state that has it, so they are rendered once, not per state;
 * the Worker serves page k only in a state where it is complete. A shard whose sources (the
 * site, the templates' revision, its articles and theirs) are unchanged since the last build is
 * not rendered again. Returns each shard's path and source key, written or not, and how many
 * were rendered.
 */
export async function publishFeedPageShards(
  { site, all, from, times, store }: PublishContext,
  output: ShardOutput<FeedPageShardTask, Uint8Array>,
): Promise<{ sourceKeys: Map<string, string>; rendered: number }> {
  const complete = countCompletePages(site, all.length);
  const completeAtBuild = countCompletePages(site, all.length - countScheduled(all, from));
  const perShard = feedPagesPerShard(site);
  const sourceKeys = new Map<string, string>();
  const rendering = new InFlightLimit(MAX_IN_FLIGHT);
  let rendered = 0;
  for (let first = 1; first <= complete; first += perShard) {
    const pages: number[] = [];
    for (let page = first; page < first + perShard && page <= complete; page++) pages.push(page);
    const documents = pages.map((page) => archiveFeed(site, all, page, completeAtBuild));
    const path = feedPageShardPath(shardOfPage(first, perShard));
    const shown = documents.map((document) => [document.paging, document.entries.map((a) => [a, times.article(a)])]);
    const sourceKey = await store.sourceKeyOf([site, times.templatesRevisedAt, shown]);
    sourceKeys.set(path, sourceKey);
    if (output.alreadyWritten?.(path, sourceKey)) continue;
    const task: FeedPageShardTask = {
      site,
      pages: documents.map((document, index) => ({
        page: first + index,
        document,
        lastModifiedMs: wholeSeconds(times.list(document.entries, document.entries)),
      })),
    };
    await rendering.start(async () => {
      await output.write(path, await output.render(task));
      rendered++;
    });
  }
  await rendering.settle();
  return { sourceKeys, rendered };
}
