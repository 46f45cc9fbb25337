import {
  type LegacyShard,
  type LegacyTarget,
  readShardIndex,
  type ShardEntry,
  type ShardIndex,
  type StoredSpan,
} from "../model/shard-file.ts";

import { BodyCache } from "./body-cache.ts";

/** The static assets: env.ASSETS in the Worker, files in memory in tests. */
export interface Assets {
  fetch(url: string): Promise<Response>;
}

/** Parsed shard indexes kept per isolate: enough for a busy site, bounded for a crawl. */
const MAX_CACHED_INDEXES = 256;

/**
 * Reads the build's asset files. The asset server knows only paths and bytes; every validator
 * comes from the manifest or a shard's index, which is kept once read, so a 304 for an article
 * reads nothing; recently served bodies are kept too (src/serve/body-cache.ts).
 */
export class AssetReader {
  readonly #assets: Assets;
  /** Parsed indexes by shard path; null for a shard that does not exist. */
  readonly #indexes = new Map<string, ShardIndex | null>();
  readonly #legacy = new Map<string, Map<string, readonly LegacyTarget[]>>();
  readonly #bodies = new BodyCache();
  /** The shard file whose index was read last, kept until its body is taken out. */
  #justRead: { readonly path: string; readonly file: Uint8Array } | undefined;

  constructor(assets: Assets) {
    this.#assets = assets;
  }

  /**
   * A whole file's body, by its path, strong ETag and length (all from the manifest; a file it
   * names is always there). One small enough to keep is read whole and kept; a larger one (a
   * media file may be 25 MiB) is the asset server's stream, passed on unread, so serving it
   * holds only what is in flight, however many requests share the isolate.
   */
  async file(path: string, etag: string, length: number): Promise<Uint8Array | ReadableStream<Uint8Array>> {
    if (!this.#bodies.wouldKeep(length)) {
      const { body } = await this.#read(path, true);
      if (!body) throw new Error(`asset ${path} answered without a body; the build wrote ${length} bytes`);
      return body;
    }
    const kept = this.#bodies.get(etag);
    if (kept) return kept;
    const body = new Uint8Array(await (await this.#read(path, true)).arrayBuffer());
    this.#bodies.keep(etag, body);
    return body;
  }

  /** The entry for `key` in a shard, or undefined when the shard or the key does not exist. */
  async shardEntry(path: string, key: string): Promise<ShardEntry | undefined> {
    return (await this.#index(path))?.entries.get(key);
  }

  /**
   * One body's stored bytes out of a shard (the asset server has no Range, so the file is read
   * and sliced): an entry, or the gzip bytes of one stored gzip-coded (`storedGzipOf`). Read
   * whole, unlike a large file: a shard holds some 25 pages (under 1 MiB at 100,000 articles).
   */
  async shardBody(path: string, entry: StoredSpan): Promise<Uint8Array> {
    const kept = this.#bodies.get(entry.etag);
    if (kept) return kept;
    // The first request for a shard has just read the whole file for its index: slice that.
    const recent = this.#justRead?.path === path ? this.#justRead.file : undefined;
    this.#justRead = undefined;
    const file = recent ?? new Uint8Array(await (await this.#read(path, true)).arrayBuffer());
    // The bodies begin after the index line; finding its end needs no parse of the index.
    const bodiesAt = file.indexOf(0x0a) + 1;
    // A copy, so a kept body does not hold the whole shard in memory.
    const body = file.slice(bodiesAt + entry.offset, bodiesAt + entry.offset + entry.length);
    this.#bodies.keep(entry.etag, body);
    return body;
  }

  /** The articles an address of the first versions named, oldest first. */
  async legacyTargets(path: string, legacySlug: string): Promise<readonly LegacyTarget[]> {
    let shard = this.#legacy.get(path);
    if (!shard) {
      const response = await this.#read(path, false);
      shard = response.ok ? new Map((await response.json()) as LegacyShard) : new Map();
      remember(this.#legacy, path, shard);
    }
    return shard.get(legacySlug) ?? [];
  }

  /**
   * A shard's index, read once and kept. Only the parsed index is shared between requests,
   * never a read in flight: workerd ties a fetch and its body to the request that started it,
   * and another request awaiting that read fails ("Cannot perform I/O on behalf of a different
   * request"). Requests that come together for a cold shard each read it and keep what they
   * parsed: the same index.
   */
  async #index(path: string): Promise<ShardIndex | undefined> {
    const known = this.#indexes.get(path);
    if (known !== undefined) return known ?? undefined;
    const response = await this.#read(path, false);
    if (!response.ok) {
      remember(this.#indexes, path, null);
      return undefined;
    }
    const file = new Uint8Array(await response.arrayBuffer());
    this.#justRead = { path, file };
    const index = readShardIndex(file);
    remember(this.#indexes, path, index);
    return index;
  }

  async #read(path: string, required: boolean): Promise<Response> {
    // The host is ignored; the URL only has to be absolute.
    const response = await this.#assets.fetch(`https://assets.invalid${path}`);
    if (required && !response.ok) throw new Error(`asset ${path} answered ${response.status}; the build wrote it`);
    return response;
  }
}

function remember<K, V>(cache: Map<K, V>, key: K, value: V): void {
  if (cache.size >= MAX_CACHED_INDEXES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, value);
}
