// Conditional requests, RFC 9110 §13. Every parser here is total: a malformed header is
// treated as absent, never as an error.

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

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC_850 =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

/** The fields of an HTTP-date in the order year, month name, day, hour, minute, second. */
type DateFields = readonly [string, string, string, string, string, string];

function httpDateFields(text: string): DateFields | undefined {
  const imf = IMF_FIXDATE.exec(text);
  if (imf) return [imf[3], imf[2], imf[1], imf[4], imf[5], imf[6]] as unknown as DateFields;
  const rfc850 = RFC_850.exec(text);
  if (rfc850) {
    // §5.6.7: a two-digit year that looks more than 50 years ahead is in the past century.
    const yy = Number(rfc850[3]);
    const year = yy + (yy + 2000 > new Date().getUTCFullYear() + 50 ? 1900 : 2000);
    return [String(year), rfc850[2], rfc850[1], rfc850[4], rfc850[5], rfc850[6]] as unknown as DateFields;
  }
  const asctime = ASCTIME.exec(text);
  if (asctime) return [asctime[6], asctime[1], asctime[2], asctime[3], asctime[4], asctime[5]] as unknown as DateFields;
  return undefined;
}

/**
 * An HTTP-date (§5.6.7) in any of its three forms, as ms since the epoch; undefined for
 * anything else, including impossible dates such as 31 Feb.
 */
export function parseHttpDate(value: string): number | undefined {
  const parts = httpDateFields(value.trim());
  if (!parts) return undefined;
  const [year, monthName, day, hour, minute, second] = parts;
  const month = MONTHS.indexOf(monthName);
  if (month < 0) return undefined;
  const fields = [Number(year), month, Number(day.trim()), Number(hour), Number(minute), Number(second)] as const;
  const ms = Date.UTC(...fields);
  const check = new Date(ms);
  const valid =
    check.getUTCFullYear() === fields[0] &&
    check.getUTCMonth() === fields[1] &&
    check.getUTCDate() === fields[2] &&
    check.getUTCHours() === fields[3] &&
    check.getUTCMinutes() === fields[4] &&
    check.getUTCSeconds() === fields[5];
  return valid ? ms : undefined;
}

/** Last-Modified's format, IMF-fixdate. */
export function formatHttpDate(ms: number): string {
  return new Date(ms).toUTCString();
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
  const since = parseHttpDate(ifModifiedSince);
  return since !== undefined && since <= now && validators.lastModifiedMs <= since;
}
