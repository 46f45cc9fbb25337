import { Feed } from "feed";
import type { Article } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { renderContentHtml } from "./article-html.ts";
import { feedEntries, feedUpdated } from "./feed-entries.ts";
import { escapeHtml } from "./html.ts";
import { absoluteUrl, articleUrl, homeUrl } from "./links.ts";

export const GENERATOR = "feed-publisher (Cloudflare Workers, Hono)";

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) through `feed`. `feed` wraps title,
 * description and content:encoded in CDATA but splits only the first "]]>", so they are
 * handed over as escaped HTML, which holds no "]]>" at all ("&gt;").
 */
export function renderRss(site: Site, published: readonly Article[]): string {
  const entries = feedEntries(site, published);
  const feed = new Feed({
    title: site.title,
    description: site.description,
    id: homeUrl(site),
    link: homeUrl(site),
    language: site.language,
    // lastBuildDate: the newest article's time, never the build's (feed would use the clock).
    updated: new Date(feedUpdated(entries).epochMs),
    generator: GENERATOR,
    feedLinks: { rss: absoluteUrl(site, "/rss.xml") },
  });
  for (const article of entries) {
    feed.addItem({
      title: escapeHtml(article.title),
      link: articleUrl(site, article),
      // guid isPermaLink="false": the file's permanent id, stable across title and slug edits.
      guid: article.id,
      date: new Date(article.published.epochMs),
      description: escapeHtml(article.abstract),
      content: renderContentHtml(article),
      // RSS <author> must be an e-mail address; a name goes in dc:creator.
      extensions: [{ name: "dc:creator", objects: { _text: site.author } }],
    });
  }
  return feed.rss2();
}
