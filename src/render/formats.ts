/** A feed format is data (as in Hugo's output formats): adding one is one row here and one renderer. */
export interface FeedFormat {
  readonly label: string;
  readonly path: string;
  /** Without parameters; responses add "; charset=utf-8". */
  readonly mediaType: string;
}

export const RSS_PATH = "/rss.xml";
export const ATOM_PATH = "/atom.xml";
export const JSON_FEED_PATH = "/feed.json";

// Paths and types only: the Worker routes by them and must not bundle the renderers (feed, xml-js).
export const FEED_FORMATS: readonly FeedFormat[] = [
  { label: "RSS", path: RSS_PATH, mediaType: "application/rss+xml" },
  { label: "Atom", path: ATOM_PATH, mediaType: "application/atom+xml" },
  { label: "JSON Feed", path: JSON_FEED_PATH, mediaType: "application/feed+json" },
];
