import { decodeHTMLAttribute } from "entities";
// How a feed reader finds a site's feeds: the <link rel="alternate"> of its pages (feed
// autodiscovery, https://www.rssboard.org/rss-autodiscovery and RFC 4287's media type), then,
// for the history before the newest items, RFC 5005 §4's rel="prev-archive" in RSS and Atom
// and JSON Feed 1.1's next_url. Nothing here knows a feed's address in advance.
import { parseFeed } from "feedsmith";
import { SaxesParser } from "saxes";
import type { CrawledResource } from "./crawl-site.ts";
import type { FeedKind } from "./feed-item.ts";

/** The media types autodiscovery knows, by the feed format they announce. */
export const FEED_MEDIA_TYPES: Readonly<Record<string, FeedKind>> = {
  "application/rss+xml": "rss",
  "application/atom+xml": "atom",
  "application/feed+json": "json",
};

/** A feed a reader can find, and where it found it. */
export interface DiscoveredFeed {
  readonly url: string;
  readonly kind: FeedKind;
  /** The media type announced by the link that led here (the answer must say the same). */
  readonly mediaType: string;
  /** The pages that link it as alternate, or the feed document whose older-items link names it. */
  readonly foundFrom: string[];
  /** Reached by prev-archive or next_url rather than from a page. */
  readonly archive: boolean;
}

/**
 * The feeds an HTML page announces: every <link> whose rel holds "alternate" and whose type is
 * a feed's media type, with its href resolved against the page.
 */
export function alternateFeedLinks(
  html: string,
  pageUrl: string,
): { url: string; kind: FeedKind; mediaType: string }[] {
  const found: { url: string; kind: FeedKind; mediaType: string }[] = [];
  for (const tag of html.matchAll(/<link\b[^>]*>/gi)) {
    const attributes = attributesOf(tag[0]);
    const rel = (attributes.get("rel") ?? "").toLowerCase().split(/\s+/);
    const mediaType = (attributes.get("type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    const kind = FEED_MEDIA_TYPES[mediaType];
    const href = attributes.get("href");
    if (!rel.includes("alternate") || kind === undefined || href === undefined || !URL.canParse(href, pageUrl))
      continue;
    found.push({ url: new URL(href, pageUrl).href, kind, mediaType });
  }
  return found;
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/\s([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    attributes.set((match[1] ?? "").toLowerCase(), decodeHTMLAttribute(match[2] ?? match[3] ?? match[4] ?? ""));
  }
  return attributes;
}

/** Every feed announced by the site's pages (as a feed reader asked for them), by URL. */
export function feedsAnnouncedBy(pages: readonly CrawledResource[]): Map<string, DiscoveredFeed> {
  const feeds = new Map<string, DiscoveredFeed>();
  for (const page of pages) {
    if (page.kind !== "html" || page.status !== 200 || page.asBrowser) continue;
    for (const link of alternateFeedLinks(page.text, page.url)) {
      const known = feeds.get(link.url);
      if (known) {
        if (!known.foundFrom.includes(page.url)) known.foundFrom.push(page.url);
      } else {
        feeds.set(link.url, { ...link, foundFrom: [page.url], archive: false });
      }
    }
  }
  return feeds;
}

/**
 * Where a feed document says its older items are, read by feedsmith as a reader reads it:
 * the RFC 5005 atom:link rel="prev-archive" of an RSS channel or an Atom feed, or JSON Feed's
 * next_url. Undefined at the end of the history.
 */
export function olderItemsLink(kind: FeedKind, body: string): string | undefined {
  const parsed = parseFeed(kind === "json" ? JSON.parse(body) : body);
  if (parsed.format === "rss") return parsed.feed.atom?.links?.find((link) => link.rel === "prev-archive")?.href;
  if (parsed.format === "atom") return parsed.feed.links?.find((link) => link.rel === "prev-archive")?.href;
  if (parsed.format === "json") return parsed.feed.next_url;
  return undefined;
}

/** The ids of a feed document's items, as feedsmith reads them. */
export function itemIds(kind: FeedKind, body: string): string[] {
  const parsed = parseFeed(kind === "json" ? JSON.parse(body) : body);
  if (parsed.format === "rss") return (parsed.feed.items ?? []).map((item) => item.guid?.value ?? "");
  if (parsed.format === "atom") return (parsed.feed.entries ?? []).map((entry) => entry.id ?? "");
  if (parsed.format === "json") return (parsed.feed.items ?? []).map((item) => item.id ?? "");
  return [];
}

const FEED_HISTORY_NAMESPACE = "http://purl.org/syndication/history/1.0";

/** Whether an RSS or Atom document marks itself an archive document (RFC 5005 §4: fh:archive). */
export function saysArchive(xml: string): boolean {
  let found = false;
  const parser = new SaxesParser({ xmlns: true });
  parser.on("opentag", (tag) => {
    if (tag.uri === FEED_HISTORY_NAMESPACE && tag.local === "archive") found = true;
  });
  parser.write(xml).close();
  return found;
}
