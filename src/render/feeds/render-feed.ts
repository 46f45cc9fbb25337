import type { FeedDocument } from "../../model/feed-document.ts";
import { ATOM_PATH, type FeedFormat, JSON_FEED_PATH, RSS_PATH } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { renderAtom } from "./atom.ts";
import { renderJsonFeed } from "./json-feed.ts";
import { renderRss } from "./rss.ts";

const RENDERERS: Readonly<Record<string, (site: Site, document: FeedDocument) => string>> = {
  [RSS_PATH]: renderRss,
  [ATOM_PATH]: renderAtom,
  [JSON_FEED_PATH]: renderJsonFeed,
};

/** A feed document in one of FEED_FORMATS. */
export function renderFeed(format: FeedFormat, site: Site, document: FeedDocument): string {
  const render = RENDERERS[format.path];
  if (!render) throw new Error(`no renderer for the feed at ${format.path}`);
  return render(site, document);
}
