// Where everything the site serves lives, what it is sent as and what its files are called:
// the one home of the paths, content types and file names that the build, the Worker, the
// scripts and the tests share. Data and arithmetic only, so the Worker bundles it without a
// renderer (feed, xml-js).
import type { Article, ArticleImage, Topic, TopicKind } from "./article.ts";

/** Every text body is UTF-8 and says so, so no reader has to guess. */
function utf8(mediaType: string): string {
  return `${mediaType}; charset=utf-8`;
}

/** HTML pages, the 404 page and the feeds' browser previews. */
export const HTML_CONTENT_TYPE = utf8("text/html");
/** robots.txt, and the Worker's own short answers (405, 500). */
export const TEXT_CONTENT_TYPE = utf8("text/plain");
/** The sitemaps. */
export const XML_CONTENT_TYPE = utf8("application/xml");
/** What the OPML is served as: the type readers and the W3C Feed Validator know it by (there is no registered one). */
export const OPML_MEDIA_TYPE = "text/x-opml";
export const OPML_CONTENT_TYPE = utf8(OPML_MEDIA_TYPE);

/** A feed format is data (as in Hugo's output formats): adding one is one row here and one renderer. */
export interface FeedFormat {
  readonly label: string;
  /** The site's subscription feed in this format: its file at the site's root. */
  readonly path: string;
  /** The file name every feed document of this format has under its folder ("/tags/energy/rss.xml"). */
  readonly file: string;
  /** Without parameters: what links and `Accept` name. */
  readonly mediaType: string;
  /** As every response and shard entry of the format sends it, with its charset. */
  readonly contentType: string;
}

function feedFormat(label: string, file: string, mediaType: string): FeedFormat {
  return { label, path: `/${file}`, file, mediaType, contentType: utf8(mediaType) };
}

export const RSS_FORMAT = feedFormat("RSS", "rss.xml", "application/rss+xml");
export const ATOM_FORMAT = feedFormat("Atom", "atom.xml", "application/atom+xml");
export const JSON_FEED_FORMAT = feedFormat("JSON Feed", "feed.json", "application/feed+json");
export const RSS_PATH = RSS_FORMAT.path;
export const ATOM_PATH = ATOM_FORMAT.path;
export const JSON_FEED_PATH = JSON_FEED_FORMAT.path;

export const FEED_FORMATS: readonly FeedFormat[] = [RSS_FORMAT, ATOM_FORMAT, JSON_FEED_FORMAT];

/** Where the feed document rooted at `folder` ("" for the site, "/tags/energy") is in `format`. */
export function feedPathIn(folder: string, format: FeedFormat): string {
  return `${folder}/${format.file}`;
}

/** The page listing every feed of the site, the site's and each topic's, with the address to copy. */
export const FEEDS_PATH = "/feeds";

/** The same list as an OPML 2.0 subscription list, which a reader imports in one go. */
export const OPML_PATH = "/feeds.opml";

/** A permanent article id, the 16 lowercase hex digits of its file name. */
const ID = "[0-9a-f]{16}";
export const ARTICLE_ID = new RegExp(`^${ID}$`);

/** Where every article's addresses start. */
export const ARTICLES_PREFIX = "/articles/";

/**
 * The one canonical path of an article: /articles/<id>/<slug>, or /articles/<id> when the
 * title gives no slug. The id finds the article; the slug is only for people reading the
 * address, so a new title changes it and the old address still leads here (docs/urls.md).
 */
export function articlePath(article: Pick<Article, "id" | "slug">): string {
  const idPath = `${ARTICLES_PREFIX}${article.id}`;
  return article.slug === "" ? idPath : `${idPath}/${article.slug}`;
}

/** The page listing every topic of a kind: "/tags", "/authors". */
export function topicsPath(kind: TopicKind): string {
  return `/${kind}`;
}

/** A topic's page, and the folder of its feeds and list pages: "/tags/energy". */
export function topicPath(kind: TopicKind, topic: Pick<Topic, "slug">): string {
  return `/${kind}/${topic.slug}`;
}

/**
 * The taxonomy a feed's tag categories name, Atom's scheme and RSS's domain alike: followed by a
 * tag's slug (the category's term) it is the tag's page (RFC 4287 §4.2.2).
 */
export const TAG_SCHEME_PATH = `${topicsPath("tags")}/`;

/** Site-relative path of a list page: the site's ("/page/3"), or a topic's ("/tags/energy/page/3"). */
export function listPagePath(pageNumber: number, folder = ""): string {
  return `${folder}/page/${pageNumber}`;
}

/** Which shard holds page `pageNumber` (from 1) when shards hold `pagesPerShard` pages each, from 0. */
export function shardOfPage(pageNumber: number, pagesPerShard: number): number {
  return Math.floor((pageNumber - 1) / pagesPerShard);
}

export const ROBOTS_PATH = "/robots.txt";

export const SITEMAP_PATH = "/sitemap.xml";
/**
 * The home page, the list pages and every tag's and author's pages, in one file: unlike the
 * article parts it is not split, so a site whose count passes the protocol's 50,000 URLs
 * (docs/static-assets.md, "Limits") outgrows it.
 */
export const PAGES_SITEMAP_PATH = "/sitemaps/pages.xml";

/** Part `part` (from 1) of the article sitemaps: oldest-first articles [(part−1)·K, part·K). */
export function articleSitemapPath(part: number): string {
  return `/sitemaps/articles-${part}.xml`;
}

/**
 * The site's icons: one drawing (src/icons/favicon.svg) and the raster sizes readers and
 * browsers ask for, rendered from it by scripts/render-icons.sh. Served same-origin, so the
 * pages' CSP (img-src 'self') allows them.
 */
export interface IconFile {
  readonly path: string;
  /** File name in src/icons/. */
  readonly file: string;
  readonly mediaType: string;
}

/** Browsers and most feed readers fetch /favicon.ico unasked, whatever the page links. */
export const FAVICON_ICO: IconFile = { path: "/favicon.ico", file: "favicon.ico", mediaType: "image/x-icon" };
export const FAVICON_SVG: IconFile = { path: "/favicon.svg", file: "favicon.svg", mediaType: "image/svg+xml" };
/** JSON Feed 1.1 `favicon` and Atom `<icon>` (RFC 4287 §4.2.5: square, small). */
export const ICON_SMALL: IconFile = { path: "/icon-64.png", file: "icon-64.png", mediaType: "image/png" };
/** RSS 2.0 `<image>`: GIF, JPEG or PNG, at most 144 pixels wide. */
export const ICON_RSS: IconFile = { path: "/icon-144.png", file: "icon-144.png", mediaType: "image/png" };
export const RSS_IMAGE_SIZE = 144;
/**
 * JSON Feed 1.1 `icon` ("should be square and … 512 x 512"). Atom gets no `<logo>`: RFC 4287
 * §4.2.8 asks for a 2:1 image, and a square one would be stretched or cropped.
 */
export const ICON_LARGE: IconFile = { path: "/icon-512.png", file: "icon-512.png", mediaType: "image/png" };

export const ICON_FILES: readonly IconFile[] = [FAVICON_ICO, FAVICON_SVG, ICON_SMALL, ICON_RSS, ICON_LARGE];

/** Where the site serves a media file: its digest in the path, so the address changes with the bytes. */
export function mediaPath(name: string, sha256: string): string {
  return `/media/${sha256.slice(0, 16)}/${name}`;
}

/** Whether the site serves the image itself (at its mediaPath) rather than linking elsewhere. */
export function isServedImage(image: Pick<ArticleImage, "url">): boolean {
  return image.url.startsWith("/");
}

/** The name under articles/media/ ("grid.png", "2025/map.png") of the file mediaPath serves at `path`. */
export function mediaNameOf(path: string): string | undefined {
  return /^\/media\/[^/]+\/(.+)$/.exec(path)?.[1];
}

/** Where a build writes the static assets unless told otherwise: wrangler.toml's [assets] directory. */
export const SITE_DIR = "dist/site";

/** `NNN_<16 lowercase hex>.txt`; the number only orders a listing, so it may grow past 999. */
const ARTICLE_FILE_NAME = new RegExp(`^(\\d{3,})_(${ID})\\.txt$`);

/** An article file's name: its number in the folder, at least `digits` long, then its id. */
export function articleFileName(number: number, id: string, digits = 3): string {
  return `${String(number).padStart(digits, "0")}_${id}.txt`;
}

/** The number and the permanent id an article's file name holds, or undefined if the name is not one. */
export function parseArticleFileName(name: string): { readonly number: number; readonly id: string } | undefined {
  const match = ARTICLE_FILE_NAME.exec(name);
  return match ? { number: Number(match[1]), id: match[2] ?? "" } : undefined;
}
