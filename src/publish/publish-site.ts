import type { Article, ArticleBundle, TopicKind } from "../model/article.ts";
import { imageTypeOfName } from "../model/image-types.ts";
import { pageShardPath } from "../model/shard-file.ts";
import type { Site } from "../model/site.ts";
import { type CacheClass, EARLIEST, type PublicationState, type SiteManifest } from "../model/site-manifest.ts";
import { latestOf } from "../model/time.ts";
import { countCompletePages } from "../render/archive-feeds.ts";
import { archivePagePath, countArchivePages, homePageEntries } from "../render/archive-pages.ts";
import { siteFeed } from "../render/feed-document.ts";
import { renderFeedPreviewPage } from "../render/feed-preview-page.ts";
import { renderFeedsPage } from "../render/feeds-page.ts";
import { FEED_FORMATS } from "../render/formats.ts";
import { ICON_FILES } from "../render/icons.ts";
import { renderArchivePage, renderIndexPage } from "../render/index-page.ts";
import { absoluteUrl, articlePath, FEEDS_PATH, homeUrl, OPML_PATH } from "../render/links.ts";
import { listedFeeds } from "../render/listed-feeds.ts";
import { renderNotFoundPage } from "../render/not-found-page.ts";
import { OPML_MEDIA_TYPE, renderOpml } from "../render/opml.ts";
import { renderFeed } from "../render/render-feed.ts";
import { ROBOTS_PATH, renderRobots } from "../render/robots.ts";
import {
  ARTICLES_PER_SITEMAP,
  articleSitemapPath,
  PAGES_SITEMAP_PATH,
  renderSitemap,
  renderSitemapIndex,
  SITEMAP_PATH,
  type SitemapEntry,
} from "../render/sitemap.ts";
import { authorGroups, hasAuthorPages, type TopicGroup, tagGroups } from "../render/topics.ts";
import { placeArticles } from "./article-pages.ts";
import { type ArticleShardTask, type RenderedArticleShard, renderArticleShard } from "./article-shard.ts";
import { countArticleShards, pagesServedAlone, publishArticleShards } from "./article-shards.ts";
import { AssetStore, type Gzip, type Sha256 } from "./asset-store.ts";
import { type FeedPageShardTask, renderFeedPageShard } from "./feed-page-shard.ts";
import { feedPagesPerShard, publishFeedPageShards } from "./feed-page-shards.ts";
import { legacyShards } from "./legacy-shards.ts";
import { ModifiedTimes } from "./modified-times.ts";
import { stablePageShards } from "./page-shards.ts";
import { countScheduled } from "./publication.ts";
import { publishTopics, type TopicCache, topicPageShards } from "./publish-topics.ts";
import { type ServedMediaFile, servedMedia } from "./served-media.ts";

/** What every state needs to publish its topics: whether authors have pages, and what is already rendered. */
interface TopicsInput {
  /** Whether the site has more than one author (src/render/topics.ts). */
  readonly authors: boolean;
  readonly all: readonly Article[];
  readonly cache: TopicCache;
}

const HTML = "text/html; charset=utf-8";
const XML = "application/xml; charset=utf-8";
/**
 * List pages per page shard: a shard is read whole for the one page asked for, so it stays
 * near 300 KB; 100,000 articles make about 310 shards.
 */
const PAGES_PER_SHARD = 16;

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
   * worker threads (scripts/render-pool.ts), so that both cores render.
   */
  readonly renderArticleShard?: (task: ArticleShardTask) => Promise<RenderedArticleShard>;
  /** Renders a feed-page shard; by default here. The build passes the same pool. */
  readonly renderFeedPageShard?: (task: FeedPageShardTask) => Promise<Uint8Array>;
}

/** A file the asset server answers alone, with what the Worker would send for it. */
export interface ServedAloneFile {
  readonly path: string;
  readonly contentType: string;
  /** Its cache class, as the manifest names it. */
  readonly kind: CacheClass;
}

/** A whole site: asset files by path, and the manifest the Worker serves them with. */
export interface PublishedSite {
  /** Every file to write; with `alreadyWritten`, less the article shards it said were there. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly manifest: SiteManifest;
  /** Each article shard's path and the hash of what it is rendered from, written or not. */
  readonly articleShardKeys: ReadonlyMap<string, string>;
  /** How many article shards were rendered (the others were already written). */
  readonly renderedShards: number;
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
 * article pages, full list pages and feed pages once into shards. Pure apart from hashing, so the
 * build and the tests publish the same bytes.
 */
export async function publishSite(input: PublishInput): Promise<PublishedSite> {
  const { site, bundle, icons, from } = input;
  const store = new AssetStore(input.sha256, input.gzip);
  const times = new ModifiedTimes(site, bundle);
  const all = bundle.articles;
  const files = new Map<string, Uint8Array>();
  const servedAlone: ServedAloneFile[] = [];
  /** Stores a whole file, at its own address when the asset server may answer it alone. */
  const addFixed = async (
    path: string,
    body: string | Uint8Array,
    type: string,
    modified: number,
    cacheClass: CacheClass,
  ) => {
    const alone = input.servedAlone !== undefined;
    if (alone) servedAlone.push({ path, contentType: type, kind: cacheClass });
    return store.add(body, type, modified, cacheClass, alone ? path : undefined);
  };

  const fixedRoutes: Record<string, number> = {
    [ROBOTS_PATH]: await addFixed(
      ROBOTS_PATH,
      renderRobots(site),
      "text/plain; charset=utf-8",
      times.templatesRevisedAt,
      "asset",
    ),
  };
  for (const icon of ICON_FILES) {
    const bytes = icons.get(icon.file);
    if (bytes !== undefined)
      fixedRoutes[icon.path] = await addFixed(icon.path, bytes, icon.mediaType, times.templatesRevisedAt, "asset");
  }
  // An image is served from the first instant an article shows it, never earlier.
  const scheduledMedia: { file: ServedMediaFile; index: number }[] = [];
  for (const file of servedMedia(all, input.media ?? new Map(), times)) {
    const { path, bytes, mediaType, lastModifiedMs } = file;
    if (file.firstShownMs > from) {
      scheduledMedia.push({ file, index: await store.add(bytes, mediaType, lastModifiedMs, "media") });
    } else if (imageTypeOfName(path) === mediaType) {
      fixedRoutes[path] = await addFixed(path, bytes, mediaType, lastModifiedMs, "media");
    } else {
      // Its name announces another type than its bytes: only the Worker sends the right one.
      fixedRoutes[path] = await store.add(bytes, mediaType, lastModifiedMs, "media");
    }
  }
  const notFound = await store.add(renderNotFoundPage(site), HTML, times.templatesRevisedAt, "asset");

  const sitemapParts = new Map<number, number>();
  const topics: TopicsInput = {
    authors: hasAuthorPages(site, all),
    all,
    cache: new Map(),
  };
  const states: PublicationState[] = [];
  for (const [begins, scheduled] of stateStarts(all, from)) {
    const state = await publishState(site, all.slice(scheduled), begins, store, times, sitemapParts, topics);
    const shown = scheduledMedia.filter(({ file }) => file.firstShownMs <= begins);
    const media = Object.fromEntries(shown.map(({ file, index }) => [file.path, index]));
    states.push(shown.length === 0 ? state : { ...state, routes: { ...state.routes, ...media } });
  }

  for (const [path, shard] of await pageShards(site, all, times, store)) files.set(path, shard);
  const allTopics = [...tagGroups(all), ...(topics.authors ? authorGroups(site, all, all) : [])];
  for (const [path, shard] of await topicPageShards(site, allTopics, times, store, PAGES_PER_SHARD)) {
    files.set(path, shard);
  }
  for (const [path, shard] of legacyShards(all)) files.set(path, shard);
  const write = input.writeShard ?? ((path: string, bytes: Uint8Array) => void files.set(path, bytes));
  const feedPageOutput = {
    ...(input.alreadyWritten ? { alreadyWritten: input.alreadyWritten } : {}),
    write,
    render:
      input.renderFeedPageShard ??
      ((task: FeedPageShardTask) =>
        renderFeedPageShard(
          task,
          (bytes) => store.etagOf(bytes),
          (bytes) => store.gzipOf(bytes),
        )),
  };

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
    if (alone.has(article.id)) servedAlone.push({ path: articlePath(article), contentType: HTML, kind: "article" });
  }
  const articleShards = publishArticleShards({
    site,
    context: { authorPages: topics.authors },
    placed,
    times,
    store,
    from,
    alone,
    render:
      input.renderArticleShard ??
      ((task) =>
        renderArticleShard(
          task,
          (bytes) => store.etagOf(bytes),
          (bytes) => store.gzipOf(bytes),
        )),
    write,
    ...(input.alreadyWritten ? { alreadyWritten: input.alreadyWritten } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  const feedPages = await publishFeedPageShards(
    site,
    all,
    times,
    store,
    feedPageOutput,
    all.length - countScheduled(all, from),
  );
  const { shardKeys: articleShardKeys, pageKeys: articlePageKeys, rendered: renderedShards } = await articleShards;
  for (const [path, bytes] of store.files) files.set(path, bytes);
  return {
    files,
    articleShardKeys,
    renderedShards,
    feedPageShardKeys: feedPages.sourceKeys,
    renderedFeedPageShards: feedPages.rendered,
    servedAlone,
    articlePageKeys,
    manifest: {
      baseUrl: site.baseUrl,
      files: store.entries,
      fixedRoutes,
      notFound,
      states,
      pagesPerShard: PAGES_PER_SHARD,
      feedPagesPerShard: feedPagesPerShard(site),
      ...(site.websubHub === undefined ? {} : { websubHub: site.websubHub }),
    },
  };
}

/**
 * Each state's first instant and how many articles are still scheduled then: the state in
 * force at `from`, then one per later publication instant.
 */
function stateStarts(newestFirst: readonly Article[], from: number): [number, number][] {
  const starts: [number, number][] = [[EARLIEST, countScheduled(newestFirst, from)]];
  const instants = new Set(newestFirst.map((a) => a.published.epochMs).filter((at) => at > from));
  for (const at of [...instants].sort((a, b) => a - b)) starts.push([at, countScheduled(newestFirst, at)]);
  return starts;
}

/** Everything that changes when an article is published, for one set of published articles. */
async function publishState(
  site: Site,
  published: readonly Article[],
  begins: number,
  store: AssetStore,
  times: ModifiedTimes,
  fullSitemapParts: Map<number, number>,
  topics: TopicsInput,
): Promise<PublicationState> {
  const routes: Record<string, number> = {};
  const previews: Record<string, number> = {};
  const feed = siteFeed(site, published);
  const listModified = times.list(published, feed.entries);
  for (const format of FEED_FORMATS) {
    const type = `${format.mediaType}; charset=utf-8`;
    routes[format.path] = await store.add(renderFeed(format, site, feed), type, listModified, "feed");
    const preview = renderFeedPreviewPage(site, format, feed);
    previews[format.path] = await store.add(preview, HTML, listModified, "feed");
  }
  // A kind's index (/tags, /authors) and its link on / appear once a published article has such
  // a topic: counting scheduled ones would show an empty index, or a tag list, before its time.
  const groupsOf: Record<TopicKind, readonly TopicGroup[]> = {
    tags: tagGroups(published),
    authors: authorGroups(site, topics.all, published),
  };
  const topicKinds = (["tags", "authors"] as const).filter((kind) => groupsOf[kind].length > 0);
  const homeModified = times.list(published, homePageEntries(site, published));
  routes["/"] = await store.add(renderIndexPage(site, published, topicKinds), HTML, homeModified, "index");
  const pageCount = countArchivePages(site, published.length);
  if (pageCount > 0) {
    const page = renderArchivePage(site, published, pageCount);
    const modified = times.listPage(published, pageCount);
    routes[archivePagePath(pageCount)] = await store.add(page, HTML, modified, "index");
  }

  const pagesEntries: SitemapEntry[] = [
    { url: homeUrl(site), modifiedMs: homeModified },
    ...Array.from({ length: pageCount }, (_, i) => ({
      url: absoluteUrl(site, archivePagePath(i + 1)),
      modifiedMs: times.listPage(published, i + 1),
    })),
  ];
  const topicPages: Record<string, number> = {};
  for (const kind of topicKinds) {
    const topicFiles = await publishTopics(site, kind, published, groupsOf[kind], store, times, topics.cache);
    Object.assign(routes, topicFiles.routes);
    Object.assign(previews, topicFiles.previews);
    Object.assign(topicPages, topicFiles.topicPages);
    // One by one: a site's topic pages can outnumber the arguments a call takes.
    for (const page of topicFiles.pages) pagesEntries.push(page);
  }
  // Every feed of this state, as a page and as OPML: they change only when a topic appears.
  const listedGroups = topicKinds.flatMap((kind) => groupsOf[kind]);
  const feeds = listedFeeds(site, listedGroups);
  const firstOfEachTopic = listedGroups.flatMap((group) => group.articles.slice(-1));
  const feedsModified = times.feedList(published, firstOfEachTopic);
  routes[FEEDS_PATH] = await store.add(renderFeedsPage(site, feeds), HTML, feedsModified, "index");
  routes[OPML_PATH] = await store.add(
    renderOpml(site, feeds, feedsModified),
    `${OPML_MEDIA_TYPE}; charset=utf-8`,
    feedsModified,
    "index",
  );
  pagesEntries.push({ url: absoluteUrl(site, FEEDS_PATH), modifiedMs: feedsModified });
  const parts: SitemapEntry[] = [await addSitemap(PAGES_SITEMAP_PATH, pagesEntries)];
  const oldestFirst = published.toReversed();
  for (let part = 1; (part - 1) * ARTICLES_PER_SITEMAP < oldestFirst.length; part++) {
    const shown = oldestFirst.slice((part - 1) * ARTICLES_PER_SITEMAP, part * ARTICLES_PER_SITEMAP);
    // Its newest article's page last changes when the next part's first one is published.
    const full = oldestFirst.length > part * ARTICLES_PER_SITEMAP;
    const known = full ? fullSitemapParts.get(part) : undefined;
    if (known !== undefined) {
      routes[articleSitemapPath(part)] = known;
      parts.push(sitemapPartEntry(articleSitemapPath(part), store.entries[known]?.lastModifiedMs ?? 0));
      continue;
    }
    const entries = shown.map((article, i) => {
      // The page as this state serves it: linking the neighbours published by then.
      const at = (part - 1) * ARTICLES_PER_SITEMAP + i;
      const neighbours = [oldestFirst[at - 1], oldestFirst[at + 1]].filter((n) => n !== undefined);
      return { url: absoluteUrl(site, articlePath(article)), modifiedMs: times.articlePage(article, neighbours) };
    });
    parts.push(await addSitemap(articleSitemapPath(part), entries));
    if (full) fullSitemapParts.set(part, routes[articleSitemapPath(part)] ?? 0);
  }
  const indexModified = latestOf(
    parts.map((part) => part.modifiedMs),
    0,
  );
  routes[SITEMAP_PATH] = await store.add(renderSitemapIndex(parts), XML, indexModified, "index");
  return {
    from: begins,
    pageCount,
    completePages: countCompletePages(site, published.length),
    routes,
    previews,
    ...(topicKinds.length > 0 ? { topicPages } : {}),
  };

  async function addSitemap(path: string, entries: readonly SitemapEntry[]): Promise<SitemapEntry> {
    const modified = latestOf(
      entries.map((entry) => entry.modifiedMs),
      times.templatesRevisedAt,
    );
    routes[path] = await store.add(renderSitemap(entries), XML, modified, "index");
    return sitemapPartEntry(path, modified);
  }

  function sitemapPartEntry(path: string, modifiedMs: number): SitemapEntry {
    return { url: absoluteUrl(site, path), modifiedMs };
  }
}

/** The site's stable list pages (src/publish/page-shards.ts), 16 to a page shard. */
function pageShards(site: Site, all: readonly Article[], times: ModifiedTimes, store: AssetStore) {
  return stablePageShards(
    {
      stable: countArchivePages(site, all.length) - 1,
      pagesPerShard: PAGES_PER_SHARD,
      render: (page) => renderArchivePage(site, all, page),
      lastModified: (page) => times.listPage(all, page),
      shardPath: (first) => pageShardPath((first - 1) / PAGES_PER_SHARD),
    },
    store,
  );
}
