import { ALLOWED_METHODS, securityHeaders } from "./headers.ts";

/**
 * Every answer may be read by a script on any origin (Fetch standard, "CORS protocol"). The
 * site is public and uses no credentials, no cookies and no per-user content: anything a page
 * on another origin could read through these headers, a server can fetch already. `*` is the
 * same for every requester, so no response varies on Origin. ETag is exposed so a script can
 * make conditional requests; Last-Modified is a CORS-safelisted response header already, named
 * so the list says what a script can rely on.
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Last-Modified",
});

/**
 * The request headers a feed-reading script sends: If-None-Match and If-Modified-Since are not
 * CORS-safelisted request headers, so a conditional fetch() is preflighted; Accept is, unless
 * its value is long or unusual, when it is preflighted too.
 */
const ALLOWED_HEADERS = "Accept, If-Modified-Since, If-None-Match";
/** A day: the answer never changes (browsers cap it lower, Chromium at two hours). */
const PREFLIGHT_MAX_AGE = "86400";

/**
 * A CORS preflight (Fetch standard, "CORS-preflight request"): an OPTIONS that names the method
 * it asks about and comes from a page's origin. A plain OPTIONS is not one and stays a 405.
 */
export function isPreflight(request: Request): boolean {
  return (
    request.method === "OPTIONS" &&
    request.headers.has("Origin") &&
    request.headers.has("Access-Control-Request-Method")
  );
}

/**
 * The preflight's answer, the same for every path: an ok status (the Fetch standard's CORS
 * check fails on any other) allowing GET and HEAD with the headers above. A path nothing is
 * published at then answers its GET with the 404 page, which the script can read, rather than
 * a failed preflight it cannot tell apart from a network error.
 */
export function respondToPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": ALLOWED_METHODS,
      "Access-Control-Allow-Headers": ALLOWED_HEADERS,
      "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
      ...securityHeaders("text/plain"),
    },
  });
}
