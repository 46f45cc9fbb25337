// What each feed document must carry, from the source files alone: a feed's folder names its
// scope (the site, a topic, an author) and, for an archive document, its page (docs/urls.md).

import type { Article } from "../../src/model/article.ts";
import { slugify } from "../../src/model/slugify.ts";
import type { Corpus } from "./load-corpus.ts";

/** A set of articles with its own feeds: the site's, a topic's (/tags/x) or an author's (/authors/x). */
export interface FeedScope {
  /** "" for the site, "/tags/<slug>" or "/authors/<slug>". */
  readonly folder: string;
  /** Its published articles, newest first. */
  readonly articles: readonly Article[];
}

/** Whose an article is: its Author:, else the site's author. */
export function authorOf(corpus: Corpus, article: Article): string {
  return article.author ?? corpus.site.author;
}

/**
 * Every scope that must have feeds: the site; each topic of a published article; and, when the
 * articles (scheduled ones included) have more than one author, each author of a published one.
 */
export function expectedScopes(corpus: Corpus): FeedScope[] {
  const scopes: FeedScope[] = [{ folder: "", articles: corpus.published }];
  const topics = new Set(corpus.published.flatMap((article) => (article.tags ?? []).map((tag) => tag.slug)));
  for (const slug of topics) scopes.push(scopeOf(corpus, `/tags/${slug}`));
  const everyone = [...corpus.published, ...corpus.scheduled];
  if (new Set(everyone.map((article) => slugify(authorOf(corpus, article)))).size > 1) {
    const authors = new Set(corpus.published.map((article) => slugify(authorOf(corpus, article))));
    for (const slug of authors) scopes.push(scopeOf(corpus, `/authors/${slug}`));
  }
  return scopes;
}

function scopeOf(corpus: Corpus, folder: string): FeedScope {
  const [, section, slug] = folder.split("/");
  const articles = corpus.published.filter((article) =>
    section === "tags"
      ? (article.tags ?? []).some((tag) => tag.slug === slug)
      : section === "authors"
        ? slugify(authorOf(corpus, article)) === slug
        : true,
  );
  return { folder, articles };
}

const FEED_PATH = /^(?<scope>(?:\/(?:tags|authors)\/[a-z0-9]+(?:-[a-z0-9]+)*)?)(?:\/page\/(?<page>[1-9]\d*))?\/[^/]+$/;

/**
 * The articles the feed document at `path` must carry, newest first: a subscription feed the
 * newest `itemsPerFeed` of its scope; the archive document of page k (numbered from the
 * oldest, `itemsPerFeed` a page, RFC 5005 §4) exactly the articles of that page. A string says
 * why the path is no feed document of this corpus.
 */
export function expectedEntries(
  corpus: Corpus,
  path: string,
): { scope: FeedScope; entries: readonly Article[] } | string {
  const match = FEED_PATH.exec(path);
  if (!match) return `${path} is in no folder a feed document lives in (/, /tags/<slug>, /authors/<slug>, …/page/<k>)`;
  const scope = scopeOf(corpus, match.groups?.scope ?? "");
  if (scope.articles.length === 0) return `${path}: no published article belongs to ${scope.folder}`;
  const size = corpus.site.itemsPerFeed;
  const page = match.groups?.page;
  if (page === undefined) return { scope, entries: scope.articles.slice(0, size) };
  const count = scope.articles.length;
  const k = Number(page);
  if (k * size > count) return `${path}: page ${k} of ${scope.folder || "/"} is not complete (${count} articles)`;
  return { scope, entries: scope.articles.slice(count - k * size, count - (k - 1) * size) };
}
