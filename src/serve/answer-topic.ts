import { FEED_FORMATS } from "../model/paths.ts";
import { answer } from "./answer.ts";
import { answerFeed } from "./answer-feed.ts";
import { findListPage } from "./find-list-page.ts";
import { rawPathOf } from "./raw-path.ts";
import type { ServedSite } from "./served-site.ts";

/** Under /tags/ or /authors/, <kind>/<slug>/page/<n>: the folder and the number as sent. */
const TOPIC_PAGE = /^(\/[^/]+\/[^/]+)\/page\/([^/]+)$/;

/**
 * A tag's or an author's pages and feeds, by the path as sent: exact paths of the state in
 * force (they change with publication), each feed with its browser preview like the site's,
 * and its list pages paged like the site's in the topic's own shards.
 */
export function answerTopic(site: ServedSite, request: Request): Promise<Response> {
  const path = rawPathOf(request.url);
  const page = TOPIC_PAGE.exec(path);
  if (page) return answer(site, request, (state) => findListPage(site, state, page[1] ?? "", page[2] ?? ""));
  const format = FEED_FORMATS.find((f) => path.endsWith(`/${f.file}`));
  if (format) return answerFeed(site, request, path, format.mediaType);
  return answer(site, request, (state) => site.files.resourceOf(state, path));
}
