// Conditional requests, RFC 9110 §13. Every parser here is total: a malformed header is
// treated as absent, never as an error.
import { parseHttpDate } from "../model/time.ts";

/**
 * If-None-Match (§13.1.2) with the weak comparison it requires (§8.8.3.2): "*" matches any
 * current representation; otherwise any listed entity-tag whose opaque part equals ours,
 * with or without W/. Entries that are not entity-tags are ignored.
 */
export function ifNoneMatchMatches(header: string, etag: string): boolean {
  // What a reader polling with our own tag sends, answered without scanning a list.
  if (header === etag) return true;
  if (header.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  for (const match of header.matchAll(/(?:W\/)?("[\x21\x23-\x7e\x80-\uffff]*")/g)) {
    if (match[1] === opaque) return true;
  }
  return false;
}

export interface Validators {
  readonly etag: string;
  readonly lastModifiedMs: number;
}

/**
 * Whether a GET or HEAD may be answered 304 (§13.2.2): If-None-Match decides when present,
 * and If-Modified-Since is then ignored; otherwise If-Modified-Since, when it is a valid
 * date not later than now, is compared with Last-Modified.
 */
export function isNotModified(headers: Headers, validators: Validators, now: number): boolean {
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) return ifNoneMatchMatches(ifNoneMatch, validators.etag);
  const ifModifiedSince = headers.get("if-modified-since");
  if (ifModifiedSince === null) return false;
  const since = parseHttpDate(ifModifiedSince, now);
  return since !== undefined && since <= now && validators.lastModifiedMs <= since;
}
