import type { Article } from "../model/article.ts";
import type { FeedDocument } from "../model/feed-document.ts";
import { FEED_FORMATS, feedPathIn, HTML_CONTENT_TYPE } from "../model/paths.ts";
import { renderFeed } from "../render/feeds/render-feed.ts";
import { renderFeedPreviewPage } from "../render/pages/feed-preview-page.ts";
import type { PathFiles } from "./path-files.ts";
import type { PublishContext } from "./publish-context.ts";

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
    files.routes[path] = await store.add(renderFeed(format, site, feed), format.contentType, modified, "feed");
    files.previews[path] = await store.add(
      renderFeedPreviewPage(site, format, feed),
      HTML_CONTENT_TYPE,
      modified,
      "feed",
    );
  }
  return files;
}
