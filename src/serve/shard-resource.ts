import { HTML_CONTENT_TYPE } from "../model/paths.ts";
import { type ShardEntry, storedGzipOf } from "../model/shard-file.ts";
import type { AssetReader } from "./asset-reader.ts";
import { decodedGzip } from "./decoded-gzip.ts";
import type { Representation, Resource } from "./respond.ts";

/**
 * An article's page, or a full list page, out of its shard: both are cached as long as an
 * article. A page the asset server answers alone is a file of its own, which the shard only indexes.
 */
export function shardResource(reader: AssetReader, path: string, entry: ShardEntry): Resource {
  const { file } = entry;
  const read =
    file === undefined ? () => reader.shardBody(path, entry) : () => reader.file(file, entry.etag, entry.length);
  return {
    contentType: HTML_CONTENT_TYPE,
    cacheClass: "article",
    lastModifiedMs: entry.lastModifiedMs,
    ...(storedCodings(reader, path, entry) ?? { identity: { etag: entry.etag, length: entry.length, read } }),
  };
}

/**
 * The representations of a body stored gzip-coded only (docs/static-assets.md#compression):
 * the stored bytes as they are for a client that accepts gzip, decoded as they stream for one
 * that does not. Undefined for a body stored as it is.
 */
export function storedCodings(
  reader: AssetReader,
  path: string,
  entry: ShardEntry,
): { identity: Representation; gzip: Representation } | undefined {
  const gzip = storedGzipOf(entry);
  if (gzip === undefined || entry.file !== undefined) return undefined;
  const readGzip = () => reader.shardBody(path, gzip);
  return {
    identity: {
      etag: entry.etag,
      length: entry.length,
      read: async () => decodedGzip(await readGzip(), entry.length),
    },
    gzip: { etag: gzip.etag, length: gzip.length, read: readGzip },
  };
}
