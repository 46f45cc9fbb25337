import type { Article, TopicKind } from "../model/article.ts";
import { countCompletePages, countListPages, newestEntries } from "../model/list-pages.ts";
import { listedFeeds } from "../model/listed-feeds.ts";
import { FEEDS_PATH, HTML_CONTENT_TYPE, listPagePath, OPML_CONTENT_TYPE, OPML_PATH } from "../model/paths.ts";
import { EARLIEST, type PublicationState } from "../model/site-manifest.ts";
import { siteFeed } from "../model/subscription-feeds.ts";
import { authorGroups, type TopicGroup, tagGroups } from "../model/topics.ts";
import { renderOpml } from "../render/feeds/opml.ts";
import { absoluteUrl, homeUrl } from "../render/links.ts";
import { renderFeedsPage } from "../render/pages/feeds-page.ts";
import { renderIndexPage, renderListPage } from "../render/pages/index-page.ts";
import type { SitemapEntry } from "../render/site-files/sitemap.ts";
import { countScheduled } from "./publication.ts";
import type { PublishContext } from "./publish-context.ts";
import { publishFeed } from "./publish-feed.ts";
import type { ScheduledMedia } from "./publish-fixed-files.ts";
import { publishSitemaps } from "./publish-sitemaps.ts";
import { publishTopics } from "./publish-topics.ts";

/**
 * One publication state per instant from `from` onwards: the state in force at `from`, then one
 * per later publication instant, each with what changes when an article is published, and
 * the images first shown by then (`scheduledMedia`).
 */
export async function publishStates(
  context: PublishContext,
  scheduledMedia: readonly ScheduledMedia[],
): Promise<PublicationState[]> {
  const { all, from } = context;
  const states: PublicationState[] = [];
  for (const [begins, scheduled] of stateStarts(all, from)) {
    const state = await publishState(context, begins, all.slice(scheduled));
    const shown = scheduledMedia.filter(({ file }) => file.firstShownMs <= begins);
    const media = Object.fromEntries(shown.map(({ file, index }) => [file.path, index]));
    states.push(shown.length === 0 ? state : { ...state, routes: { ...state.routes, ...media } });
  }
  return states;
}

/** Each state's first instant and how many articles are still scheduled then. */
function stateStarts(newestFirst: readonly Article[], from: number): [number, number][] {
  const starts: [number, number][] = [[EARLIEST, countScheduled(newestFirst, from)]];
  const instants = new Set(newestFirst.map((a) => a.published.epochMs).filter((at) => at > from));
  for (const at of [...instants].sort((a, b) => a - b)) starts.push([at, countScheduled(newestFirst, at)]);
  return starts;
}

/**
 * Everything that changes when an article is published, for one set of published articles:
 * the site's feeds and their previews, /, the newest list page, the topics, the list of every
 * feed and the sitemaps.
 */
async function publishState(
  context: PublishContext,
  begins: number,
  published: readonly Article[],
): Promise<PublicationState> {
  const { site, all, store, times } = context;
  const { routes, previews } = await publishFeed(context, "", siteFeed(site, published), published);
  // A kind's index (/tags, /authors) and its link on / appear once a published article has such
  // a topic: counting scheduled ones would show an empty index, or a tag list, before its time.
  const groupsOf: Record<TopicKind, readonly TopicGroup[]> = {
    tags: tagGroups(published),
    authors: authorGroups(site, all, published),
  };
  const topicKinds = (["tags", "authors"] as const).filter((kind) => groupsOf[kind].length > 0);
  const homeModified = times.list(published, newestEntries(site, published));
  routes["/"] = await store.add(renderIndexPage(site, published, topicKinds), HTML_CONTENT_TYPE, homeModified, "index");
  const pageCount = countListPages(site, published.length);
  if (pageCount > 0) {
    const page = renderListPage(site, published, pageCount);
    const modified = times.listPage(published, pageCount);
    routes[listPagePath(pageCount)] = await store.add(page, HTML_CONTENT_TYPE, modified, "index");
  }

  const sitemapPages: SitemapEntry[] = [
    { url: homeUrl(site), modifiedMs: homeModified },
    ...Array.from({ length: pageCount }, (_, i) => ({
      url: absoluteUrl(site, listPagePath(i + 1)),
      modifiedMs: times.listPage(published, i + 1),
    })),
  ];
  const topicPages: Record<string, number> = {};
  for (const kind of topicKinds) {
    const topicFiles = await publishTopics(context, kind, published, groupsOf[kind]);
    Object.assign(routes, topicFiles.routes);
    Object.assign(previews, topicFiles.previews);
    Object.assign(topicPages, topicFiles.topicPages);
    // One by one: a site's topic pages can outnumber the arguments a call takes.
    for (const page of topicFiles.pages) sitemapPages.push(page);
  }
  // Every feed of this state, as a page and as OPML: they change only when a topic appears.
  const listedGroups = topicKinds.flatMap((kind) => groupsOf[kind]);
  const feeds = listedFeeds(site, listedGroups);
  const firstOfEachTopic = listedGroups.flatMap((group) => group.articles.slice(-1));
  const feedsModified = times.feedList(published, firstOfEachTopic);
  routes[FEEDS_PATH] = await store.add(renderFeedsPage(site, feeds), HTML_CONTENT_TYPE, feedsModified, "index");
  routes[OPML_PATH] = await store.add(
    renderOpml(site, feeds, feedsModified),
    OPML_CONTENT_TYPE,
    feedsModified,
    "index",
  );
  sitemapPages.push({ url: absoluteUrl(site, FEEDS_PATH), modifiedMs: feedsModified });
  Object.assign(routes, await publishSitemaps(context, published, sitemapPages));
  return {
    from: begins,
    pageCount,
    completePages: countCompletePages(site, published.length),
    routes,
    previews,
    ...(topicKinds.length > 0 ? { topicPages } : {}),
  };
}
