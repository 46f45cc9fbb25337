import type { Article } from "../model/article.ts";
import type { ShardBody } from "../model/shard-file.ts";
import type { Site } from "../model/site.ts";
import type { NeighbourLink } from "../render/article-neighbours.ts";
import { type ArticleContext, renderArticlePage } from "../render/article-page.ts";
import type { AssetStore } from "./asset-store.ts";
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
  return [article, modified, linkOf(newer), linkOf(older), newerHiddenUntil(placed, from)];
}

/**
 * The page's shard body: the full page (both links), and before a scheduled newer article's
 * instant the page without that link, with its own ETag and Last-Modified.
 */
export async function articlePageBody(
  site: Site,
  context: ArticleContext,
  placed: PlacedArticle,
  times: ModifiedTimes,
  store: AssetStore,
  from: number,
): Promise<ShardBody> {
  const { article, newer, older } = placed;
  const body = encode(renderArticlePage(site, article, { ...context, newer: linkOf(newer), older: linkOf(older) }));
  const entry: ShardBody = {
    key: article.id,
    slug: article.slug,
    publishedMs: article.published.epochMs,
    body,
    etag: await store.etagOf(body),
    lastModifiedMs: wholeSeconds(lastModifiedOf(placed, times)),
  };
  const untilMs = newerHiddenUntil(placed, from);
  if (untilMs === undefined) return entry;
  const earlier = encode(renderArticlePage(site, article, { ...context, older: linkOf(older) }));
  return {
    ...entry,
    earlier: {
      untilMs,
      body: earlier,
      etag: await store.etagOf(earlier),
      lastModifiedMs: wholeSeconds(earlierModifiedOf(placed, times)),
    },
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

function linkOf(article: Article | undefined): NeighbourLink | undefined {
  return article && { id: article.id, slug: article.slug, title: article.title };
}

function encode(page: string): Uint8Array {
  return new TextEncoder().encode(page);
}

function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
