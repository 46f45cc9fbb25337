import { extractFromJson, extractFromXml, type FeedEntry } from "@extractus/feed-extractor";
import { parseFeed } from "feedsmith";
import RssParser from "rss-parser";
import {
  ALL_FIELDS,
  type ComparedField,
  type FeedItem,
  type FeedKind,
  METADATA_FIELDS,
  shownTextOfHtml,
  toMs,
} from "./feed-item.ts";

/**
 * A feed parser from npm, written by others. `read` returns its fields exactly as the parser
 * returns them: no decoding, unescaping or tag stripping of ours in between.
 */
export interface NpmReader {
  readonly name: string;
  readonly kinds: readonly FeedKind[];
  readonly read: (kind: FeedKind, body: string) => Promise<readonly FeedItem[]>;
  /** The fields whose value means what the feed says, per format (see `fields` below). */
  readonly fields: (kind: FeedKind) => readonly ComparedField[];
  /** The metadata fields (categories, authors) it returns as the feed gives them, per format. */
  readonly metadata: (kind: FeedKind) => readonly ComparedField[];
}

const allFields = () => ALL_FIELDS;

/** rss-parser (xml2js lineage): RSS and Atom, text as the XML parser leaves it. */
const rssParser: NpmReader = {
  name: "rss-parser",
  kinds: ["rss", "atom"],
  read: async (kind, body) => {
    const feed = await new RssParser().parseString(body);
    return feed.items.map((item) => ({
      id: (kind === "rss" ? item.guid : (item as { id?: string }).id) ?? "",
      link: item.link ?? "",
      title: item.title ?? "",
      // RSS <description> lands in `content` (content:encoded keeps its own key); being HTML,
      // what rss-parser offers as its text is `contentSnippet`. Atom has `summary`, without its
      // type: HTML, as an RSS description is, so shown as a reader renders it.
      summary:
        kind === "rss" ? item.contentSnippet : item.summary === undefined ? undefined : shownTextOfHtml(item.summary),
      publishedMs: toMs(item.isoDate),
      // RSS dc:creator is `creator`; an Atom author's name is `author`. No categories from Atom.
      authors: [item.creator ?? (item as { author?: string }).author].filter((name) => name !== undefined),
      ...(kind === "rss" ? { categories: (item.categories ?? []).map(categoryText) } : {}),
    }));
  },
  fields: allFields,
  metadata: (kind) => (kind === "rss" ? METADATA_FIELDS : ["authors"]),
};

/** rss-parser gives a <category> with attributes as xml2js does, { _: text, $: attributes }. */
function categoryText(category: string | { _?: string }): string {
  return typeof category === "string" ? category : (category._ ?? "");
}

/** An Atom text construct as feedsmith returns it: a string, or { value, type }. */
function textValue(text: string | { value?: string } | undefined): string | undefined {
  return typeof text === "string" ? text : text?.value;
}

/** An Atom text construct as a reader shows it: type="html" rendered, text as it is. */
function shownText(text: string | { value?: string; type?: string } | undefined): string | undefined {
  const value = textValue(text);
  return value !== undefined && typeof text === "object" && text.type === "html" ? shownTextOfHtml(value) : value;
}

/** feedsmith (its own parser): all three formats. */
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
        title: item.title ?? "",
        // feedsmith returns the description's HTML as it is; shown as a reader renders it.
        summary: item.description === undefined ? undefined : shownTextOfHtml(item.description),
        publishedMs: toMs(item.pubDate),
        categories: (item.categories ?? []).map((category) => category.name ?? ""),
        authors: item.dc?.creators ?? [],
      }));
    }
    if (parsed.format === "atom") {
      return (parsed.feed.entries ?? []).map((entry) => ({
        id: entry.id ?? "",
        link: entry.links?.find((link) => (link.rel ?? "alternate") === "alternate")?.href ?? "",
        title: shownText(entry.title) ?? "",
        summary: shownText(entry.summary),
        publishedMs: toMs(entry.published ?? entry.updated),
        updatedMs: toMs(entry.updated),
        categories: (entry.categories ?? []).map((category) => category.label ?? category.term ?? ""),
        authors: (entry.authors ?? []).map((author) => author.name ?? ""),
      }));
    }
    if (parsed.format === "json") {
      return (parsed.feed.items ?? []).map((item) => ({
        id: item.id ?? "",
        link: item.url ?? "",
        title: item.title ?? "",
        summary: item.summary,
        publishedMs: toMs(item.date_published),
        categories: item.tags ?? [],
        authors: (item.authors ?? []).map((author) => author.name ?? ""),
      }));
    }
    throw new Error(`detected ${(parsed as { format: string }).format}, expected ${kind}`);
  },
  fields: (kind) => (kind === "atom" ? [...ALL_FIELDS, "updatedMs"] : ALL_FIELDS),
  metadata: () => METADATA_FIELDS,
};

/**
 * @extractus/feed-extractor (fast-xml-parser lineage): all three formats, normalized.
 * Compared on ids, links and dates everywhere, on titles in JSON Feed only, and never on
 * summaries, because what it returns there is not the feed's text by design:
 * - XML titles go through its getText(), which runs @std/html's unescape() on what the XML
 *   parser already decoded: every title is decoded twice, so the text `&lt;tags&gt;` (sent
 *   as `&amp;lt;tags&amp;gt;`) comes back as `<tags>`. No feed can avoid that.
 * - Its Atom `published` is the entry's <updated> when there is one, else <published>, so it
 *   is compared with the time of the last correction.
 * - Its `description` is built from the summary or the content with tags stripped, newlines
 *   joined and the text cut to descriptionMaxLen; in JSON Feed it prefers content_text or
 *   content_html over summary. It is a preview, not the summary.
 * JSON Feed titles are taken from the JSON as they are, so those are compared.
 */
const feedExtractor: NpmReader = {
  name: "@extractus/feed-extractor",
  kinds: ["rss", "atom", "json"],
  read: async (kind, body) => {
    const data = kind === "json" ? extractFromJson(JSON.parse(body)) : extractFromXml(body);
    return (data.entries ?? []).map((entry: FeedEntry) => ({
      id: entry.id ?? "",
      link: entry.link ?? "",
      title: entry.title ?? "",
      // For Atom its `published` is the entry's <updated> when there is one (parseAtomFeed.js).
      ...(kind === "atom"
        ? { publishedMs: undefined, updatedMs: toMs(entry.published) }
        : { publishedMs: toMs(entry.published) }),
    }));
  },
  fields: (kind) =>
    kind === "json"
      ? ["link", "title", "publishedMs"]
      : kind === "atom"
        ? ["link", "updatedMs"]
        : ["link", "publishedMs"],
  metadata: () => [],
};

export const NPM_READERS: readonly NpmReader[] = [rssParser, feedsmith, feedExtractor];
