// Choosing between a feed and its HTML preview from Accept (RFC 9110 §12.5.1).
//
// Why negotiation and not XSLT: browsers are dropping XSLT (Chrome is removing it), and a
// stylesheet cannot help JSON Feed at all. Negotiation serves each client the right bytes with
// no script (the CSP forbids it), at the cost of `Vary: Accept` and one ETag per representation.
// Feed readers must never lose the feed, so the preview is chosen only when a client names
// text/html explicitly and ranks it above everything that could mean the feed; a wildcard,
// a tie, no Accept or a malformed one all get the feed.

import { parseWeightedList } from "./weighted-list.ts";

interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly quality: number;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/** The ranges of an Accept header; entries that do not parse are skipped, never an error. */
export function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const { value: range, quality } of parseWeightedList(header)) {
    const [type = "", subtype = "", ...rest] = range.split("/");
    if (rest.length > 0 || !TOKEN.test(type) || !TOKEN.test(subtype)) continue;
    if (type === "*" && subtype !== "*") continue;
    ranges.push({ type, subtype, quality });
  }
  return ranges;
}

/** How much a client wants `mediaType`: the quality of the most specific range matching it (§12.5.1). */
function qualityOf(ranges: readonly MediaRange[], mediaType: string): number {
  const [type, subtype] = mediaType.split("/");
  let best: { specificity: number; quality: number } | undefined;
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype
        ? 2
        : range.type === type && range.subtype === "*"
          ? 1
          : range.type === "*"
            ? 0
            : -1;
    if (specificity < 0) continue;
    if (!best || specificity > best.specificity || (specificity === best.specificity && range.quality > best.quality)) {
      best = { specificity, quality: range.quality };
    }
  }
  return best?.quality ?? 0;
}

/**
 * The generic types a client may ask for when it wants this feed: a reader that sends
 * `application/xml` can parse RSS and Atom, one that sends `application/json` a JSON Feed.
 */
function typesMeaningFeed(feedMediaType: string): readonly string[] {
  if (feedMediaType.endsWith("+json")) return [feedMediaType, "application/json"];
  return [feedMediaType, "application/xml", "text/xml"];
}

/**
 * Whether to answer a feed's URL with its HTML preview: only when text/html is listed by
 * name and ranks strictly above every type that means the feed. Browsers navigating send
 * e.g. `text/html,application/xhtml+xml,application/xml;q=0.9,*\/*;q=0.8` and get the preview;
 * `application/rss+xml, application/atom+xml, application/xml;q=0.9, *\/*;q=0.8`, `*\/*`
 * and no Accept at all get the feed.
 */
export function prefersHtmlPreview(accept: string | null, feedMediaType: string): boolean {
  if (accept === null) return false;
  const ranges = parseAccept(accept);
  const html = ranges.filter((r) => r.type === "text" && r.subtype === "html");
  const htmlQuality = Math.max(0, ...html.map((r) => r.quality));
  if (htmlQuality === 0) return false;
  const feedQuality = Math.max(...typesMeaningFeed(feedMediaType).map((type) => qualityOf(ranges, type)));
  return htmlQuality > feedQuality;
}
