import type { Site } from "../model/site.ts";
import type { FeedDocument } from "./feed-document.ts";
import { FEED_HISTORY_NAMESPACE, isArchiveDocument, pagingLinks } from "./feed-paging.ts";
import { RSS_FORMAT } from "./formats.ts";
import { escapeHtml } from "./html.ts";

/** The channel's self link as `feed` writes it, with the indentation before it. */
const SELF_LINK = /(\n[ \t]*)(<atom:link href="[^"]*" rel="self" type="application\/rss\+xml"\/>)/;
const RSS_START = /<rss\b[^>]*/;

/**
 * `xml`, an RSS 2.0 feed written by `feed`, with the document's archived-feed links. RFC 5005
 * Appendix B carries them in RSS as atom:link elements in the channel, beside the self link
 * (whose atom prefix `feed` already declares), and fh:archive as a child of the channel.
 * `feed` can add neither: a channel extension named atom:link would replace its own atom:link
 * elements. A document without paging is returned as it is.
 */
export function withRssPaging(xml: string, site: Site, document: FeedDocument): string {
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
