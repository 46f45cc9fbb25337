import type { FeedDocument } from "../../model/feed-document.ts";
import { FEED_FORMATS, FEEDS_PATH, type FeedFormat, feedPathIn } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { html } from "../html.ts";
import { absoluteUrl, homeUrl } from "../links.ts";
import { renderEntryList } from "./entry-list.ts";
import { renderPage } from "./page-layout.ts";

/**
 * What a person sees on opening a feed's URL in a browser: what a feed is, the address to
 * paste into a reader, and the items the feed carries right now. Feed readers never get
 * this page (see src/serve/negotiate.ts); it is kept out of search results with noindex.
 */
export function renderFeedPreviewPage(site: Site, format: FeedFormat, document: FeedDocument): string {
  const feedUrl = absoluteUrl(site, feedPathIn(document.folder, format));
  const { entries } = document;
  const others = FEED_FORMATS.filter((other) => other !== format);
  // "RSS feed", "Atom feed", but "JSON Feed" (the format's own name), never "JSON Feed feed".
  const name = /\bfeed$/i.test(format.label) ? format.label : `${format.label} feed`;
  return renderPage(site, {
    title: `${name} – ${document.title}`,
    description: `Subscribe to ${document.title} in a feed reader: ${document.description}`,
    noIndex: true,
    headerSubscribe: false,
    openGraphType: "website",
    structuredData: {
      "@context": "https://schema.org",
      "@type": "DataFeed",
      name: `${document.title} (${format.label})`,
      description: document.description,
      url: feedUrl,
      encodingFormat: format.mediaType,
      isPartOf: { "@type": "WebSite", name: site.title, url: homeUrl(site) },
    },
    main: html`<h1>${document.title}: ${name}</h1>
<p class="lede">This address is a news feed. Paste its address into a feed reader and it will show you every new article of ${document.title} as soon as it is published.</p>
<h2 id="subscribe">Subscribe</h2>
<p>The address of this feed:</p>
<p><code class="feed-url">${feedUrl}</code></p>
<ol class="steps">
<li>Copy the address above (one click selects it).</li>
<li>In your feed reader, choose “Add feed” or “Subscribe”, and paste it.</li>
</ol>
<p>The same articles are also available as ${others.map(
      (other, index) =>
        html`${index === 0 ? "" : index === others.length - 1 ? " or " : ", "}<a href="${absoluteUrl(site, feedPathIn(document.folder, other))}">${other.label}</a>`,
    )}. Any of them works; choose the one your reader prefers. <a href="${absoluteUrl(site, FEEDS_PATH)}">All feeds</a> lists every feed of ${site.title}, and gives them as one list to import.</p>
<h2 id="newest">In this feed now</h2>
${
  entries.length === 0
    ? html`<p>Nothing has been published yet.</p>`
    : html`<p class="meta">The ${entries.length === 1 ? "newest article" : `${entries.length} newest articles`}; <a href="${absoluteUrl(site, document.pagePath)}">${document.pagePath === "/" ? "the home page" : "its page"}</a> has the whole archive.</p>
${renderEntryList(site, entries, { abstracts: false })}`
}`,
  });
}
