import type { Article, ArticleImage } from "../model/article.ts";
import { LISTED_FORMAT } from "../model/listed-feeds.ts";
import { articlePath, feedPathIn, isServedImage } from "../model/paths.ts";
import type { Site } from "../model/site.ts";

export function homeUrl(site: Site): string {
  return `${site.baseUrl}/`;
}

export function absoluteUrl(site: Site, path: string): string {
  return `${site.baseUrl}${path}`;
}

/** The address a reader subscribes to for the feeds in `folder` ("" for the site's): the listed format's. */
export function subscribeUrl(site: Site, folder: string): string {
  return absoluteUrl(site, feedPathIn(folder, LISTED_FORMAT));
}

export function articleUrl(site: Site, article: Pick<Article, "id" | "slug">): string {
  return absoluteUrl(site, articlePath(article));
}

/** The image's absolute URL, as every feed and every page's metadata gives it. */
export function imageUrl(site: Site, image: ArticleImage): string {
  return isServedImage(image) ? absoluteUrl(site, image.url) : image.url;
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
