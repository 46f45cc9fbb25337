/** A feed format is data (as in Hugo's output formats): adding one is one row here and one renderer. */
export interface FeedFormat {
  readonly label: string;
  /** The site's subscription feed in this format. */
  readonly path: string;
  /** The file name every feed document of this format has under its folder ("/tags/energy/rss.xml"). */
  readonly file: string;
  /** Without parameters; responses add "; charset=utf-8". */
  readonly mediaType: string;
}

export const RSS_PATH = "/rss.xml";
export const ATOM_PATH = "/atom.xml";
export const JSON_FEED_PATH = "/feed.json";

export const RSS_FORMAT: FeedFormat = {
  label: "RSS",
  path: RSS_PATH,
  file: "rss.xml",
  mediaType: "application/rss+xml",
};
export const ATOM_FORMAT: FeedFormat = {
  label: "Atom",
  path: ATOM_PATH,
  file: "atom.xml",
  mediaType: "application/atom+xml",
};
export const JSON_FEED_FORMAT: FeedFormat = {
  label: "JSON Feed",
  path: JSON_FEED_PATH,
  file: "feed.json",
  mediaType: "application/feed+json",
};

// Paths and types only: the Worker routes by them and must not bundle the renderers (feed, xml-js).
export const FEED_FORMATS: readonly FeedFormat[] = [RSS_FORMAT, ATOM_FORMAT, JSON_FEED_FORMAT];

/** Where the feed document rooted at `folder` ("" for the site, "/tags/energy") is in `format`. */
export function feedPathIn(folder: string, format: FeedFormat): string {
  return `${folder}/${format.file}`;
}
