import type { ArticleBundle } from "../model/article.ts";
import { countCompletePages } from "../model/list-pages.ts";
import { articlePath, HTML_CONTENT_TYPE } from "../model/paths.ts";
import type { Site } from "../model/site.ts";
import type { SiteManifest } from "../model/site-manifest.ts";
import { authorGroups, tagGroups } from "../model/topics.ts";
import { placeArticles } from "./article-pages.ts";
import { type ArticleShardTask, type RenderedArticleShard, renderArticleShard } from "./article-shard.ts";
import { countArticleShards, pagesServedAlone, publishArticleShards } from "./article-shards.ts";
import { AssetStore, type Gzip, type Sha256 } from "./asset-store.ts";
import { type FeedPageShardTask, renderFeedPageShard } from "./feed-page-shard.ts";
import { feedPagesPerShard, publishFeedPageShards } from "./feed-page-shards.ts";
import { legacyShards } from "./legacy-shards.ts";
import { PAGES_PER_SHARD, siteListPageShards, topicListPageShards } from "./list-page-shards.ts";
import { createPublishContext } from "./publish-context.ts";
import { publishFixedFiles, type ServedAloneFile } from "./publish-fixed-files.ts";
import { publishStates } from "./publish-states.ts";

export interface PublishInput {
  readonly site: Site;
  readonly bundle: ArticleBundle;
  /** Each icon file's bytes by file name (src/icons/); a missing one is not published. */
  readonly icons: ReadonlyMap<string, Uint8Array>;
  /**
   * The articles' served images: site path ("/media/<digest>/<name>") to bytes. Each is
   * published at its path with the content type its articles' `image.mediaType` gives.
   */
  readonly media?: ReadonlyMap<string, Uint8Array>;
  /**
   * No request is answered earlier than this instant (the build's source date), so states
   * that end before it are never rendered. Tests that travel in time pass EARLIEST.
   */
  readonly from: number;
  /** SHA-256 for ETags and file names; Web Crypto unless given. */
  readonly sha256?: Sha256;
  /** gzip for the codings the Worker sends itself; CompressionStream unless given. */
  readonly gzip?: Gzip;
  /**
   * Whether the article (or feed-page) shard at `path`, rendered from sources whose hash is
   * `sourceKey`, is already written: then it is not rendered again. The build answers from its
   * last run.
   */
  readonly alreadyWritten?: (path: string, sourceKey: string) => boolean;
  /**
   * Where article and feed-page shards go as they are rendered, and the article pages stored at
   * their own address with them, when given, instead of into `files`: the build writes them at
   * once, so a large site is never held in memory whole.
   */
  readonly writeShard?: (path: string, bytes: Uint8Array) => void | Promise<void>;
  /** Called now and then with how many article pages are rendered or found written. */
  readonly onProgress?: (rendered: number) => void;
  /**
   * When given, what the asset server can answer alone is stored at its own address, where a
   * request reaches no Worker (docs/static-assets.md#served-alone): robots.txt, the icons, the
   * published articles' images, and the pages of published articles that no publication in
   * this deployment changes, newest first, while the deployment holds at most `maxFiles` files.
   * Left out for `wrangler dev`, whose Worker answers everything so that it can relink it.
   */
  readonly servedAlone?: { readonly maxFiles: number };
  /**
   * Renders an article shard; by default here, one after another. The build passes a pool of
   * worker threads (scripts/render-pool.ts), so that every core renders.
   */
  readonly renderArticleShard?: (task: ArticleShardTask) => Promise<RenderedArticleShard>;
  /** Renders a feed-page shard; by default here. The build passes the same pool. */
  readonly renderFeedPageShard?: (task: FeedPageShardTask) => Promise<Uint8Array>;
}

/** A whole site: asset files by path, and the manifest the Worker serves them with. */
export interface PublishedSite {
  /** Every file to write; with `alreadyWritten`, less the article shards it said were there. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly manifest: SiteManifest;
  /** Each article shard's path and the hash of what it is rendered from, written or not. */
  readonly articleShardKeys: ReadonlyMap<string, string>;
  /** How many article shards were rendered (the others were already written). */
  readonly renderedArticleShards: number;
  /**
   * The same for the feed-page shards (src/publish/feed-page-shards.ts), which `alreadyWritten`
   * skips and `writeShard` takes alike.
   */
  readonly feedPageShardKeys: ReadonlyMap<string, string>;
  readonly renderedFeedPageShards: number;
  /** Every file stored at its own address (PublishInput.servedAlone), written or not. */
  readonly servedAlone: readonly ServedAloneFile[];
  /**
   * Each article page stored at its address, with its shard's source key: it is written with
   * its shard (through `writeShard`), and `alreadyWritten` is asked about both.
   */
  readonly articlePageKeys: ReadonlyMap<string, string>;
}

/**
 * Renders every response body once: what changes with publication per publication state,
 * article pages, full list pages and feed pages once into shards. Pure apart from hashing, so
 * the build and the tests publish the same bytes.
 */
export async function publishSite(input: PublishInput): Promise<PublishedSite> {
  const { site } = input;
  const store = new AssetStore(input.sha256, input.gzip);
  const context = createPublishContext(site, input.bundle, input.from, store);
  const { all, from } = context;
  const fixed = await publishFixedFiles(context, {
    icons: input.icons,
    media: input.media ?? new Map(),
    alone: input.servedAlone !== undefined,
  });
  const servedAlone = [...fixed.servedAlone];
  const states = await publishStates(context, fixed.scheduledMedia);

  const files = new Map<string, Uint8Array>();
  for (const [path, shard] of await siteListPageShards(context)) files.set(path, shard);
  const allTopics = [...tagGroups(all), ...(context.hasAuthorPages ? authorGroups(site, all, all) : [])];
  for (const [path, shard] of await topicListPageShards(context, allTopics)) files.set(path, shard);
  for (const [path, shard] of legacyShards(all)) files.set(path, shard);
  const write = input.writeShard ?? ((path: string, bytes: Uint8Array) => void files.set(path, bytes));
  const alreadyWritten = input.alreadyWritten ? { alreadyWritten: input.alreadyWritten } : {};
  const etagOf = (bytes: Uint8Array) => store.etagOf(bytes);
  const gzipOf = (bytes: Uint8Array) => store.gzipOf(bytes);

  // What is left of the file budget decides which pages stand alone; the feed-page shards are
  // counted before they exist, so that the article shards render (in workers, when the build
  // gives them) while the feed pages render here.
  const placed = placeArticles(all);
  const feedPageShardCount = Math.ceil(countCompletePages(site, all.length) / feedPagesPerShard(site));
  const otherFiles =
    new Set([...files.keys(), ...store.files.keys()]).size + feedPageShardCount + countArticleShards(placed);
  const alone = input.servedAlone
    ? pagesServedAlone(placed, all, from, input.servedAlone.maxFiles - otherFiles)
    : new Set<string>();
  for (const article of all) {
    if (alone.has(article.id))
      servedAlone.push({ path: articlePath(article), contentType: HTML_CONTENT_TYPE, kind: "article" });
  }
  const articleShards = publishArticleShards(context, {
    placed,
    alone,
    output: {
      ...alreadyWritten,
      write,
      render: input.renderArticleShard ?? ((task) => renderArticleShard(task, etagOf, gzipOf)),
    },
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  const feedPages = await publishFeedPageShards(context, {
    ...alreadyWritten,
    write,
    render: input.renderFeedPageShard ?? ((task) => renderFeedPageShard(task, etagOf, gzipOf)),
  });
  const {
    shardKeys: articleShardKeys,
    pageKeys: articlePageKeys,
    rendered: renderedArticleShards,
  } = await articleShards;
  for (const [path, bytes] of store.files) files.set(path, bytes);
  return {
    files,
    articleShardKeys,
    renderedArticleShards,
    feedPageShardKeys: feedPages.sourceKeys,
    renderedFeedPageShards: feedPages.rendered,
    servedAlone,
    articlePageKeys,
    manifest: {
      baseUrl: site.baseUrl,
      files: store.entries,
      fixedRoutes: fixed.fixedRoutes,
      notFound: fixed.notFound,
      states,
      pagesPerShard: PAGES_PER_SHARD,
      feedPagesPerShard: feedPagesPerShard(site),
      ...(site.websubHub === undefined ? {} : { websubHub: site.websubHub }),
    },
  };
}
