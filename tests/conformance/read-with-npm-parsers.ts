import { extractFromJson, extractFromXml, type FeedEntry } from "@extractus/feed-extractor";
import { parseFeed } from "feedsmith";
import RssParser from "rss-parser";
import { decodeReferences, displayHtml } from "./display-text.ts";
import { type FeedItem, type FeedKind, toMs } from "./feed-item.ts";

/** A feed parser from npm, written by others, and how to turn what it returns into FeedItems. */
export interface NpmReader {
  readonly name: string;
  readonly kinds: readonly FeedKind[];
  readonly read: (kind: FeedKind, body: string) => Promise<readonly FeedItem[]>;
  /**
   * The title this reader shows for a source title, where a known defect of its own makes
   * it differ from the text itself; the identity otherwise.
   */
  readonly titleShown: (kind: FeedKind, title: string) => string;
}

const asIs = (_kind: FeedKind, title: string) => title;

/** rss-parser (xml2js lineage): RSS and Atom. Titles come back as the HTML the feed carries. */
const rssParser: NpmReader = {
  name: "rss-parser",
  kinds: ["rss", "atom"],
  read: async (kind, body) => {
    const feed = await new RssParser().parseString(body);
    return feed.items.map((item) => ({
      id: (kind === "rss" ? item.guid : (item as { id?: string }).id) ?? "",
      link: item.link ?? "",
      title: displayHtml(item.title ?? ""),
      publishedMs: toMs(item.isoDate),
    }));
  },
  titleShown: asIs,
};

/** feedsmith (its own parser): all three formats; Atom titles keep their type. */
const feedsmith: NpmReader = {
  name: "feedsmith",
  kinds: ["rss", "atom", "json"],
  read: async (kind, body) => {
    const parsed = parseFeed(kind === "json" ? JSON.parse(body) : body);
    if (parsed.format !== kind) throw new Error(`detected ${parsed.format}, expected ${kind}`);
    if (parsed.format === "rss") {
      return (parsed.feed.items ?? []).map((item) => ({
        id: item.guid?.value ?? "",
        link: item.link ?? "",
        title: displayHtml(item.title ?? ""),
        publishedMs: toMs(item.pubDate),
      }));
    }
    if (parsed.format === "atom") {
      return (parsed.feed.entries ?? []).map((entry) => ({
        id: entry.id ?? "",
        link: entry.links?.find((link) => (link.rel ?? "alternate") === "alternate")?.href ?? "",
        // RFC 4287 §3.1.1: type="html" text is shown as rendered HTML, "text" as is.
        title: entry.title?.type === "html" ? displayHtml(entry.title.value) : (entry.title?.value ?? ""),
        publishedMs: toMs(entry.published ?? entry.updated),
      }));
    }
    if (parsed.format === "json") {
      return (parsed.feed.items ?? []).map((item) => ({
        id: item.id ?? "",
        link: item.url ?? "",
        title: item.title ?? "",
        publishedMs: toMs(item.date_published),
      }));
    }
    throw new Error(`detected ${(parsed as { format: string }).format}, expected ${kind}`);
  },
  titleShown: asIs,
};

/** @extractus/feed-extractor (fast-xml-parser lineage): all three formats, normalized. */
const feedExtractor: NpmReader = {
  name: "@extractus/feed-extractor",
  kinds: ["rss", "atom", "json"],
  read: async (kind, body) => {
    const data = kind === "json" ? extractFromJson(JSON.parse(body)) : extractFromXml(body);
    return (data.entries ?? []).map((entry: FeedEntry) => ({
      id: entry.id ?? "",
      link: entry.link ?? "",
      title: entry.title ?? "",
      publishedMs: toMs(entry.published),
    }));
  },
  // Its getText() unescapes XML titles with @std/html's unescape, which replaces named
  // references first and numeric ones in a second pass, so the escaped text "&amp;#169;"
  // is shown as "©" instead of "&#169;". JSON titles are taken as they are.
  titleShown: (kind, title) => (kind === "json" ? title : decodeNumericOnly(title)),
};

function decodeNumericOnly(text: string): string {
  return text.replace(/&#(?:\d+|[xX][0-9a-fA-F]+);/g, (reference) => decodeReferences(reference));
}

export const NPM_READERS: readonly NpmReader[] = [rssParser, feedsmith, feedExtractor];
