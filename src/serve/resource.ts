import { formatHttpDate } from "./conditional.ts";

/** One set of bytes for a resource's content, with its own strong entity tag (RFC 9110 §8.8.3). */
export interface Representation {
  readonly body: Uint8Array;
  /** Strong entity tag, quoted. */
  readonly etag: string;
}

/** A response body with everything needed to answer for it, computed once. */
export interface Resource extends Representation {
  /** Full media type with charset. */
  readonly contentType: string;
  /** When this body last changed, in ms, whole seconds (HTTP dates have no finer unit). */
  readonly lastModifiedMs: number;
  /** lastModifiedMs as an HTTP-date, formatted once. */
  readonly lastModified: string;
  readonly kind: ResourceKind;
  /**
   * The same content gzip-coded, for the media types the Worker compresses itself
   * (GZIPPED_BY_WORKER); undefined for the rest. Compressed on the first call, then kept.
   */
  readonly gzip: (() => Promise<Representation>) | undefined;
}

/** "asset": a file that does not change with the articles (robots.txt, the icons). */
export type ResourceKind = "feed" | "index" | "article" | "asset";

/**
 * Text the Worker gzips itself, because Cloudflare's edge would send it uncompressed: neither
 * type is on the list of content types it compresses (Cloudflare docs, "Content compression"),
 * while application/rss+xml, application/xml, text/html and text/plain are. The edge compresses
 * those for every client that accepts it, so the Worker sends them as they are.
 */
const GZIPPED_BY_WORKER: ReadonlySet<string> = new Set(["application/atom+xml", "application/feed+json"]);

const encoder = new TextEncoder();

/** Encodes the body once and derives a strong ETag from its bytes (RFC 9110 §8.8.3). */
export async function createResource(
  content: string | Uint8Array,
  contentType: string,
  lastModifiedMs: number,
  kind: ResourceKind,
): Promise<Resource> {
  const body = typeof content === "string" ? encoder.encode(content) : content;
  const wholeSeconds = Math.floor(lastModifiedMs / 1000) * 1000;
  let gzipped: Promise<Representation> | undefined;
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return {
    body,
    contentType,
    etag: await strongTag(body),
    lastModifiedMs: wholeSeconds,
    lastModified: formatHttpDate(wholeSeconds),
    kind,
    gzip: GZIPPED_BY_WORKER.has(mediaType) ? () => (gzipped ??= gzip(body)) : undefined,
  };
}

/**
 * The gzip representation: other bytes, so its own strong tag, taken from those bytes like the
 * identity one's (a tag derived from the identity tag would stay the same if the compressor's
 * output ever changed, which a strong tag must not).
 */
async function gzip(body: Uint8Array): Promise<Representation> {
  const stream = new Blob([body]).stream().pipeThrough(new CompressionStream("gzip"));
  const compressed = new Uint8Array(await new Response(stream).arrayBuffer());
  return { body: compressed, etag: await strongTag(compressed) };
}

async function strongTag(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const tag = btoa(String.fromCharCode(...digest.subarray(0, 18)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
  return `"${tag}"`;
}
