import { Feed } from "feed";
import { type FeedDocument, feedUpdated } from "../../model/feed-document.ts";
import { feedPathIn, ICON_RSS, RSS_FORMAT, TAG_SCHEME_PATH } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { authorOf } from "../../model/topics.ts";
import { renderContentHtml } from "../article-html.ts";
import { escapeHtml } from "../html.ts";
import { absoluteUrl, articleUrl } from "../links.ts";
import { rssImage } from "./feed-image.ts";
import { hubOf } from "./feed-paging.ts";
import { adjustRss, forFeedCdata } from "./rss-adjustments.ts";

export const GENERATOR = "feed-publisher (Cloudflare Workers, Hono)";

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) through `feed`. An item title is plain
 * text to every reader (newsboat, feedparser, rss-parser), so it carries the author's text
 * itself, written with character references (src/render/feeds/rss-adjustments.ts): escaping it as HTML
 * would make those readers show "&#39;" and "&amp;". A description is HTML ("entity-encoded
 * HTML is allowed", and readers and the validator treat it so), so the abstract goes in
 * escaped, like the body in content:encoded.
 */
export function renderRss(site: Site, document: FeedDocument): string {
  const { entries } = document;
  const hub = hubOf(site, document);
  const feed = new Feed({
    title: document.title,
    description: document.description,
    id: absoluteUrl(site, document.pagePath),
    link: absoluteUrl(site, document.pagePath),
    language: site.language,
    // <image>: "GIF, JPEG or PNG", at most 144 pixels wide.
    image: absoluteUrl(site, ICON_RSS.path),
    // lastBuildDate: the newest article's time, never the build's (feed would use the clock).
    updated: new Date(feedUpdated(entries).epochMs),
    generator: GENERATOR,
    feedLinks: { rss: absoluteUrl(site, feedPathIn(document.folder, RSS_FORMAT)) },
    // W3C WebSub §4: <atom:link rel="hub"> beside the rel="self" one above.
    ...(hub === undefined ? {} : { hub }),
  });
  for (const article of entries) {
    const image = rssImage(site, article.image);
    feed.addItem({
      title: forFeedCdata(article.title),
      link: articleUrl(site, article),
      // guid isPermaLink="false": the file's permanent id, stable across title and slug edits.
      guid: article.id,
      date: new Date(article.published.epochMs),
      description: escapeHtml(article.abstract),
      // Escaped HTML holds no "]]>" ("&gt;"), so it needs no splitting.
      content: renderContentHtml(site, article),
      // RSS 2.0 <category domain>: the domain names the taxonomy, here the site's topic pages.
      category: (article.tags ?? []).map((tag) => ({ name: tag.label, domain: absoluteUrl(site, TAG_SCHEME_PATH) })),
      // RSS <author> must be an e-mail address; a name goes in dc:creator.
      extensions: [
        { name: "dc:creator", objects: { _text: authorOf(site, article).label } },
        ...(image.extensions ?? []),
      ],
      ...(image.enclosure ? { enclosure: image.enclosure } : {}),
    });
  }
  return adjustRss(feed.rss2(), site, document);
}
