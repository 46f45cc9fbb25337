import type { Article } from "../model/article.ts";
import { type LegacyShard, legacyShardPath } from "../model/shard-file.ts";

/** Where the addresses the first versions published lead: legacy slug to article, oldest first. */
export function legacyShards(all: readonly Article[]): Map<string, Uint8Array> {
  const shards = new Map<string, Uint8Array>();
  for (const [path, articles] of groupsByKey(all, (article) => legacyShardPath(article.legacySlug))) {
    const oldestFirst = articles.toSorted(
      (a, b) => a.published.epochMs - b.published.epochMs || (a.id < b.id ? -1 : 1),
    );
    const shard: LegacyShard = groupsByKey(oldestFirst, (article) => article.legacySlug).map(
      ([legacySlug, targets]) => [
        legacySlug,
        targets.map(({ id, slug, published }) => ({ id, slug, publishedMs: published.epochMs })),
      ],
    );
    shards.set(path, new TextEncoder().encode(JSON.stringify(shard)));
  }
  return shards;
}

/** The items grouped by key, in key order (a shard lists its slugs sorted), each group in the items' order. */
function groupsByKey<T>(items: readonly T[], keyOf: (item: T) => string): [string, T[]][] {
  return [...Map.groupBy(items, keyOf)].toSorted(([a], [b]) => (a < b ? -1 : 1));
}
