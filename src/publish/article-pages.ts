import type { Article } from "../model/article.ts";
import { wholeSeconds } from "../model/time.ts";
import type { NeighbourLink } from "../render/pages/article-neighbours.ts";
import type { ArticlePageTask } from "./article-shard.ts";
import type { ModifiedTimes } from "./modified-times.ts";

/** An article with the articles next to it in the site's order (newest first). */
export interface PlacedArticle {
  readonly article: Article;
  readonly newer?: Article;
  readonly older?: Article;
}

/** Each article by id with its neighbours, from the articles newest first, scheduled ones included. */
export function placeArticles(newestFirst: readonly Article[]): Map<string, PlacedArticle> {
  return new Map(
    newestFirst.map((article, i) => {
      const newer = newestFirst[i - 1];
      const older = newestFirst[i + 1];
      return [article.id, { article, ...(newer ? { newer } : {}), ...(older ? { older } : {}) }];
    }),
  );
}

/**
 * When the page must also be served without its link to the newer article: from its own
 * publication until the newer one's, if that is later than both the article and `from` (no
 * request comes before `from`). Undefined when the full page is all that is ever served.
 */
export function newerHiddenUntil({ article, newer }: PlacedArticle, from: number): number | undefined {
  const at = newer?.published.epochMs;
  return at !== undefined && at > article.published.epochMs && at > from ? at : undefined;
}

/**
 * What an article's page is rendered from, for the incremental build's key: the article, the
 * Last-Modified of both versions, the neighbours' links and when the newer one's link appears.
 */
export function articlePageSources(placed: PlacedArticle, times: ModifiedTimes, from: number): unknown {
  const { article, newer, older } = placed;
  const modified = [lastModifiedOf(placed, times), earlierModifiedOf(placed, times)];
  return [article, modified, newer && linkOf(newer), older && linkOf(older), newerHiddenUntil(placed, from)];
}

/**
 * What the page's shard body is rendered from, decided here so that the rendering
 * (src/publish/article-shard.ts) needs nothing but this plain data and may run in a worker: the
 * neighbours' links, the Last-Modified of the full page, and before a scheduled newer article's
 * instant the version without that link, with its own Last-Modified. `file` is the page's
 * address when the asset server answers it alone.
 */
export function articlePageTask(
  placed: PlacedArticle,
  times: ModifiedTimes,
  from: number,
  file?: string,
): ArticlePageTask {
  const { article, newer, older } = placed;
  const untilMs = newerHiddenUntil(placed, from);
  return {
    article,
    ...(newer ? { newer: linkOf(newer) } : {}),
    ...(older ? { older: linkOf(older) } : {}),
    lastModifiedMs: wholeSeconds(lastModifiedOf(placed, times)),
    ...(untilMs === undefined
      ? {}
      : { earlier: { untilMs, lastModifiedMs: wholeSeconds(earlierModifiedOf(placed, times)) } }),
    ...(file === undefined ? {} : { file }),
  };
}

function lastModifiedOf({ article, newer, older }: PlacedArticle, times: ModifiedTimes): number {
  return times.articlePage(
    article,
    [newer, older].filter((n) => n !== undefined),
  );
}

/** The page without the newer link changes with the article and the older one only. */
function earlierModifiedOf({ article, older }: PlacedArticle, times: ModifiedTimes): number {
  return times.articlePage(article, older ? [older] : []);
}

function linkOf(article: Article): NeighbourLink {
  return { id: article.id, slug: article.slug, title: article.title };
}
