import type { CacheClass } from "../model/site-manifest.ts";
import { CORS_HEADERS } from "./cors.ts";
import { cacheControl, securityHeaders } from "./headers.ts";

/**
 * What an answer with content carries besides its validators and length: its type, how long it
 * may be kept, the security policy for that type, and CORS. The one source of these headers,
 * for the Worker's answers and for the files the asset server answers alone.
 */
export function contentHeaders(contentType: string, cache: string): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Cache-Control": cache,
    ...securityHeaders(contentType),
    ...CORS_HEADERS,
  };
}

/**
 * The headers of a file the asset server answers alone (the build writes them into `_headers`):
 * the Worker's for the same file, with its cache class's full lifetime, since no publication within
 * the deployment changes such a file (docs/static-assets.md#served-alone).
 */
export function servedAloneHeaders(contentType: string, cacheClass: CacheClass): Record<string, string> {
  return contentHeaders(contentType, cacheControl(cacheClass, 0, undefined));
}
