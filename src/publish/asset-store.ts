import { ATOM_FORMAT, JSON_FEED_FORMAT } from "../model/paths.ts";
import type { AssetFile, CacheClass } from "../model/site-manifest.ts";
import { wholeSeconds } from "../model/time.ts";

/**
 * Text the Worker sends gzip-coded itself, because Cloudflare's edge would send it
 * uncompressed: neither type is on the list of content types it compresses (Cloudflare docs,
 * "Content compression"), while application/rss+xml, application/xml, text/html and
 * text/plain are. The asset server compresses nothing, so the gzip bytes are built here.
 */
export const GZIPPED_BY_WORKER: ReadonlySet<string> = new Set([ATOM_FORMAT.mediaType, JSON_FEED_FORMAT.mediaType]);

const encoder = new TextEncoder();

/**
 * The whole-file assets of a build, each named by a hash of its bytes: a name never changes
 * meaning, two states that render the same bytes share one file, and a deploy uploads only
 * what is new. A file the asset server answers alone is stored at its own address instead.
 */
export class AssetStore {
  readonly files = new Map<string, Uint8Array>();
  readonly entries: AssetFile[] = [];
  readonly #indexByPath = new Map<string, number>();
  readonly #sha256: Sha256;
  readonly #gzip: Gzip;

  constructor(sha256: Sha256 = webCryptoSha256, gzip: Gzip = compressionStreamGzip) {
    this.#sha256 = sha256;
    this.#gzip = gzip;
  }

  /**
   * Adds a body and returns its index in `entries`; an identical body added again shares it.
   * `address` stores it at that path, where the asset server finds it without the Worker.
   */
  async add(
    content: string | Uint8Array,
    contentType: string,
    lastModifiedMs: number,
    cacheClass: CacheClass,
    address?: string,
  ) {
    const body = typeof content === "string" ? encoder.encode(content) : content;
    const { path, etag } = await this.#store(body, address);
    const key = `${path} ${contentType} ${lastModifiedMs} ${cacheClass}`;
    const known = this.#indexByPath.get(key);
    if (known !== undefined) return known;
    const mediaType = contentType.split(";")[0]?.trim() ?? "";
    const gzip = GZIPPED_BY_WORKER.has(mediaType) ? await this.#store(await this.gzipOf(body)) : undefined;
    const index = this.entries.length;
    this.entries.push({
      path,
      etag,
      contentType,
      kind: cacheClass,
      lastModifiedMs: wholeSeconds(lastModifiedMs),
      ...(gzip === undefined ? {} : { gzip }),
      length: body.length,
    });
    this.#indexByPath.set(key, index);
    return index;
  }

  /**
   * A shard's source key: a hash of everything it is rendered from, as JSON. Equal keys, equal
   * bytes, so a shard whose key the last build recorded is not rendered again.
   */
  async sourceKeyOf(sources: unknown): Promise<string> {
    return (await digestOf(encoder.encode(JSON.stringify(sources)), this.#sha256)).hex;
  }

  /**
   * The gzip representation: other bytes, so its own strong tag, taken from those bytes (a tag
   * derived from the identity one would stay the same if the compressor's output changed).
   */
  async gzipOf(body: Uint8Array): Promise<Uint8Array> {
    return this.#gzip(body);
  }

  /** The strong entity tag of a body stored elsewhere (in a shard). */
  async etagOf(body: Uint8Array): Promise<string> {
    return (await digestOf(body, this.#sha256)).etag;
  }

  async #store(body: Uint8Array, address?: string): Promise<{ path: string; etag: string; length: number }> {
    const { hex, etag } = await digestOf(body, this.#sha256);
    const path = address ?? `/s/${hex}`;
    this.files.set(path, body);
    return { path, etag, length: body.length };
  }
}

/** SHA-256 of some bytes: Web Crypto by default; the build passes Node's, which is faster per call. */
export type Sha256 = (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;

async function webCryptoSha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

/**
 * A strong entity tag from a body's bytes (RFC 9110 §8.8.3), and a file name from the same
 * hash. Asset names keep to [a-z0-9] so the asset server never redirects to a canonical form.
 */
export async function digestOf(bytes: Uint8Array, sha256: Sha256): Promise<{ hex: string; etag: string }> {
  const digest = await sha256(bytes);
  const hex = Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
  const tag = btoa(String.fromCharCode(...digest.subarray(0, 18)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
  return { hex, etag: `"${tag}"` };
}

/**
 * gzip: CompressionStream by default, which the Worker's runtime has; the build passes Node's
 * zlib, many times faster than a stream through a Blob. Its output must not vary between two
 * runs on one input, since its bytes name files and give ETags.
 */
export type Gzip = (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;

async function compressionStreamGzip(body: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([body as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
