import { type Context, Hono } from "hono";
import type { TopicKind } from "./model/article.ts";
import {
  archiveDocumentKey,
  archiveShardPath,
  articleShardPath,
  entryAt,
  legacyShardPath,
  pageShardPath,
  type ShardEntry,
  storedGzipOf,
  topicPageShardPath,
} from "./model/shard-file.ts";
import type { AssetFile, SiteManifest } from "./model/site-manifest.ts";
import { FEED_FORMATS } from "./render/formats.ts";
import { ICON_FILES } from "./render/icons.ts";
import { articlePath, FEEDS_PATH, OPML_PATH } from "./render/links.ts";
import { ROBOTS_PATH } from "./render/robots.ts";
import { SITEMAP_PATH } from "./render/sitemap.ts";
import { clientAcceptEncoding } from "./serve/accepts-gzip.ts";
import { AssetReader, type Assets } from "./serve/asset-reader.ts";
import { CORS_HEADERS, isPreflight, respondToPreflight } from "./serve/cors.ts";
import { decodedGzip } from "./serve/decoded-gzip.ts";
import { securityHeaders } from "./serve/headers.ts";
import { prefersHtmlPreview } from "./serve/negotiate.ts";
import {
  type Representation,
  type RequestMoment,
  type Resource,
  respondMethodNotAllowed,
  respondMovedPermanently,
  respondNotFound,
  respondWith,
} from "./serve/respond.ts";
import { type ServedState, SiteStates } from "./serve/site-states.ts";

export interface AppOptions {
  /** What the build published (src/generated/site-manifest.ts; tests publish their own). */
  readonly manifest: SiteManifest;
  /** The files the manifest names: env.ASSETS in the Worker, files in memory in tests. */
  readonly assets: Assets;
  /** The clock that decides what is published; injectable so tests can travel in time. */
  readonly now?: () => number;
}

const HTML = "text/html; charset=utf-8";

/**
 * /articles/<key>, /articles/<key>/<slug>, each with or without a trailing "/": the key is an
 * id or a legacy slug. Anything else under /articles/ names no article.
 */
const ARTICLE_PATH = /^\/articles\/([^/]+)(?:\/([^/]+))?\/?$/;
const ARTICLE_ID = /^[0-9a-f]{16}$/;
/** An archive page number as the site writes it: no sign, no leading zero. */
const PAGE_NUMBER = /^[1-9][0-9]{0,8}$/;
const FEED_FILES: ReadonlySet<string> = new Set(FEED_FORMATS.map((format) => format.file));
const TOPIC_KINDS: readonly TopicKind[] = ["tags", "authors"];
/** Under /tags/ or /authors/, <kind>/<slug>/page/<n>: the folder and the number as sent. */
const TOPIC_PAGE = /^(\/[^/]+\/[^/]+)\/page\/([^/]+)$/;

/**
 * The Worker: every body was rendered by the build. It picks the publication state by the
 * clock, negotiates, answers conditionals from the build's validators and reads an asset
 * only for a 200.
 */
export function createApp({ manifest, assets, now = Date.now }: AppOptions) {
  const reader = new AssetReader(assets);
  const states = new SiteStates(manifest);
  const fixedRoutes = new Map(Object.entries(manifest.fixedRoutes));

  const momentOf = (request: Request, at: number, state: ServedState): RequestMoment => ({
    method: request.method,
    headers: request.headers,
    now: at,
    nextAt: state.nextAt,
    acceptEncoding: clientAcceptEncoding(request),
  });

  /** A file's Resource, built on its first request and kept: the manifest's files never change. */
  const fileResources: (Resource | undefined)[] = [];
  const fileResource = (index: number | undefined): Resource | undefined => {
    if (index === undefined) return undefined;
    const kept = fileResources[index];
    if (kept) return kept;
    const file: AssetFile | undefined = manifest.files[index];
    if (!file) return undefined;
    const { gzip } = file;
    const resource: Resource = {
      contentType: file.contentType,
      cacheClass: file.kind,
      lastModifiedMs: file.lastModifiedMs,
      identity: { etag: file.etag, length: file.length, read: () => reader.file(file.path, file.etag, file.length) },
      ...(gzip
        ? { gzip: { etag: gzip.etag, length: gzip.length, read: () => reader.file(gzip.path, gzip.etag, gzip.length) } }
        : {}),
    };
    fileResources[index] = resource;
    return resource;
  };

  /**
   * An article's page, or a full archive page: both are cached as long as an article. A page
   * the asset server answers alone is a file of its own, which the shard only indexes.
   */
  const shardResource = (path: string, entry: ShardEntry): Resource => {
    const { file } = entry;
    const read =
      file === undefined ? () => reader.shardBody(path, entry) : () => reader.file(file, entry.etag, entry.length);
    return {
      contentType: HTML,
      cacheClass: "article",
      lastModifiedMs: entry.lastModifiedMs,
      ...(storedCodings(path, entry) ?? { identity: { etag: entry.etag, length: entry.length, read } }),
    };
  };

  /**
   * The representations of a body stored gzip-coded only (docs/static-assets.md#compression):
   * the stored bytes as they are for a client that accepts gzip, decoded as they stream for one
   * that does not. Undefined for a body stored as it is.
   */
  const storedCodings = (
    path: string,
    entry: ShardEntry,
  ): { identity: Representation; gzip: Representation } | undefined => {
    const gzip = storedGzipOf(entry);
    if (gzip === undefined || entry.file !== undefined) return undefined;
    const readGzip = () => reader.shardBody(path, gzip);
    return {
      identity: {
        etag: entry.etag,
        length: entry.length,
        read: async () => decodedGzip(await readGzip(), entry.length),
      },
      gzip: { etag: gzip.etag, length: gzip.length, read: readGzip },
    };
  };

  const notFound = async (request: Request): Promise<Response> => {
    const at = now();
    const state = states.at(at);
    const page = fileResource(manifest.notFound);
    return respondNotFound(page?.identity, momentOf(request, at, state));
  };

  type Pick = (state: ServedState, at: number) => Promise<Resource | string | undefined> | Resource | undefined;

  /** Answers with what `pick` finds in the state in force now, or the 404 page. */
  const answer = async (request: Request, pick: Pick, vary?: string): Promise<Response> => {
    const at = now();
    const state = states.at(at);
    const found = await pick(state, at);
    if (found === undefined) return notFound(request);
    const moment = momentOf(request, at, state);
    return typeof found === "string" ? respondMovedPermanently(found, moment) : respondWith(found, moment, vary);
  };
  const send = (c: Context, pick: Pick, vary?: string) => answer(c.req.raw, pick, vary);

  const routeOf = (state: ServedState, path: string) => fileResource(state.routes.get(path) ?? fixedRoutes.get(path));

  /**
   * /page/N in canonical form: no sign, no leading zero, and a number the archive reaches in
   * this state. The newest page changes with publication; the others are in page shards.
   */
  const archivePage = (c: Context, state: ServedState) =>
    numberedPage(state, "", c.req.param("page") ?? "", state.pageCount, (page) =>
      pageShardPath(Math.floor((page - 1) / manifest.pagesPerShard)),
    );

  /**
   * Page `param` of a paged list in `folder` with `pages` pages, canonical numbers only: the
   * last is a route of the state (it changes with publication), the others are in shards.
   */
  const numberedPage = async (
    state: ServedState,
    folder: string,
    param: string,
    pages: number,
    shardOf: (page: number) => string,
  ) => {
    if (!PAGE_NUMBER.test(param) || Number(param) > pages) return undefined;
    if (Number(param) === pages) return routeOf(state, `${folder}/page/${param}`);
    const path = shardOf(Number(param));
    const entry = await reader.shardEntry(path, param);
    return entry && shardResource(path, entry);
  };

  /**
   * /page/N/rss.xml, atom.xml, feed.json: page N's archive documents (src/render/archive-feeds.ts),
   * only while page N is complete in this state. No preview: a browser gets the document too.
   */
  const archiveDocument = async (c: Context, state: ServedState): Promise<Resource | undefined> => {
    const param = c.req.param("page") ?? "";
    const file = c.req.param("file") ?? "";
    if (!PAGE_NUMBER.test(param) || !FEED_FILES.has(file) || Number(param) > state.completePages) return undefined;
    const path = archiveShardPath(Math.floor((Number(param) - 1) / manifest.feedPagesPerShard));
    const entry = await reader.shardEntry(path, archiveDocumentKey(Number(param), file));
    const codings = entry && storedCodings(path, entry);
    if (!entry?.contentType || !codings) return undefined;
    // Sent as stored to a client that accepts gzip, RSS too.
    return { contentType: entry.contentType, cacheClass: "archive", lastModifiedMs: entry.lastModifiedMs, ...codings };
  };

  /**
   * An article by any of its names (docs/urls.md): its page at the canonical path, a 301
   * there from every other, nothing for an article still scheduled, so its address is never
   * revealed. The raw path, so only the exact canonical spelling is served.
   */
  const article = async (c: Context, at: number): Promise<Resource | string | undefined> => {
    const path = rawPathOf(c.req.url);
    const match = ARTICLE_PATH.exec(path);
    if (!match) return undefined;
    const [, key = "", slug] = match;
    // The id wins; an address with no second segment may also be one the first versions published.
    const shard = articleShardPath(key);
    const entry = ARTICLE_ID.test(key) ? await reader.shardEntry(shard, key) : undefined;
    if (entry && (entry.publishedMs ?? 0) <= at) {
      const canonical = articlePath({ id: entry.key, slug: entry.slug ?? "" });
      // A page whose newer neighbour is still scheduled is served without that link (entryAt).
      return path === canonical ? shardResource(shard, entryAt(entry, at)) : `${manifest.baseUrl}${canonical}`;
    }
    if (slug !== undefined) return undefined;
    const targets = await reader.legacyTargets(legacyShardPath(key), key);
    const target = targets.find((t) => t.publishedMs <= at);
    return target && `${manifest.baseUrl}${articlePath(target)}`;
  };

  /** A tag's or an author's archive page, paged like /page/N in the topic's own shards. */
  const topicArchivePage = (state: ServedState, folder: string, param: string) =>
    numberedPage(state, folder, param, state.topicPages.get(folder) ?? 0, (page) =>
      topicPageShardPath(folder, page, manifest.pagesPerShard),
    );

  /** A feed path: the feed for readers, its preview page for a browser (src/serve/negotiate.ts). */
  const feedOrPreview = (request: Request, path: string, mediaType: string) => {
    const preview = prefersHtmlPreview(request.headers.get("accept"), mediaType);
    return answer(
      request,
      (state) => (preview ? fileResource(state.previews.get(path)) : routeOf(state, path)),
      "Accept",
    );
  };

  /**
   * A tag's or an author's pages and feeds: exact paths of the state in force (they change with
   * publication), each feed with its browser preview like the site's.
   */
  const topicAnswer = (c: Context) => {
    const path = rawPathOf(c.req.url);
    const page = TOPIC_PAGE.exec(path);
    if (page) return send(c, (state) => topicArchivePage(state, page[1] ?? "", page[2] ?? ""));
    const format = FEED_FORMATS.find((f) => path.endsWith(`/${f.file}`));
    return format ? feedOrPreview(c.req.raw, path, format.mediaType) : send(c, (state) => routeOf(state, path));
  };

  /**
   * The paths with no parameter, answered from the request alone. Hono routes each to the same
   * function, and a GET whose path is spelled exactly so is answered before Hono (below).
   */
  const exactRoutes: readonly (readonly [string, (request: Request) => Promise<Response>])[] = [
    ["/", (request) => answer(request, (state) => routeOf(state, "/"))],
    ...FEED_FORMATS.map(
      (format) => [format.path, (request: Request) => feedOrPreview(request, format.path, format.mediaType)] as const,
    ),
    ...[
      ...TOPIC_KINDS.map((kind) => `/${kind}`),
      FEEDS_PATH,
      OPML_PATH,
      SITEMAP_PATH,
      ROBOTS_PATH,
      ...ICON_FILES.map((icon) => icon.path),
    ].map((path) => [path, (request: Request) => answer(request, (state) => routeOf(state, path))] as const),
  ];

  /**
   * Every path the Worker answers, once: GET (and so HEAD) and the 405 for other methods come
   * from here. An exact path comes before any pattern that might also match it ("/tags" before "/tags/*").
   */
  const routes: readonly (readonly [string, (c: Context) => Promise<Response>])[] = [
    ...exactRoutes.map(([path, exact]) => [path, (c: Context) => exact(c.req.raw)] as const),
    ["/page/:page", (c) => send(c, (state) => archivePage(c, state))],
    ["/page/:page/:file", (c) => send(c, (state) => archiveDocument(c, state))],
    ["/articles/*", (c) => send(c, (_, at) => article(c, at))],
    ...TOPIC_KINDS.map((kind) => [`/${kind}/*`, topicAnswer] as const),
    // Articles' images, each a fixed route at the path its article names; the path as sent, so
    // only that exact spelling is served and anything else under /media/ is the 404 page.
    ["/media/*", (c) => send(c, (state) => routeOf(state, rawPathOf(c.req.url)))],
    ["/sitemaps/:part", (c) => send(c, (state) => routeOf(state, c.req.path))],
  ];

  const app = new Hono();
  // First, on every path: a CORS preflight is answered before any route sees it (src/serve/cors.ts).
  app.options("*", (c, next) => (isPreflight(c.req.raw) ? Promise.resolve(respondToPreflight()) : next()));
  // Hono answers HEAD with the GET route's headers and no body (RFC 9110 §9.3.2), dispatching
  // it as a GET. One handler per path, not a GET and a 405 for the rest: a path matching one
  // handler skips Hono's middleware chain.
  for (const [path, route] of routes) {
    app.all(path, (c) => (c.req.method === "GET" || c.req.method === "HEAD" ? route(c) : respondMethodNotAllowed()));
  }
  app.notFound((c) => notFound(c.req.raw));
  app.onError((error, c) => internalError(c.req.method, c.req.path, error));

  // A GET of an exact path (the feeds a reader polls, the index) skips Hono's path decoding,
  // matching and context: a third of a 304's CPU. Any other spelling, a HEAD (whose body Hono
  // drops) or another method still goes through Hono, which routes it to the same answers.
  const exact = new Map(exactRoutes);
  const dispatch = app.fetch;
  app.fetch = (request, env, executionCtx) => {
    const route = request.method === "GET" ? exact.get(rawPathOf(request.url)) : undefined;
    if (route === undefined) return dispatch(request, env, executionCtx);
    return route(request).catch((error: unknown) => internalError("GET", rawPathOf(request.url), error));
  };
  return app;
}

/** A 500 for an answer that failed: clients never see a stack trace; the log says what failed where. */
function internalError(method: string, path: string, error: unknown): Response {
  const detail = error instanceof Error ? error.stack : String(error);
  console.error(`${method} ${path}: ${detail}`);
  return new Response("Internal Server Error\n", {
    status: 500,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      ...securityHeaders("text/plain"),
      ...CORS_HEADERS,
    },
  });
}

/**
 * The path of a request URL as sent, still percent-encoded. Sliced, not parsed: behind a
 * hostile Host the runtime's URL may not parse again (`new URL` throws on it).
 */
function rawPathOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("://") + 3);
  if (start < 0) return "/";
  const end = url.slice(start).search(/[?#]/);
  return end < 0 ? url.slice(start) : url.slice(start, start + end);
}
