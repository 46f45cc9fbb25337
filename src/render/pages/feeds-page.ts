import { LISTED_FORMAT, type ListedFeed } from "../../model/listed-feeds.ts";
import { FEED_FORMATS, FEEDS_PATH, feedPathIn, OPML_MEDIA_TYPE, OPML_PATH } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { html } from "../html.ts";
import { absoluteUrl, homeUrl, subscribeUrl } from "../links.ts";
import { renderPage } from "./page-layout.ts";

const SECTIONS: readonly { readonly kind: ListedFeed["kind"]; readonly id: string; readonly heading: string }[] = [
  { kind: "site", id: "site", heading: "The whole site" },
  { kind: "tags", id: "tags", heading: "Topics" },
  { kind: "authors", id: "authors", heading: "Authors" },
];

/**
 * /feeds: every feed of the site, the whole site's and each topic's and author's, each with the
 * address to copy into a reader, and the whole list as OPML to import at once. It names no
 * article and no count, so it changes only when a topic first appears (or the templates do).
 */
export function renderFeedsPage(site: Site, feeds: readonly ListedFeed[]): string {
  const opmlUrl = absoluteUrl(site, OPML_PATH);
  const topics = feeds.some((feed) => feed.kind !== "site");
  return renderPage(site, {
    title: `All feeds – ${site.title}`,
    description: `Every feed of ${site.title}, with the address to copy into a feed reader.`,
    path: FEEDS_PATH,
    openGraphType: "website",
    structuredData: {
      "@context": "https://schema.org",
      "@type": "CollectionPage",
      name: `${site.title}: all feeds`,
      url: absoluteUrl(site, FEEDS_PATH),
      isPartOf: { "@type": "WebSite", name: site.title, url: homeUrl(site) },
      inLanguage: site.language,
    },
    main: html`<h1>All feeds</h1>
<p class="lede">Follow ${site.title} in a feed reader: copy the address of a feed and paste it where your reader says “Add feed” or “Subscribe”.${topics ? " Every topic and author has a feed of its own." : ""}</p>
<p>Or import the whole list at once (most readers call it “Import OPML”): <a href="${opmlUrl}" type="${OPML_MEDIA_TYPE}" download>download the list</a>, or give the reader its address:</p>
<p><code class="feed-url">${opmlUrl}</code></p>
${SECTIONS.map((section) => {
  const listed = feeds.filter((feed) => feed.kind === section.kind);
  if (listed.length === 0) return "";
  return html`<h2 id="${section.id}">${section.heading}</h2>
<ul class="feed-list">
${listed.map((feed) => renderListedFeed(site, feed))}</ul>
`;
})}`,
  });
}

function renderListedFeed(site: Site, feed: ListedFeed) {
  const others = FEED_FORMATS.filter((format) => format !== LISTED_FORMAT);
  return html`<li>
<h3><a href="${absoluteUrl(site, feed.pagePath)}" dir="auto">${feed.label}</a></h3>
${feed.kind === "site" ? html`<p>${feed.description}</p>\n` : ""}<p><code class="feed-url">${subscribeUrl(site, feed.folder)}</code></p>
<p class="meta">Also as ${others.map(
    (format, index) =>
      html`${index === 0 ? "" : " or "}<a href="${absoluteUrl(site, feedPathIn(feed.folder, format))}">${format.label}</a>`,
  )}.</p>
</li>
`;
}
