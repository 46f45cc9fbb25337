import { LISTED_FORMAT } from "../../model/listed-feeds.ts";
import { FEEDS_PATH } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { html } from "../html.ts";
import { absoluteUrl, subscribeUrl } from "../links.ts";

/** A feed to offer: its folder ("" for the site's), and the name a topic's button adds. */
export interface OfferedFeed {
  readonly folder: string;
  /** "Subscribe to <topic>"; none for the site's own feed, which every page is part of. */
  readonly topic?: string;
}

/**
 * The button that subscribes: a link to the feed itself, so a reader's browser extension or a
 * feed reader takes it as it is, and a browser shows the feed's preview page, which says what
 * to copy where (src/render/pages/feed-preview-page.ts). The style sheet draws the feed symbol.
 */
export function renderSubscribeButton(site: Site, feed: OfferedFeed) {
  const href = subscribeUrl(site, feed.folder);
  return html`<a class="subscribe-button" href="${href}" type="${LISTED_FORMAT.mediaType}">${
    feed.topic === undefined ? "Subscribe" : html`<span>Subscribe to <span dir="auto">${feed.topic}</span></span>`
  }</a>`;
}

/**
 * The home page's and a topic page's offer, right under its heading where a reader looks first:
 * the button, what it is for, and the list of every feed (src/render/pages/feeds-page.ts).
 */
export function renderSubscribeOffer(site: Site, feed: OfferedFeed) {
  return html`<p class="subscribe">${renderSubscribeButton(site, feed)} <span class="meta">New articles in your feed reader · <a href="${absoluteUrl(site, FEEDS_PATH)}">All feeds</a></span></p>
`;
}
