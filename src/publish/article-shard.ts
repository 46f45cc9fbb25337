import type { Article } from "../model/article.ts";
import { type GzipBody, packShard, type ShardBody } from "../model/shard-file.ts";
import type { Site } from "../model/site.ts";
import type { NeighbourLink } from "../render/pages/article-neighbours.ts";
import { type ArticleContext, renderArticlePage } from "../render/pages/article-page.ts";
import type { Gzip } from "./asset-store.ts";

/** One article page to render, as src/publish/article-pages.ts decided it: plain data. */
export interface ArticlePageTask {
  readonly article: Article;
  readonly newer?: NeighbourLink;
  readonly older?: NeighbourLink;
  /** Of the full page, whole seconds. */
  readonly lastModifiedMs: number;
  /** The version without the newer link, served until `untilMs`. */
  readonly earlier?: { readonly untilMs: number; readonly lastModifiedMs: number };
  /** The page's address when it is a file of its own, which the shard only indexes. */
  readonly file?: string;
}

/** The pages of the articles whose ids share a shard. Plain data, so a worker thread can take it. */
export interface ArticleShardTask {
  readonly site: Site;
  readonly context: ArticleContext;
  readonly pages: readonly ArticlePageTask[];
}

export interface RenderedArticleShard {
  readonly shard: Uint8Array;
  /** The pages that are files of their own, by address. */
  readonly pages: readonly (readonly [string, Uint8Array])[];
}

/** The strong entity tag of some bytes (src/publish/asset-store.ts digestOf). */
export type EtagOf = (bytes: Uint8Array) => Promise<string>;

const encoder = new TextEncoder();

/**
 * Renders an article shard: each page with its neighbours' links, and before a scheduled newer
 * article's instant the page without that link, each with its ETag; a page that is a file of
 * its own is only indexed. The same bytes on the main thread and in a worker, so `gzip` must
 * give the same bytes in both.
 */
export async function renderArticleShard(
  task: ArticleShardTask,
  etagOf: EtagOf,
  gzip: Gzip,
): Promise<RenderedArticleShard> {
  const { site, context } = task;
  const bodies: ShardBody[] = [];
  const pages: [string, Uint8Array][] = [];
  // Stored gzip-coded only: most of a large build's bytes, read rarely, a third of the size.
  // The page served alone stays as it is: the asset server answers it and compresses nothing.
  const coded = async (body: Uint8Array): Promise<GzipBody> => {
    const bytes = await gzip(body);
    return { body: bytes, etag: await etagOf(bytes) };
  };
  for (const { article, newer, older, lastModifiedMs, earlier, file } of task.pages) {
    const body = encoder.encode(renderArticlePage(site, article, { ...context, newer, older }));
    const entry: ShardBody = {
      key: article.id,
      slug: article.slug,
      publishedMs: article.published.epochMs,
      body,
      etag: await etagOf(body),
      lastModifiedMs,
      ...(file === undefined ? { gzip: await coded(body) } : { file }),
    };
    if (file !== undefined) pages.push([file, body]);
    if (earlier === undefined) {
      bodies.push(entry);
      continue;
    }
    const without = encoder.encode(renderArticlePage(site, article, { ...context, older }));
    const earlierBody = { ...earlier, body: without, etag: await etagOf(without) };
    bodies.push({
      ...entry,
      earlier: file === undefined ? { ...earlierBody, gzip: await coded(without) } : earlierBody,
    });
  }
  return { shard: packShard(bodies), pages };
}
