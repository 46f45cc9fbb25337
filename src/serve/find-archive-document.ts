import { FEED_FORMATS, shardOfPage } from "../model/paths.ts";
import { archiveDocumentKey, feedPageShardPath } from "../model/shard-file.ts";
import { pageNumberOf } from "./page-number.ts";
import type { Resource } from "./respond.ts";
import type { ServedSite } from "./served-site.ts";
import { storedCodings } from "./shard-resource.ts";
import type { ServedState } from "./site-states.ts";

const FEED_FILES: ReadonlySet<string> = new Set(FEED_FORMATS.map((format) => format.file));

/**
 * /page/N/rss.xml, atom.xml, feed.json: page N's archive documents (src/model/archive-feeds.ts),
 * only while page N is complete in this state. No preview: a browser gets the document too.
 */
export async function findArchiveDocument(
  site: ServedSite,
  state: ServedState,
  segment: string,
  file: string,
): Promise<Resource | undefined> {
  const page = pageNumberOf(segment);
  if (page === undefined || !FEED_FILES.has(file) || page > state.completePages) return undefined;
  const path = feedPageShardPath(shardOfPage(page, site.manifest.feedPagesPerShard));
  const entry = await site.reader.shardEntry(path, archiveDocumentKey(page, file));
  const codings = entry && storedCodings(site.reader, path, entry);
  if (!entry?.contentType || !codings) return undefined;
  // Sent as stored to a client that accepts gzip, RSS too.
  return { contentType: entry.contentType, cacheClass: "archive", lastModifiedMs: entry.lastModifiedMs, ...codings };
}
