import type { Article } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { ATOM_PATH, renderAtom } from "./atom.ts";
import { JSON_FEED_PATH, renderJsonFeed } from "./json-feed.ts";
import { RSS_PATH, renderRss } from "./rss.ts";

/** A feed format is data (as in Hugo's output formats): adding one is one row here. */
export interface FeedFormat {
  readonly label: string;
  readonly path: string;
  /** Without parameters; responses add "; charset=utf-8". */
  readonly mediaType: string;
  readonly render: (site: Site, published: readonly Article[]) => string;
}

export const FEED_FORMATS: readonly FeedFormat[] = [
  { label: "RSS", path: RSS_PATH, mediaType: "application/rss+xml", render: renderRss },
  { label: "Atom", path: ATOM_PATH, mediaType: "application/atom+xml", render: renderAtom },
  { label: "JSON Feed", path: JSON_FEED_PATH, mediaType: "application/feed+json", render: renderJsonFeed },
];
