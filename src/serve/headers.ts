import { PAGE_STYLE_SOURCE } from "../generated/build-kind.ts";
import type { CacheClass } from "../model/site-manifest.ts";

/** The methods every route answers (RFC 9110 §10.2.1 Allow); others get a 405. */
export const ALLOWED_METHODS = "GET, HEAD";

/** How long a cache may reuse a response of each cache class, in seconds. */
const MAX_AGE: Readonly<Record<CacheClass | "not-found", number>> = {
  // Feed readers poll; five minutes keeps them fresh without refetching on every poll.
  feed: 300,
  index: 300,
  // A page rarely changes once published.
  article: 3600,
  // robots.txt and the icon change only with a deploy.
  asset: 86_400,
  // Articles' images: their path carries their content's digest (/media/<digest>/<name>), so
  // the bytes at a path never change (see MEDIA_CACHE_CONTROL).
  media: 31_536_000,
  // An archive document never changes once it exists (src/model/archive-feeds.ts).
  archive: 31_536_000,
  // Short, so a slug that is about to be published is not remembered as missing.
  "not-found": 60,
};

/**
 * Cache-Control for a response at `now`. It never outlives the next scheduled publication
 * (when feeds, the index and 404s change), so no cache keeps a stale response past it. Media
 * files and archive documents are the exceptions: no publication changes them.
 */
export function cacheControl(cacheClass: CacheClass | "not-found", now: number, nextAt: number | undefined): string {
  if (cacheClass === "media") return MEDIA_CACHE_CONTROL;
  // A publication adds archive documents but changes none, so theirs need not end at the next one.
  if (cacheClass === "archive") return FULL_CACHE_CONTROL.archive;
  const untilNext = nextAt === undefined ? Number.POSITIVE_INFINITY : Math.floor((nextAt - now) / 1000);
  if (untilNext >= MAX_AGE[cacheClass]) return FULL_CACHE_CONTROL[cacheClass];
  return `public, max-age=${Math.max(0, untilNext)}`;
}

/**
 * A media file is never replaced under its path (a new picture has a new digest, so a new
 * path), and no publication changes it, so it may be kept a year and never revalidated:
 * `immutable` (RFC 8246) spares even the reload's conditional request.
 */
const MEDIA_CACHE_CONTROL = `public, max-age=${MAX_AGE.media}, immutable`;

/** The usual answer, when no publication is near, built once rather than per request. */
const FULL_CACHE_CONTROL = Object.fromEntries(
  Object.entries(MAX_AGE).map(([cacheClass, seconds]) => [cacheClass, `public, max-age=${seconds}`]),
) as Readonly<Record<CacheClass | "not-found", string>>;

/**
 * HTML may apply its one style sheet and show same-origin images; it may never run script.
 * The sheet is allowed by its hash, which the build takes from the very text every page inlines
 * (scripts/generated-module.ts), so no other inline style (one an article could smuggle in)
 * applies, and editing the sheet can never leave a stale hash behind.
 */
const HTML_POLICY = `default-src 'none'; style-src ${PAGE_STYLE_SOURCE}; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
/** Feeds opened directly in a browser must not run or load anything either. */
const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

const HTML_SECURITY_HEADERS = securityHeadersWith(HTML_POLICY);
const DATA_SECURITY_HEADERS = securityHeadersWith(DATA_POLICY);

/** Built once per policy: every response spreads one of two fixed sets. */
export function securityHeaders(contentType: string): Readonly<Record<string, string>> {
  return contentType.startsWith("text/html") ? HTML_SECURITY_HEADERS : DATA_SECURITY_HEADERS;
}

function securityHeadersWith(policy: string): Readonly<Record<string, string>> {
  return Object.freeze({
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Content-Security-Policy": policy,
  });
}
