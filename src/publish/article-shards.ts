import type { Article } from "../model/article.ts";
import { articlePath } from "../model/paths.ts";
import { articleShardPath } from "../model/shard-file.ts";
import type { ArticleContext } from "../render/pages/article-page.ts";
import { articlePageSources, articlePageTask, newerHiddenUntil, type PlacedArticle } from "./article-pages.ts";
import type { ArticleShardTask, RenderedArticleShard } from "./article-shard.ts";
import { InFlightLimit } from "./in-flight-limit.ts";
import type { PublishContext } from "./publish-context.ts";
import type { ShardOutput } from "./shard-output.ts";

/** Shards rendering at once: enough to keep every worker busy, few enough to bound memory. */
const MAX_IN_FLIGHT = 16;

export interface ArticleShardsInput {
  /** Each article by id with its neighbours (placeArticles). */
  readonly placed: ReadonlyMap<string, PlacedArticle>;
  /** The ids whose pages are files of their own (pagesServedAlone): their shard only indexes them. */
  readonly alone: ReadonlySet<string>;
  /** Where the shards and the pages of their own go. */
  readonly output: ShardOutput<ArticleShardTask, RenderedArticleShard>;
  /** Called now and then with how many article pages are rendered or found written. */
  readonly onProgress?: (rendered: number) => void;
}

export interface PublishedArticleShards {
  /** Each shard's path and the hash of what it is rendered from, written or not. */
  readonly shardKeys: Map<string, string>;
  /** Each page that is a file of its own, with its shard's source key. */
  readonly pageKeys: Map<string, string>;
  readonly rendered: number;
}

/**
 * The pages of every article, scheduled ones included (the Worker serves none before its
 * instant), in shards by the first digits of their ids, and the pages that are files of their
 * own. Each page links its neighbours, so adding an article rewrites its shard and its older
 * neighbour's. A shard whose sources are unchanged since the last build is not rendered again;
 * the others render a few at a time through `render` (in worker threads, when the build gives
 * them) and are written as they come.
 */
export async function publishArticleShards(
  context: PublishContext,
  input: ArticleShardsInput,
): Promise<PublishedArticleShards> {
  const { site, times, from } = context;
  const { placed, alone, output } = input;
  const pageContext: ArticleContext = { authorPages: context.hasAuthorPages };
  const shardKeys = new Map<string, string>();
  const pageKeys = new Map<string, string>();
  const rendering = new InFlightLimit(MAX_IN_FLIGHT);
  let counted = 0;
  let rendered = 0;
  for (const [path, articles] of shardGroups(placed)) {
    const sourceKey = await shardSourceKey(context, pageContext, alone, articles);
    shardKeys.set(path, sourceKey);
    const pagePaths = articles
      .filter(({ article }) => alone.has(article.id))
      .map(({ article }) => articlePath(article));
    for (const page of pagePaths) pageKeys.set(page, sourceKey);
    counted += articles.length;
    const written = (file: string) => output.alreadyWritten?.(file, sourceKey) ?? false;
    if (written(path) && pagePaths.every(written)) continue;
    const task: ArticleShardTask = {
      site,
      context: pageContext,
      pages: articles.map((page) =>
        articlePageTask(page, times, from, alone.has(page.article.id) ? articlePath(page.article) : undefined),
      ),
    };
    const progress = counted;
    await rendering.start(async () => {
      const { shard, pages } = await output.render(task);
      await output.write(path, shard);
      for (const [page, body] of pages) await output.write(page, body);
      rendered++;
      input.onProgress?.(progress);
    });
  }
  await rendering.settle();
  return { shardKeys, pageKeys, rendered };
}

/** How many article shards the articles fill: one per id prefix in use. */
export function countArticleShards(placed: ReadonlyMap<string, PlacedArticle>): number {
  return new Set([...placed.keys()].map(articleShardPath)).size;
}

/**
 * The ids of the articles whose pages the asset server answers alone: published by `from`, with
 * one version for the whole deployment (no scheduled newer neighbour, whose publication would
 * add a link), newest first, at most `budget` of them.
 */
export function pagesServedAlone(
  placed: ReadonlyMap<string, PlacedArticle>,
  newestFirst: readonly Article[],
  from: number,
  budget: number,
): Set<string> {
  const ids = new Set<string>();
  for (const article of newestFirst) {
    if (ids.size >= budget) break;
    const page = placed.get(article.id);
    if (page && article.published.epochMs <= from && newerHiddenUntil(page, from) === undefined) ids.add(article.id);
  }
  return ids;
}

/** The articles by shard, in path order, each shard's in id order. */
function shardGroups(placed: ReadonlyMap<string, PlacedArticle>): Map<string, PlacedArticle[]> {
  const byId = [...placed.values()].toSorted((a, b) => (a.article.id < b.article.id ? -1 : 1));
  return Map.groupBy(byId, (page) => articleShardPath(page.article.id));
}

/**
 * A hash of everything an article shard is rendered from: the site, the templates' revision
 * (any change to src/ moves it), each article with its revision and its neighbours' links
 * (src/publish/article-pages.ts), and which pages are files of their own. Equal keys, equal bytes.
 */
function shardSourceKey(
  { site, times, from, store }: PublishContext,
  pageContext: ArticleContext,
  alone: ReadonlySet<string>,
  articles: readonly PlacedArticle[],
): Promise<string> {
  return store.sourceKeyOf([
    site,
    pageContext,
    times.templatesRevisedAt,
    articles.map((a) => articlePageSources(a, times, from)),
    articles.filter(({ article }) => alone.has(article.id)).map(({ article }) => article.id),
  ]);
}
