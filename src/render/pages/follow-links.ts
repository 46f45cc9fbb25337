import { LISTED_FORMAT } from "../../model/listed-feeds.ts";
import type { Site } from "../../model/site.ts";
import { html } from "../html.ts";
import { subscribeUrl } from "../links.ts";

/** A feed an article page offers: what it is called there, and its folder ("" for the site's). */
export interface FollowedFeed {
  readonly label: string;
  readonly folder: string;
}

/**
 * After an article, where a reader who liked it decides what to follow: the site's feed and
 * the feeds of the article's topics and author, each a link to the feed itself (a browser shows
 * its preview page), marked with the feed symbol the style sheet draws. Each name takes its
 * own direction, so a right-to-left one cannot reorder the line.
 */
export function renderFollowLinks(site: Site, feeds: readonly FollowedFeed[]) {
  return html`<nav class="follow" aria-label="Feeds"><p>Follow in a feed reader: ${feeds.map(
    (feed) =>
      html`<a class="feed-link" href="${subscribeUrl(site, feed.folder)}" type="${LISTED_FORMAT.mediaType}"><span dir="auto">${feed.label}</span></a> `,
  )}</p></nav>
`;
}
