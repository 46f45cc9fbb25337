import type { Article, Topic, TopicKind } from "../model/article.ts";
import type { Site } from "../model/site.ts";

export function homeUrl(site: Site): string {
  return `${site.baseUrl}/`;
}

/**
 * The one canonical path of an article: /articles/<id>/<slug>, or /articles/<id> when the
 * title gives no slug. The id finds the article; the slug is only for people reading the
 * address, so a new title changes it and the old address still leads here (docs/urls.md).
 */
export function articlePath(article: Pick<Article, "id" | "slug">): string {
  return article.slug === "" ? `/articles/${article.id}` : `/articles/${article.id}/${article.slug}`;
}

export function absoluteUrl(site: Site, path: string): string {
  return `${site.baseUrl}${path}`;
}

export function articleUrl(site: Site, article: Pick<Article, "id" | "slug">): string {
  return absoluteUrl(site, articlePath(article));
}

/** The page listing every topic of a kind: "/tags", "/authors". */
export function topicsPath(kind: TopicKind): string {
  return `/${kind}`;
}

/** The page listing every feed of the site, the site's and each topic's, with the address to copy. */
export const FEEDS_PATH = "/feeds";

/** The same list as an OPML 2.0 subscription list, which a reader imports in one go. */
export const OPML_PATH = "/feeds.opml";

/** A topic's page, and the folder of its feeds and archive pages: "/tags/energy". */
export function topicPath(kind: TopicKind, topic: Pick<Topic, "slug">): string {
  return `/${kind}/${topic.slug}`;
}

/** RFC 4151 tag URI: a permanent Atom id that survives a change of domain or slug. */
export function tagUri(site: Site, article: Pick<Article, "id">): string {
  return `tag:${site.tagAuthority}:${article.id}`;
}

/**
 * The id of one of the site's feeds, a tag: URI like its entries' ids, so it too survives a
 * move to another domain (RFC 4287 §4.2.6: an id never changes). `path` tells the feeds apart.
 */
export function feedTagUri(site: Site, path: string): string {
  return `tag:${site.tagAuthority}:${path}`;
}
