import type { Article, PublishedTime } from "./article.ts";

/**
 * When an article last changed for its readers: its correction (`updated`) when it has one,
 * its publication otherwise. Atom's entry `<updated>` (RFC 4287 §4.2.15), JSON Feed's
 * `date_modified` and schema.org's `dateModified` all mean this.
 */
export function lastUpdate(article: Pick<Article, "published" | "updated">): PublishedTime {
  return article.updated ?? article.published;
}

/** Whether the article was corrected after it was published: only then is "Updated" shown. */
export function wasCorrected(article: Pick<Article, "published" | "updated">): boolean {
  return article.updated !== undefined && article.updated.epochMs > article.published.epochMs;
}
