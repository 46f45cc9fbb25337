import type { Article, TopicKind } from "../model/article.ts";
import { countListPages, newestEntries } from "../model/list-pages.ts";
import { HTML_CONTENT_TYPE, listPagePath, topicPath, topicsPath } from "../model/paths.ts";
import { topicFeed } from "../model/subscription-feeds.ts";
import type { TopicGroup } from "../model/topics.ts";
import { absoluteUrl } from "../render/links.ts";
import { renderTopicPage, renderTopicsIndexPage } from "../render/pages/topic-pages.ts";
import type { PublishContext } from "./publish-context.ts";
import { publishFeed } from "./publish-feed.ts";
import type { PublishedTopics } from "./topic-cache.ts";

/**
 * Every page and feed of the topics of `kind` in one publication state: the index of the kind,
 * and per topic its page, its list pages, its feeds and their browser previews.
 */
export async function publishTopics(
  context: PublishContext,
  kind: TopicKind,
  published: readonly Article[],
  groups: readonly TopicGroup[],
): Promise<PublishedTopics> {
  const { site, store, times, topicCache } = context;
  const result: PublishedTopics = { routes: {}, previews: {}, topicPages: {}, pages: [] };
  const listed = groups.flatMap((group) => group.articles);
  const indexModified = times.list(published, listed);
  const indexPath = topicsPath(kind);
  result.routes[indexPath] = await store.add(
    renderTopicsIndexPage(site, kind, groups),
    HTML_CONTENT_TYPE,
    indexModified,
    "index",
  );
  result.pages.push({ url: absoluteUrl(site, indexPath), modifiedMs: indexModified });
  for (const group of groups) {
    const key = `${topicPath(kind, group.topic)}#${group.articles.length}`;
    let topic = topicCache.get(key);
    if (topic === undefined) {
      topic = await publishTopic(context, group);
      topicCache.set(key, topic);
    }
    Object.assign(result.routes, topic.routes);
    Object.assign(result.previews, topic.previews);
    Object.assign(result.topicPages, topic.topicPages);
    // One by one: a topic of 150,000 articles and itemsPerFeed 1 has as many pages, too many arguments for a call.
    for (const page of topic.pages) result.pages.push(page);
  }
  return result;
}

async function publishTopic(context: PublishContext, group: TopicGroup): Promise<PublishedTopics> {
  const { site, store, times } = context;
  const folder = topicPath(group.kind, group.topic);
  const feeds = await publishFeed(context, folder, topicFeed(site, group), group.articles);
  const topic: PublishedTopics = { ...feeds, topicPages: {}, pages: [] };
  const pageModified = times.list(group.articles, newestEntries(site, group.articles));
  topic.routes[folder] = await store.add(renderTopicPage(site, group), HTML_CONTENT_TYPE, pageModified, "index");
  topic.pages.push({ url: absoluteUrl(site, folder), modifiedMs: pageModified });
  const pages = countListPages(site, group.articles.length);
  topic.topicPages[folder] = pages;
  for (let page = 1; page <= pages; page++) {
    // Like the site's list pages, a full page changes only when the next one opens.
    const modified = times.listPage(group.articles, page);
    topic.pages.push({ url: absoluteUrl(site, listPagePath(page, folder)), modifiedMs: modified });
  }
  // Only the last page changes with publication; the others are in topic page shards.
  const last = listPagePath(pages, folder);
  const lastModified = times.listPage(group.articles, pages);
  topic.routes[last] = await store.add(renderTopicPage(site, group, pages), HTML_CONTENT_TYPE, lastModified, "index");
  return topic;
}
