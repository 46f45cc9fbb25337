import { Feed } from "feed";
import type { Article } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { renderContentHtml } from "./article-html.ts";
import { forFeedCdata } from "./feed-cdata.ts";
import { feedEntries, feedUpdated } from "./feed-entries.ts";
import { ICON_RSS } from "./icons.ts";
import { absoluteUrl, articleUrl, homeUrl } from "./links.ts";

export const GENERATOR = "feed-publisher (Cloudflare Workers, Hono)";
export const RSS_PATH = "/rss.xml";

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) through `feed`, which wraps title,
 * description and content:encoded in CDATA. RSS titles and descriptions are read as plain text
 * by most readers (newsboat, feedparser, rss-parser), so they carry the author's text itself:
 * escaping it as HTML would make those readers show "&#39;" and "&amp;".
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
      description: forFeedCdata(article.abstract),
      // Article HTML is escaped text, so it holds no "]]>" ("&gt;").
      content: renderContentHtml(article),
      // RSS <author> must be an e-mail address; a name goes in dc:creator.
      extensions: [{ name: "dc:creator", objects: { _text: site.author } }],
    });
  }
  return feed.rss2();
}
