import type { Article, PublishedTime, Topic, TopicKind } from "../model/article.ts";
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

/** RFC 3339 in the site's offset: "2025-02-24T01:27:00Z", "2025-06-01T09:30:00+03:00". */
export function toRfc3339(time: PublishedTime): string {
  const local = new Date(time.epochMs + time.offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (time.offsetMinutes === 0) return `${local}Z`;
  const sign = time.offsetMinutes > 0 ? "+" : "-";
  const minutes = Math.abs(time.offsetMinutes);
  return `${local}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
