import type { Article } from "../model/article.ts";
import type { FeedDocument } from "../render/feed-document.ts";
import { renderFeedPreviewPage } from "../render/feed-preview-page.ts";
import { FEED_FORMATS, feedPathIn } from "../render/formats.ts";
import { renderFeed } from "../render/render-feed.ts";
import type { PublishContext } from "./publish-context.ts";

const HTML = "text/html; charset=utf-8";

/** File indexes by path: what a state serves at each path, and each feed path's browser preview. */
export interface PathFiles {
  readonly routes: Record<string, number>;
  readonly previews: Record<string, number>;
}

/**
 * A feed in every format under `folder` ("" for the site's, "/tags/energy" for a topic's), each
 * with the preview page a browser gets at its address. Both change whenever the feed does: any
 * publication among `published`, or an edit to an article it shows.
 */
export async function publishFeed(
  { site, store, times }: PublishContext,
  folder: string,
  feed: FeedDocument,
  published: readonly Article[],
): Promise<PathFiles> {
  const files: PathFiles = { routes: {}, previews: {} };
  const modified = times.list(published, feed.entries);
  for (const format of FEED_FORMATS) {
    const path = feedPathIn(folder, format);
    const type = `${format.mediaType}; charset=utf-8`;
    files.routes[path] = await store.add(renderFeed(format, site, feed), type, modified, "feed");
    files.previews[path] = await store.add(renderFeedPreviewPage(site, format, feed), HTML, modified, "feed");
  }
  return files;
}
