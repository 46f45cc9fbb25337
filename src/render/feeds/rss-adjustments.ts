import type { FeedDocument } from "../../model/feed-document.ts";
import { RSS_FORMAT } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { escapeHtml } from "../html.ts";
import { FEED_HISTORY_NAMESPACE, isArchiveDocument, pagingLinks } from "./feed-paging.ts";

// Everything the project changes in what `feed` writes for RSS 2.0, each change named by the
// reader or specification it serves. `feed` renders the channel (the user's choice of
// library); these passes run on its output, in `adjustRss`, and rely only on what an XML
// writer must produce, except where a comment names a detail of xml-js's formatting.

/**
 * `xml`, an RSS 2.0 channel as `feed` writes it, with every adjustment below applied.
 */
export function adjustRss(xml: string, site: Site, document: FeedDocument): string {
  return withArchiveLinks(
    withMediaNamespace(channelTextAsCharacterReferences(titlesAsCharacterReferences(xml))),
    site,
    document,
  );
}

/**
 * xml-js (under `feed`) ends a "]]>" in a CDATA section by splitting the section, but only at
 * the first one (`cdata.replace("]]>", …)`), so a second "]]>" would close the section early
 * and break the feed for every XML parser. Applied to a title before `feed` takes it: every
 * later "]]>" is split the same way, the first left to xml-js.
 */
export function forFeedCdata(text: string): string {
  const first = text.indexOf("]]>");
  if (first === -1) return text;
  const rest = first + 3;
  return text.slice(0, rest) + text.slice(rest).replaceAll("]]>", "]]]]><![CDATA[>");
}

/** A title whose whole content is one or more adjacent CDATA sections. */
const CDATA_TITLE = /<title>((?:<!\[CDATA\[[\s\S]*?\]\]>)+)<\/title>/g;
const CDATA_SECTION = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/**
 * The RSS Advisory Board's profile and the W3C Feed Validator: RSS has no way to say that a
 * title is plain text, so the profile asks plain text to write "&" and "<" as hexadecimal
 * character references, which no reader can mistake for markup; the validator warns about a
 * CDATA title holding "<" or "&". `feed` writes every item title as CDATA; this writes the
 * same characters escaped that way. An XML parser returns identical text for both forms
 * (XML 1.0 §2.7). In well-formed XML "<![CDATA[" can only start a real section and a section
 * cannot hold "]]>", so the patterns find exactly the sections.
 */
export function titlesAsCharacterReferences(xml: string): string {
  return xml.replace(CDATA_TITLE, (_, sections: string) => {
    const text = sections.replace(CDATA_SECTION, (_section, content: string) => content);
    return `<title>${escapeAsReferences(text)}</title>`;
  });
}

function escapeAsReferences(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === "&" ? "&#x26;" : ch === "<" ? "&#x3C;" : "&#x3E;"));
}

/** A channel title or description written by xml-js as escaped text (no CDATA). */
const ESCAPED_CHANNEL_TEXT = /<(title|description)>([^<]*)<\/\1>/g;

/**
 * The W3C Feed Validator warns about "&amp;" and "&lt;" in the channel's own title and
 * description (and its image title), which `feed` writes as escaped text, as it does in an
 * item title: they get the same character references. Only the channel's head is touched:
 * item descriptions are HTML and stay escaped HTML.
 */
export function channelTextAsCharacterReferences(xml: string): string {
  const firstItem = xml.indexOf("<item>");
  const head = firstItem < 0 ? xml : xml.slice(0, firstItem);
  const rewritten = head.replace(
    ESCAPED_CHANNEL_TEXT,
    (_, element: string, text: string) =>
      `<${element}>${escapeAsReferences(text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&"))}</${element}>`,
  );
  return firstItem < 0 ? rewritten : rewritten + xml.slice(firstItem);
}

/** Media RSS (https://www.rssboard.org/media-rss), for an image whose length is unknown. */
export const MEDIA_RSS_NAMESPACE = "http://search.yahoo.com/mrss/";

/**
 * Namespaces in XML 1.0: the media: prefix an item's <media:content> uses
 * (src/render/feeds/feed-image.ts) must be declared, and `feed` has no way to declare one on <rss>,
 * so it is declared there when some item uses it. xml-js writes `version` as the first attribute.
 */
export function withMediaNamespace(xml: string): string {
  if (!xml.includes("<media:content ")) return xml;
  const root = '<rss version="2.0"';
  if (!xml.includes(root)) throw new Error(`RSS output does not start its root as ${root}; cannot declare media:`);
  return xml.replace(root, `${root} xmlns:media="${MEDIA_RSS_NAMESPACE}"`);
}

/** The channel's self link as `feed` writes it, with the indentation before it. */
const SELF_LINK = /(\n[ \t]*)(<atom:link href="[^"]*" rel="self" type="application\/rss\+xml"\/>)/;
const RSS_START = /<rss\b[^>]*/;

/**
 * RFC 5005 (Feed Paging and Archiving) Appendix B: RSS carries the archived-feed links as
 * atom:link elements in the channel, beside the self link (whose atom prefix `feed` already
 * declares), and fh:archive as a child of the channel. `feed` can add neither: a channel
 * extension named atom:link would replace its own atom:link elements. A document without
 * paging is returned as it is.
 */
export function withArchiveLinks(xml: string, site: Site, document: FeedDocument): string {
  const links = pagingLinks(site, document, RSS_FORMAT);
  const archive = isArchiveDocument(document);
  if (links.length === 0 && !archive) return xml;
  // The channel's own elements end at its first item: search only them, not every item.
  const firstItem = xml.indexOf("<item>");
  const headEnd = firstItem < 0 ? xml.length : firstItem;
  const head = xml.slice(0, headEnd);
  const self = SELF_LINK.exec(head);
  if (!self) throw new Error('the RSS channel has no atom:link rel="self" to place the archive links after');
  const [, indent = "\n"] = self;
  const added = [
    ...links.map(
      ({ rel, href }) => `<atom:link href="${escapeHtml(href)}" rel="${rel}" type="${RSS_FORMAT.mediaType}"/>`,
    ),
    ...(archive ? ["<fh:archive/>"] : []),
  ];
  const withLinks = head.replace(SELF_LINK, (line) => line + added.map((element) => indent + element).join(""));
  const declared = archive
    ? withLinks.replace(RSS_START, (start) => `${start} xmlns:fh="${FEED_HISTORY_NAMESPACE}"`)
    : withLinks;
  return declared + xml.slice(headEnd);
}
