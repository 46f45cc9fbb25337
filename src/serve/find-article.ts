import { ARTICLE_ID, articlePath } from "../model/paths.ts";
import { articleShardPath, entryAt, legacyShardPath } from "../model/shard-file.ts";
import type { Resource } from "./respond.ts";
import type { ServedSite } from "./served-site.ts";
import { shardResource } from "./shard-resource.ts";

/**
 * /articles/<key>, /articles/<key>/<slug>, each with or without a trailing "/": the key is an
 * id or a legacy slug. Anything else under /articles/ names no article.
 */
const ARTICLE_PATH = /^\/articles\/([^/]+)(?:\/([^/]+))?\/?$/;

/**
 * An article by any of its names (docs/urls.md), from the path as sent: its page at the
 * canonical path, the URL to redirect to from every other, nothing for an article still
 * scheduled at `at`, so its address is never revealed. Only the exact canonical spelling is served.
 */
export async function findArticle(site: ServedSite, path: string, at: number): Promise<Resource | string | undefined> {
  const match = ARTICLE_PATH.exec(path);
  if (!match) return undefined;
  const [, key = "", slug] = match;
  const { reader, manifest } = site;
  // The id wins; an address with no second segment may also be one the first versions published.
  const shard = articleShardPath(key);
  const entry = ARTICLE_ID.test(key) ? await reader.shardEntry(shard, key) : undefined;
  if (entry && (entry.publishedMs ?? 0) <= at) {
    const canonical = articlePath({ id: entry.key, slug: entry.slug ?? "" });
    // A page whose newer neighbour is still scheduled is served without that link (entryAt).
    return path === canonical ? shardResource(reader, shard, entryAt(entry, at)) : `${manifest.baseUrl}${canonical}`;
  }
  if (slug !== undefined) return undefined;
  const targets = await reader.legacyTargets(legacyShardPath(key), key);
  const target = targets.find((t) => t.publishedMs <= at);
  return target && `${manifest.baseUrl}${articlePath(target)}`;
}
