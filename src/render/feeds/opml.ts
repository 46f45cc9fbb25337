import type { ListedFeed } from "../../model/listed-feeds.ts";
import type { Site } from "../../model/site.ts";
import { formatHttpDate } from "../../model/time.ts";
import { html, toHtmlString } from "../html.ts";
import { absoluteUrl, subscribeUrl } from "../links.ts";

/**
 * Every feed of the site as an OPML 2.0 subscription list, which feed readers import in one go.
 * Each feed is an outline of type "rss" (OPML's type for every feed, whatever its format) with
 * its address (xmlUrl), its page (htmlUrl), and its title as both text and title; they sit in
 * one outline named after the site, which readers that keep folders make a folder, so the
 * site's feeds stay together among a reader's others. That folder has nothing but its text:
 * any other attribute would make it a feed without a type.
 *
 * Written with the one escaping template, like the sitemap: what it escapes is a superset of
 * what XML attributes need, and every entity it writes is predefined in XML. dateModified is the
 * list's Last-Modified, so no clock is read.
 */
export function renderOpml(site: Site, feeds: readonly ListedFeed[], modifiedMs: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
${toHtmlString(html`<opml version="2.0">
<head>
<title>${site.title}: all feeds</title>
<dateModified>${formatHttpDate(modifiedMs)}</dateModified>
<ownerName>${site.author}</ownerName>
</head>
<body>
<outline text="${site.title}">
${feeds.map(
  (feed) =>
    html`<outline type="rss" version="RSS2" text="${feed.title}" title="${feed.title}" description="${feed.description}" xmlUrl="${subscribeUrl(site, feed.folder)}" htmlUrl="${absoluteUrl(site, feed.pagePath)}"/>\n`,
)}</outline>
</body>
</opml>
`)}`;
}
