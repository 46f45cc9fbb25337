import { subscriptionPaging } from "./archive-feeds.ts";
import type { Article } from "./article.ts";
import type { FeedDocument } from "./feed-document.ts";
import { newestEntries } from "./list-pages.ts";
import { topicPath } from "./paths.ts";
import type { Site } from "./site.ts";
import { type TopicGroup, topicDescription, topicTitle } from "./topics.ts";

/** The site's subscription feed: the newest `itemsPerFeed` of the published articles. */
export function siteFeed(site: Site, published: readonly Article[]): FeedDocument {
  return {
    title: site.title,
    description: site.description,
    pagePath: "/",
    folder: "",
    entries: newestEntries(site, published),
    ...subscriptionPaging(site, published.length),
  };
}

/** A tag's or an author's feed: its newest `itemsPerFeed` published articles, beside its page. */
export function topicFeed(site: Site, group: TopicGroup): FeedDocument {
  const folder = topicPath(group.kind, group.topic);
  return {
    title: topicTitle(site, group),
    description: topicDescription(site, group),
    pagePath: folder,
    folder,
    entries: newestEntries(site, group.articles),
  };
}
