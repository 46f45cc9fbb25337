import { acceptsGzip } from "./accepts-gzip.ts";
import { formatHttpDate, isNotModified } from "./conditional.ts";
import { cacheControl, securityHeaders } from "./headers.ts";
import type { Representation, Resource } from "./resource.ts";

export interface RequestMoment {
  readonly headers: Headers;
  readonly now: number;
  /** The next scheduled publication, which bounds every max-age. */
  readonly nextAt: number | undefined;
  /** The client's own Accept-Encoding (src/serve/accepts-gzip.ts), null when it sent none. */
  readonly acceptEncoding: string | null;
}

/**
 * A 200 with the body, or a 304 with the same validators and Cache-Control and no body.
 * `vary` names the request fields that chose this representation (RFC 9110 §12.5.5); it is
 * sent on 304s too, which must carry the Vary a 200 would (§15.4.5). A resource the Worker
 * compresses itself is answered in gzip to clients that accept it, so Accept-Encoding joins
 * its Vary; the gzip body is made on the first such request and kept.
 */
export function respondWith(resource: Resource, moment: RequestMoment, vary?: string): Response | Promise<Response> {
  if (resource.gzip === undefined) return respondWithRepresentation(resource, resource, moment, vary);
  const varies = vary === undefined ? "Accept-Encoding" : `${vary}, Accept-Encoding`;
  if (!acceptsGzip(moment.acceptEncoding)) return respondWithRepresentation(resource, resource, moment, varies);
  return resource.gzip().then((gzipped) => respondWithRepresentation(resource, gzipped, moment, varies, "gzip"));
}

function respondWithRepresentation(
  resource: Resource,
  representation: Representation,
  moment: RequestMoment,
  vary: string | undefined,
  coding?: "gzip",
): Response {
  // Last-Modified is never in the future, even with a build clock ahead of ours.
  const current = resource.lastModifiedMs <= moment.now;
  const lastModifiedMs = current ? resource.lastModifiedMs : Math.floor(moment.now / 1000) * 1000;
  const validators = { etag: representation.etag, lastModifiedMs };
  const headers: Record<string, string> = {
    "Content-Type": resource.contentType,
    ETag: representation.etag,
    "Last-Modified": current ? resource.lastModified : formatHttpDate(lastModifiedMs),
    "Cache-Control": cacheControl(resource.kind, moment.now, moment.nextAt),
    ...securityHeaders(resource.contentType),
    ...(vary === undefined ? {} : { Vary: vary }),
  };
  if (isNotModified(moment.headers, validators, moment.now)) {
    // RFC 9110 §15.4.5: a 304 carries the fields a 200 would have, minus the content's own.
    const { "Content-Type": _, ...notModified } = headers;
    return new Response(null, { status: 304, headers: notModified });
  }
  if (coding === undefined) return new Response(representation.body, { status: 200, headers });
  // "manual": the bytes are already gzip; without it workerd would compress them again.
  return new Response(representation.body, {
    status: 200,
    headers: { ...headers, "Content-Encoding": coding },
    encodeBody: "manual",
  });
}

export function respondNotFound(page: Uint8Array, moment: RequestMoment): Response {
  const contentType = "text/html; charset=utf-8";
  return new Response(page, {
    status: 404,
    headers: {
      "Content-Type": contentType,
      "Cache-Control": cacheControl("not-found", moment.now, moment.nextAt),
      ...securityHeaders(contentType),
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
      "Cache-Control": cacheControl("index", moment.now, moment.nextAt),
      ...securityHeaders("text/plain"),
    },
  });
}

export const ALLOWED_METHODS = "GET, HEAD";

export function respondMethodNotAllowed(): Response {
  return new Response("Method Not Allowed: this resource answers GET and HEAD only.\n", {
    status: 405,
    headers: {
      Allow: ALLOWED_METHODS,
      "Content-Type": "text/plain; charset=utf-8",
      ...securityHeaders("text/plain"),
    },
  });
}
