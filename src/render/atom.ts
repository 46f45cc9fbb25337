import { Feed } from "feed";
import type { Article } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { renderContentHtml } from "./article-html.ts";
import { feedEntries, feedUpdated } from "./feed-entries.ts";
import { escapeHtml } from "./html.ts";
import { absoluteUrl, articleUrl, homeUrl, tagUri } from "./links.ts";
import { GENERATOR } from "./rss.ts";

/**
 * Atom 1.0 (RFC 4287) through `feed`. It marks titles and summaries type="html" and wraps
 * them in CDATA, so they are handed over as escaped HTML: readers show them as the plain
 * text they are, and no "]]>" survives to break the CDATA section.
 */
export function renderAtom(site: Site, published: readonly Article[]): string {
  const entries = feedEntries(site, published);
  const feed = new Feed({
    // RFC 4287 §4.2.6: a permanent IRI; the home page is stable for the feed as a whole.
    id: homeUrl(site),
    title: site.title,
    description: site.description,
    link: homeUrl(site),
    language: site.language,
    updated: new Date(feedUpdated(entries).epochMs),
    generator: GENERATOR,
    author: { name: site.author },
    feedLinks: { atom: absoluteUrl(site, "/atom.xml") },
  });
  for (const article of entries) {
    const time = new Date(article.published.epochMs);
    feed.addItem({
      title: escapeHtml(article.title),
      id: tagUri(site, article),
      link: articleUrl(site, article),
      date: time,
      published: time,
      description: escapeHtml(article.abstract),
      content: renderContentHtml(article),
    });
  }
  return feed.atom1();
}
