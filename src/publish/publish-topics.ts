import type { Article, TopicKind } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { archivePagePath, countArchivePages } from "../render/archive-pages.ts";
import { feedEntries, topicFeed } from "../render/feed-document.ts";
import { renderFeedPreviewPage } from "../render/feed-preview-page.ts";
import { FEED_FORMATS, feedPathIn } from "../render/formats.ts";
import { absoluteUrl, topicPath, topicsPath } from "../render/links.ts";
import { renderFeed } from "../render/render-feed.ts";
import type { SitemapEntry } from "../render/sitemap.ts";
import { renderTopicPage, renderTopicsIndexPage } from "../render/topic-pages.ts";
import type { TopicGroup } from "../render/topics.ts";
import type { AssetStore } from "./asset-store.ts";
import type { ModifiedTimes } from "./modified-times.ts";

const HTML = "text/html; charset=utf-8";

/** What one publication state serves for its topics, to add to the state's own. */
export interface PublishedTopics {
  readonly routes: Record<string, number>;
  readonly previews: Record<string, number>;
  /** The topic pages, for the sitemap. */
  readonly pages: SitemapEntry[];
}

/**
 * A topic's files, by its path and article count: publishing only ever adds a newer article, so
 * a topic with as many articles as in an earlier state is unchanged and is not rendered again.
 */
export type TopicCache = Map<string, PublishedTopics>;

/**
 * Every page and feed of the topics of `kind` in one publication state: the index of the kind,
 * and per topic its page, its archive pages, its feeds and their browser previews.
 */
export async function publishTopics(
  site: Site,
  kind: TopicKind,
  published: readonly Article[],
  groups: readonly TopicGroup[],
  store: AssetStore,
  times: ModifiedTimes,
  cache: TopicCache,
): Promise<PublishedTopics> {
  const result: PublishedTopics = { routes: {}, previews: {}, pages: [] };
  const listed = groups.flatMap((group) => group.articles);
  const indexModified = times.list(published, listed);
  const indexPath = topicsPath(kind);
  result.routes[indexPath] = await store.add(renderTopicsIndexPage(site, kind, groups), HTML, indexModified, "index");
  result.pages.push({ url: absoluteUrl(site, indexPath), modifiedMs: indexModified });
  for (const group of groups) {
    const key = `${topicPath(kind, group.topic)}#${group.articles.length}`;
    let topic = cache.get(key);
    if (topic === undefined) {
      topic = await publishTopic(site, group, store, times);
      cache.set(key, topic);
    }
    Object.assign(result.routes, topic.routes);
    Object.assign(result.previews, topic.previews);
    result.pages.push(...topic.pages);
  }
  return result;
}

async function publishTopic(site: Site, group: TopicGroup, store: AssetStore, times: ModifiedTimes) {
  const folder = topicPath(group.kind, group.topic);
  const topic: PublishedTopics = { routes: {}, previews: {}, pages: [] };
  const feed = topicFeed(site, group);
  const feedModified = times.list(group.articles, feed.entries);
  for (const format of FEED_FORMATS) {
    const path = feedPathIn(folder, format);
    const type = `${format.mediaType}; charset=utf-8`;
    topic.routes[path] = await store.add(renderFeed(format, site, feed), type, feedModified, "feed");
    topic.previews[path] = await store.add(renderFeedPreviewPage(site, format, feed), HTML, feedModified, "feed");
  }
  const pageModified = times.list(group.articles, feedEntries(site, group.articles));
  topic.routes[folder] = await store.add(renderTopicPage(site, group), HTML, pageModified, "index");
  topic.pages.push({ url: absoluteUrl(site, folder), modifiedMs: pageModified });
  const pages = countArchivePages(site, group.articles.length);
  for (let page = 1; page <= pages; page++) {
    const path = archivePagePath(page, folder);
    // Like the site's archive pages, a full page changes only when the next one opens.
    const modified = times.archivePage(group.articles, page);
    topic.routes[path] = await store.add(renderTopicPage(site, group, page), HTML, modified, "index");
    topic.pages.push({ url: absoluteUrl(site, path), modifiedMs: modified });
  }
  return topic;
}
