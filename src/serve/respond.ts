import { HTML_CONTENT_TYPE, TEXT_CONTENT_TYPE } from "../model/paths.ts";
import type { CacheClass } from "../model/site-manifest.ts";
import { formatHttpDate, wholeSeconds } from "../model/time.ts";
import { acceptsGzip } from "./accepts-gzip.ts";
import { isNotModified } from "./conditional.ts";
import { contentHeaders } from "./content-headers.ts";
import { CORS_HEADERS } from "./cors.ts";
import { ALLOWED_METHODS, cacheControl, securityHeaders } from "./headers.ts";

export interface RequestMoment {
  /** GET or HEAD: a HEAD reads no body. */
  readonly method: string;
  readonly headers: Headers;
  readonly now: number;
  /** The next scheduled publication, which bounds every max-age. */
  readonly nextAt: number | undefined;
  /** The client's own Accept-Encoding (src/serve/accepts-gzip.ts), null when it sent none. */
  readonly acceptEncoding: string | null;
}

/** One set of bytes for a resource's content, with its own strong entity tag (RFC 9110 §8.8.3). */
export interface Representation {
  readonly etag: string;
  /**
   * Its size in bytes, known from the manifest or the shard's index: sent as Content-Length on
   * a HEAD as well as on the GET (RFC 9110 §8.6, §9.3.2), so a HEAD reads no body and still
   * says how big the GET's will be (a feed reader checking an enclosure relies on it).
   */
  readonly length: number;
  /** The bytes, read only when a 200 needs them: whole, or a large file's stream (src/serve/asset-reader.ts). */
  readonly read: () => Promise<Uint8Array | ReadableStream<Uint8Array>>;
}

/** A response body as the build described it: validators known without reading it. */
export interface Resource {
  readonly contentType: string;
  readonly cacheClass: CacheClass;
  /** When the body last changed, in ms, whole seconds. */
  readonly lastModifiedMs: number;
  readonly identity: Representation;
  /** The same content gzip-coded, for the types the Worker compresses itself. */
  readonly gzip?: Representation;
}

/**
 * A 200 with the body, or a 304 with the same validators and Cache-Control and no body.
 * `vary` names the request fields that chose this representation (RFC 9110 §12.5.5); it is
 * sent on 304s too, which must carry the Vary a 200 would (§15.4.5). A resource with a gzip
 * representation is answered in gzip to clients that accept it, so Accept-Encoding joins its Vary.
 */
export function respondWith(resource: Resource, moment: RequestMoment, vary?: string): Promise<Response> {
  if (resource.gzip === undefined) return respondWithRepresentation(resource, resource.identity, moment, vary);
  const varies = vary === undefined ? "Accept-Encoding" : `${vary}, Accept-Encoding`;
  if (!acceptsGzip(moment.acceptEncoding))
    return respondWithRepresentation(resource, resource.identity, moment, varies);
  return respondWithRepresentation(resource, resource.gzip, moment, varies, "gzip");
}

/** Last-Modified values already formatted: a site has few distinct ones, so each is formatted once. */
const httpDates = new Map<number, string>();

function httpDateOf(ms: number): string {
  let text = httpDates.get(ms);
  if (text === undefined) {
    if (httpDates.size >= 4096) httpDates.clear();
    text = formatHttpDate(ms);
    httpDates.set(ms, text);
  }
  return text;
}

/** What a representation's answer carries, built once and reused while its inputs hold. */
interface HeaderSets {
  readonly contentType: string;
  readonly cacheControl: string;
  readonly lastModifiedMs: number;
  readonly length: number;
  readonly vary: string | undefined;
  readonly coding: "gzip" | undefined;
  readonly ok: ResponseInit;
  readonly notModified: ResponseInit;
}

/**
 * Header sets by strong ETag. A request then compares a few values and builds nothing: the
 * set is rebuilt only when one of them differs (a max-age shortened by the next publication,
 * a build clock ahead of ours, another Vary). Bounded like the dates above.
 */
const headerSets = new Map<string, HeaderSets>();

function headerSetsOf(
  resource: Resource,
  representation: Representation,
  cache: string,
  lastModifiedMs: number,
  vary: string | undefined,
  coding: "gzip" | undefined,
): HeaderSets {
  const kept = headerSets.get(representation.etag);
  if (
    kept !== undefined &&
    kept.cacheControl === cache &&
    kept.lastModifiedMs === lastModifiedMs &&
    kept.vary === vary &&
    kept.contentType === resource.contentType &&
    kept.length === representation.length &&
    kept.coding === coding
  ) {
    return kept;
  }
  const headers: Record<string, string> = {
    ...contentHeaders(resource.contentType, cache),
    ETag: representation.etag,
    "Last-Modified": httpDateOf(lastModifiedMs),
    ...(vary === undefined ? {} : { Vary: vary }),
    "Content-Length": String(representation.length),
  };
  // RFC 9110 §15.4.5: a 304 carries the fields a 200 would have, minus the content's own.
  const { "Content-Type": _, "Content-Length": _length, ...notModified } = headers;
  const sets: HeaderSets = {
    contentType: resource.contentType,
    cacheControl: cache,
    lastModifiedMs,
    length: representation.length,
    vary,
    coding,
    // "manual": the bytes are already gzip; without it workerd would compress them again.
    ok:
      coding === undefined
        ? { status: 200, headers }
        : { status: 200, headers: { ...headers, "Content-Encoding": coding }, encodeBody: "manual" },
    notModified: { status: 304, headers: notModified },
  };
  if (headerSets.size >= 4096) headerSets.clear();
  headerSets.set(representation.etag, sets);
  return sets;
}

async function respondWithRepresentation(
  resource: Resource,
  representation: Representation,
  moment: RequestMoment,
  vary: string | undefined,
  coding?: "gzip",
): Promise<Response> {
  // Last-Modified is never in the future, even with a build clock ahead of ours.
  const lastModifiedMs = Math.min(resource.lastModifiedMs, wholeSeconds(moment.now));
  const cache = cacheControl(resource.cacheClass, moment.now, moment.nextAt);
  const sets = headerSetsOf(resource, representation, cache, lastModifiedMs, vary, coding);
  if (isNotModified(moment.headers, { etag: representation.etag, lastModifiedMs }, moment.now)) {
    return new Response(null, sets.notModified);
  }
  const body = moment.method === "HEAD" ? null : await representation.read();
  return new Response(body, sets.ok);
}

/** The 404 page, with its length given like every other body's so a HEAD carries it too (and reads nothing). */
export async function respondNotFound(page: Representation | undefined, moment: RequestMoment): Promise<Response> {
  return new Response(page && moment.method !== "HEAD" ? await page.read() : null, {
    status: 404,
    headers: {
      ...contentHeaders(HTML_CONTENT_TYPE, cacheControl("not-found", moment.now, moment.nextAt)),
      "Content-Length": String(page?.length ?? 0),
    },
  });
}

/**
 * A permanent redirect (RFC 9110 §15.4.2) to an absolute URL, for an address that names a
 * page already served elsewhere. Its Cache-Control is bounded like everything else.
 */
export function respondMovedPermanently(location: string, moment: RequestMoment): Response {
  return new Response(null, {
    status: 301,
    headers: {
      Location: location,
      // No body: the runtime sends 0 for the GET, and the HEAD must say the same (RFC 9110 §9.3.2).
      "Content-Length": "0",
      "Cache-Control": cacheControl("index", moment.now, moment.nextAt),
      ...securityHeaders("text/plain"),
      // A script following the redirect needs it readable (Fetch standard, HTTP-redirect fetch).
      ...CORS_HEADERS,
    },
  });
}

const METHOD_NOT_ALLOWED = new TextEncoder().encode("Method Not Allowed: this resource answers GET and HEAD only.\n");

export function respondMethodNotAllowed(): Response {
  return new Response(METHOD_NOT_ALLOWED, {
    status: 405,
    headers: {
      Allow: ALLOWED_METHODS,
      "Content-Type": TEXT_CONTENT_TYPE,
      "Content-Length": String(METHOD_NOT_ALLOWED.byteLength),
      ...securityHeaders("text/plain"),
      ...CORS_HEADERS,
    },
  });
}
