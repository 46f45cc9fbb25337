import { FAVICON_SVG, FEED_FORMATS, FEEDS_PATH, feedPathIn, OPML_MEDIA_TYPE, OPML_PATH } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { html, jsonForScriptElement, raw, toHtmlString } from "../html.ts";
import { absoluteUrl, homeUrl } from "../links.ts";
import { PAGE_STYLE } from "./page-style.ts";
import { renderSubscribeButton } from "./subscribe-offer.ts";

type Template = ReturnType<typeof html>;

export interface PageContent {
  readonly title: string;
  readonly description: string;
  /** Site-relative path of this page; its absolute form is the canonical URL. None for errors. */
  readonly path?: string;
  readonly openGraphType: "website" | "article";
  readonly openGraphExtra?: Template;
  /** The picture a social preview shows, its URL absolute; with one the preview is a large card. */
  readonly image?: PageImage;
  /** schema.org data, written as JSON-LD. */
  readonly structuredData: Record<string, unknown>;
  /** Site-relative paths of the neighbouring pages of a paged list (HTML `rel=prev/next`). */
  readonly previousPath?: string;
  readonly nextPath?: string;
  /** The feeds of what this page lists, when it is a topic's: offered to readers before the site's. */
  readonly topicFeeds?: { readonly title: string; readonly folder: string };
  /** Keep this page out of search results (a feed's browser preview is not a page of its own). */
  readonly noIndex?: boolean;
  /**
   * Whether the header offers the site's feed (the home page, which has no header, offers it
   * under its title). A feed's preview page, which is itself about subscribing, does not.
   */
  readonly headerSubscribe?: boolean;
  readonly main: Template;
}

export interface PageImage {
  readonly url: string;
  readonly mediaType?: string;
  readonly width?: number;
  readonly height?: number;
}

/**
 * Every HTML page: metadata for search engines, social previews (Open Graph, Twitter
 * cards) and feed discovery, one inline style sheet and no script apart from the JSON-LD
 * data block, so the page needs nothing but its own response to render.
 */
export function renderPage(site: Site, page: PageContent): string {
  const canonical = page.path === undefined ? undefined : absoluteUrl(site, page.path);
  return toHtmlString(html`<!DOCTYPE html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
${page.noIndex ? html`<meta name="robots" content="noindex">\n` : ""}${canonical === undefined ? "" : html`<link rel="canonical" href="${canonical}">\n`}${renderNeighbours(site, page)}${renderTopicFeedLinks(site, page)}${FEED_FORMATS.map(
  (format) =>
    html`<link rel="alternate" type="${format.mediaType}" title="${site.title} (${format.label})" href="${absoluteUrl(site, format.path)}">\n`,
)}<link rel="alternate" type="${OPML_MEDIA_TYPE}" title="${site.title}: all feeds (OPML)" href="${absoluteUrl(site, OPML_PATH)}">
<link rel="icon" type="image/svg+xml" href="${absoluteUrl(site, FAVICON_SVG.path)}">
<meta name="color-scheme" content="light dark">
<meta property="og:site_name" content="${site.title}">
<meta property="og:type" content="${page.openGraphType}">
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${page.description}">
${canonical === undefined ? "" : html`<meta property="og:url" content="${canonical}">\n`}<meta property="og:locale" content="${site.language}">
${page.openGraphExtra ?? ""}${renderImageMeta(page.image)}<meta name="twitter:card" content="${page.image ? "summary_large_image" : "summary"}">
<meta name="twitter:title" content="${page.title}">
<meta name="twitter:description" content="${page.description}">
${page.image ? html`<meta name="twitter:image" content="${page.image.url}">\n` : ""}<style>${raw(PAGE_STYLE)}</style>
<script type="application/ld+json">${raw(jsonForScriptElement(page.structuredData))}</script>
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
${
  page.path === "/"
    ? ""
    : html`<header><a class="site-title" href="${homeUrl(site)}">${site.title}</a>${
        page.headerSubscribe === false ? "" : html` ${renderSubscribeButton(site, { folder: "" })}`
      }</header>
`
}<main id="content">
${page.main}
</main>
<footer>
${
  page.topicFeeds === undefined
    ? ""
    : html`<p class="feeds">Subscribe to ${page.topicFeeds.title}: ${FEED_FORMATS.map((format) => html`<a href="${absoluteUrl(site, feedPathIn(page.topicFeeds?.folder ?? "", format))}">${format.label}</a> `)}</p>\n`
}<p class="feeds">Subscribe: ${FEED_FORMATS.map((format) => html`<a href="${absoluteUrl(site, format.path)}">${format.label}</a> `)}<a href="${absoluteUrl(site, FEEDS_PATH)}">All feeds</a> <a href="${absoluteUrl(site, OPML_PATH)}" type="${OPML_MEDIA_TYPE}" download>OPML list</a></p>
${canonical === undefined ? "" : html`<p class="print-only">${canonical}</p>\n`}</footer>
</body>
</html>
`);
}

/** Autodiscovery (RSS Autodiscovery, Atom §7.1 "alternate"): a reader subscribing here gets the topic. */
function renderTopicFeedLinks(site: Site, page: PageContent): Template | string {
  const feeds = page.topicFeeds;
  if (feeds === undefined) return "";
  return html`${FEED_FORMATS.map(
    (format) =>
      html`<link rel="alternate" type="${format.mediaType}" title="${feeds.title} (${format.label})" href="${absoluteUrl(site, feedPathIn(feeds.folder, format))}">\n`,
  )}`;
}

/** Open Graph's image and what it knows of it (https://ogp.me/#structured). */
function renderImageMeta(image: PageImage | undefined): Template | "" {
  if (image === undefined) return "";
  return html`<meta property="og:image" content="${image.url}">
${image.mediaType === undefined ? "" : html`<meta property="og:image:type" content="${image.mediaType}">\n`}${
  image.width === undefined ? "" : html`<meta property="og:image:width" content="${image.width}">\n`
}${image.height === undefined ? "" : html`<meta property="og:image:height" content="${image.height}">\n`}`;
}

function renderNeighbours(site: Site, page: PageContent): Template {
  return html`${page.previousPath === undefined ? "" : html`<link rel="prev" href="${absoluteUrl(site, page.previousPath)}">\n`}${
    page.nextPath === undefined ? "" : html`<link rel="next" href="${absoluteUrl(site, page.nextPath)}">\n`
  }`;
}
