import type { FeedDocument } from "../../model/feed-document.ts";
import { ATOM_FORMAT, feedPathIn } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { html } from "../html.ts";
import { FEED_HISTORY_NAMESPACE, isArchiveDocument, pagingLinks } from "./feed-paging.ts";

/** The fh namespace declaration an archive document's root needs, or nothing. */
export function atomPagingNamespace(document: FeedDocument) {
  return isArchiveDocument(document) ? html` xmlns:fh="${FEED_HISTORY_NAMESPACE}"` : "";
}

/**
 * The archived-feed links (RFC 5005 §4) as Atom links, each on its own line, and fh:archive on
 * an archive document (§4: archive documents MUST contain it); nothing for a feed without paging.
 */
export function atomPagingElements(site: Site, document: FeedDocument) {
  return html`${pagingLinks(site, document, ATOM_FORMAT).map(
    ({ rel, href }) => html`<link rel="${rel}" type="${ATOM_FORMAT.mediaType}" href="${href}"/>
`,
  )}${
    isArchiveDocument(document)
      ? html`<fh:archive/>
`
      : ""
  }`;
}

/**
 * The path the feed's atom:id is made from. An archive document is a part of the feed its
 * subscription document heads (the "logical feed" of RFC 5005), so it carries that feed's id,
 * as the examples of RFC 5005 §4 do; any other document is identified by its own path.
 */
export function atomIdPath(document: FeedDocument): string {
  return feedPathIn(document.paging?.currentFolder ?? document.folder, ATOM_FORMAT);
}
