import { formatHttpDate } from "./conditional.ts";

/** A response body with everything needed to answer for it, computed once. */
export interface Resource {
  readonly body: Uint8Array;
  /** Full media type with charset. */
  readonly contentType: string;
  /** Strong entity tag, quoted. */
  readonly etag: string;
  /** When this body last changed, in ms, whole seconds (HTTP dates have no finer unit). */
  readonly lastModifiedMs: number;
  /** lastModifiedMs as an HTTP-date, formatted once. */
  readonly lastModified: string;
  readonly kind: ResourceKind;
}

/** "asset": a file that does not change with the articles (robots.txt, the icons). */
export type ResourceKind = "feed" | "index" | "article" | "asset";

const encoder = new TextEncoder();

/** Encodes the body once and derives a strong ETag from its bytes (RFC 9110 §8.8.3). */
export async function createResource(
  content: string | Uint8Array,
  contentType: string,
  lastModifiedMs: number,
  kind: ResourceKind,
): Promise<Resource> {
  const body = typeof content === "string" ? encoder.encode(content) : content;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  const tag = btoa(String.fromCharCode(...digest.subarray(0, 18)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
  const wholeSeconds = Math.floor(lastModifiedMs / 1000) * 1000;
  return {
    body,
    contentType,
    etag: `"${tag}"`,
    lastModifiedMs: wholeSeconds,
    lastModified: formatHttpDate(wholeSeconds),
    kind,
  };
}
