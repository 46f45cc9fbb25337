import { Feed } from "feed";
import type { Article } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { renderContentHtml } from "./article-html.ts";
import { forFeedCdata, titlesAsCharacterReferences } from "./feed-cdata.ts";
import { feedEntries, feedUpdated } from "./feed-entries.ts";
import { escapeHtml } from "./html.ts";
import { ICON_RSS } from "./icons.ts";
import { absoluteUrl, articleUrl, homeUrl } from "./links.ts";

export const GENERATOR = "feed-publisher (Cloudflare Workers, Hono)";

import { RSS_PATH } from "./formats.ts";

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) through `feed`. An item title is plain
 * text to every reader (newsboat, feedparser, rss-parser), so it carries the author's text
 * itself, written with character references (src/render/feed-cdata.ts): escaping it as HTML
 * would make those readers show "&#39;" and "&amp;". A description is HTML ("entity-encoded
 * HTML is allowed", and readers and the validator treat it so), so the abstract goes in
 * escaped, like the body in content:encoded.
 */
export function renderRss(site: Site, published: readonly Article[]): string {
  const entries = feedEntries(site, published);
  const feed = new Feed({
    title: site.title,
    description: site.description,
    id: homeUrl(site),
    link: homeUrl(site),
    language: site.language,
    // <image>: "GIF, JPEG or PNG", at most 144 pixels wide.
    image: absoluteUrl(site, ICON_RSS.path),
    // lastBuildDate: the newest article's time, never the build's (feed would use the clock).
    updated: new Date(feedUpdated(entries).epochMs),
    generator: GENERATOR,
    feedLinks: { rss: absoluteUrl(site, RSS_PATH) },
  });
  for (const article of entries) {
    feed.addItem({
      title: forFeedCdata(article.title),
      link: articleUrl(site, article),
      // guid isPermaLink="false": the file's permanent id, stable across title and slug edits.
      guid: article.id,
      date: new Date(article.published.epochMs),
      description: escapeHtml(article.abstract),
      // Escaped HTML holds no "]]>" ("&gt;"), so it needs no splitting.
      content: renderContentHtml(article),
      // RSS <author> must be an e-mail address; a name goes in dc:creator.
      extensions: [{ name: "dc:creator", objects: { _text: site.author } }],
    });
  }
  return titlesAsCharacterReferences(feed.rss2());
}
