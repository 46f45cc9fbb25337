import type { Article } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { renderAtom } from "./atom.ts";
import { renderJsonFeed } from "./json-feed.ts";
import { renderRss } from "./rss.ts";

/** A feed format is data (as in Hugo's output formats): adding one is one row here. */
export interface FeedFormat {
  readonly label: string;
  readonly path: string;
  /** Without parameters; responses add "; charset=utf-8". */
  readonly mediaType: string;
  readonly render: (site: Site, published: readonly Article[]) => string;
}

export const FEED_FORMATS: readonly FeedFormat[] = [
  { label: "RSS", path: "/rss.xml", mediaType: "application/rss+xml", render: renderRss },
  { label: "Atom", path: "/atom.xml", mediaType: "application/atom+xml", render: renderAtom },
  { label: "JSON Feed", path: "/feed.json", mediaType: "application/feed+json", render: renderJsonFeed },
];
