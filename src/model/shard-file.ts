// A shard file holds many bodies behind one index line, so that 100,000 pages fit in a few
// thousand asset files (the asset server has no Range: the Worker slices the body it needs).
// Layout: the index as one line of JSON, "\n", then the bodies back to back.
import { shardOfPage } from "./paths.ts";
import type { Validators } from "./site-manifest.ts";

export interface ShardEntry extends Validators {
  /** What the entry is found by: an article id, a list page number, a feed page's document ("3/atom.xml"). */
  readonly key: string;
  /** Byte offset of the body after the index line, and its length. */
  readonly offset: number;
  readonly length: number;
  /**
   * The asset path of the body when it is a file of its own, not in this shard: a page the asset
   * server answers alone at its address (docs/static-assets.md#served-alone). `offset` is then 0.
   */
  readonly file?: string;
  /** An article's slug and publication instant, which decide whether and where it is served. */
  readonly slug?: string;
  readonly publishedMs?: number;
  /** Full media type with charset, for a shard whose bodies are not all HTML (archive documents). */
  readonly contentType?: string;
  /**
   * An article page's other body, served before `untilMs`: the page without its link to a
   * newer article that is still scheduled then, so no response names that one early.
   */
  readonly earlier?: EarlierBody;
  /**
   * Set for a body stored gzip-coded only (docs/static-assets.md#compression): the bytes at
   * `offset` are its gzip coding, with this strong tag and length, while `etag` and `length` stay
   * those of the bytes as they are, which the Worker decodes for a client that does not accept gzip.
   */
  readonly gzip?: StoredGzip;
}

export interface StoredGzip {
  readonly etag: string;
  readonly length: number;
}

/** Where a body's stored bytes lie in its shard, and the tag they are kept by once read. */
export interface StoredSpan {
  readonly etag: string;
  readonly offset: number;
  readonly length: number;
}

export interface EarlierBody extends Validators {
  /** The first instant the entry's own body is served instead: the newer article's. */
  readonly untilMs: number;
  readonly offset: number;
  readonly length: number;
  /** As the entry's own: set when the earlier body too is stored gzip-coded only. */
  readonly gzip?: StoredGzip;
}

/** A body's gzip coding, to be stored instead of it. */
export interface GzipBody {
  readonly etag: string;
  readonly body: Uint8Array;
}

export interface ShardBody extends Omit<ShardEntry, "offset" | "length" | "earlier" | "gzip"> {
  /** The bytes as they are: their length is the entry's, and they are stored unless `gzip` is given. */
  readonly body: Uint8Array;
  readonly earlier?: Omit<EarlierBody, "offset" | "length" | "gzip"> & {
    readonly body: Uint8Array;
    readonly gzip?: GzipBody;
  };
  readonly gzip?: GzipBody;
}

/** The entry with the validators and place of the body served at instant `at`. */
export function entryAt(entry: ShardEntry, at: number): ShardEntry {
  const { earlier } = entry;
  if (earlier === undefined || at >= earlier.untilMs) return entry;
  const { etag, lastModifiedMs, offset, length, gzip } = earlier;
  const { gzip: _, ...own } = entry;
  return { ...own, etag, lastModifiedMs, offset, length, ...(gzip === undefined ? {} : { gzip }) };
}

/** Digits of an article id that name its shard: 4,096 shards keep 100,000 articles near 25 each. */
export const ARTICLE_SHARD_DIGITS = 3;

export function articleShardPath(id: string): string {
  return `/a/${id.slice(0, ARTICLE_SHARD_DIGITS)}`;
}

/**
 * The shard of a topic's full list pages that holds `pageNumber`: "/t/tags-energy-0" for
 * /tags/energy/page/1 … /page/pagesPerShard. One folder, as the build lists its own.
 */
export function topicListPageShardPath(folder: string, pageNumber: number, pagesPerShard: number): string {
  return `/t/${folder.slice(1).replace("/", "-")}-${shardOfPage(pageNumber, pagesPerShard)}`;
}

/** The site's full list pages: /page/1 … /page/pagesPerShard in "/p/0". */
export function listPageShardPath(shard: number): string {
  return `/p/${shard}`;
}

/** A feed-page shard: the feed pages (/page/<k>/rss.xml, …, the archive documents) of a few complete list pages. */
export function feedPageShardPath(shard: number): string {
  return `/f/${shard}`;
}

/** An archive document's key in its shard: "3/atom.xml". */
export function archiveDocumentKey(pageNumber: number, file: string): string {
  return `${pageNumber}/${file}`;
}

/** The stored gzip bytes of an entry kept gzip-coded only, or undefined for one stored as it is. */
export function storedGzipOf(entry: ShardEntry): StoredSpan | undefined {
  return entry.gzip && { etag: entry.gzip.etag, offset: entry.offset, length: entry.gzip.length };
}

/** Legacy slugs spread over 256 small files by a hash of the slug. */
export function legacyShardPath(legacySlug: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < legacySlug.length; i++) hash = Math.imul(hash ^ legacySlug.charCodeAt(i), 0x01000193);
  return `/l/${((hash >>> 0) & 0xff).toString(16).padStart(2, "0")}`;
}

/** An old address's article: id, current slug and publication instant. */
export interface LegacyTarget {
  readonly id: string;
  readonly slug: string;
  readonly publishedMs: number;
}

/** A legacy shard as stored: pairs of a legacy slug and the articles that had it, oldest first. */
export type LegacyShard = readonly (readonly [string, readonly LegacyTarget[]])[];

const encoder = new TextEncoder();

export function packShard(bodies: readonly ShardBody[]): Uint8Array {
  let offset = 0;
  const place = (body: Uint8Array) => {
    const placed = { offset, length: body.length };
    offset += body.length;
    return placed;
  };
  /** Where a body goes: its gzip coding in its place when it has one, indexed with both lengths. */
  const stored = (body: Uint8Array, gzip: GzipBody | undefined) =>
    gzip === undefined
      ? place(body)
      : { offset: place(gzip.body).offset, length: body.length, gzip: { etag: gzip.etag, length: gzip.body.length } };
  const entries: ShardEntry[] = bodies.map(({ body, earlier, gzip, ...entry }) => ({
    ...entry,
    ...(entry.file !== undefined ? { offset: 0, length: body.length } : stored(body, gzip)),
    ...(earlier === undefined
      ? {}
      : { earlier: { ...withoutCodings(earlier), ...stored(earlier.body, earlier.gzip) } }),
  }));
  const head = encoder.encode(`${JSON.stringify(entries)}\n`);
  const file = new Uint8Array(head.length + offset);
  file.set(head, 0);
  let at = head.length;
  for (const body of bodies) {
    for (const part of storedParts(body)) {
      file.set(part, at);
      at += part.length;
    }
  }
  return file;
}

/** The bytes a body puts in its shard, in the order `packShard` places them. */
function storedParts({ body, earlier, file, gzip }: ShardBody): Uint8Array[] {
  if (file !== undefined) return [];
  const own = gzip?.body ?? body;
  return earlier === undefined ? [own] : [own, earlier.gzip?.body ?? earlier.body];
}

function withoutCodings<T extends { readonly body: Uint8Array; readonly gzip?: GzipBody }>({
  body: _,
  gzip: _gzip,
  ...rest
}: T): Omit<T, "body" | "gzip"> {
  return rest;
}

export interface ShardIndex {
  readonly entries: ReadonlyMap<string, ShardEntry>;
  /** Where the bodies begin in the file. */
  readonly bodiesAt: number;
}

export function readShardIndex(file: Uint8Array): ShardIndex {
  const end = file.indexOf(0x0a);
  const entries = JSON.parse(new TextDecoder().decode(file.subarray(0, end))) as ShardEntry[];
  return { entries: new Map(entries.map((entry) => [entry.key, entry])), bodiesAt: end + 1 };
}
