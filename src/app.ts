import { type Context, Hono } from "hono";
import type { TopicKind } from "./model/article.ts";
import {
  ARTICLES_PREFIX,
  FEED_FORMATS,
  FEEDS_PATH,
  ICON_FILES,
  OPML_PATH,
  ROBOTS_PATH,
  SITEMAP_PATH,
} from "./model/paths.ts";
import type { SiteManifest } from "./model/site-manifest.ts";
import { answer, answerNotFound, type Lookup } from "./serve/answer.ts";
import { answerFeed } from "./serve/answer-feed.ts";
import { answerTopic } from "./serve/answer-topic.ts";
import { AssetReader, type Assets } from "./serve/asset-reader.ts";
import { isPreflight, respondToPreflight } from "./serve/cors.ts";
import { FileResources } from "./serve/file-resources.ts";
import { findArchiveDocument } from "./serve/find-archive-document.ts";
import { findArticle } from "./serve/find-article.ts";
import { findListPage } from "./serve/find-list-page.ts";
import { internalError } from "./serve/internal-error.ts";
import { rawPathOf } from "./serve/raw-path.ts";
import { respondMethodNotAllowed } from "./serve/respond.ts";
import type { ServedSite } from "./serve/served-site.ts";
import { SiteStates } from "./serve/site-states.ts";

export interface AppOptions {
  /** What the build published (src/generated/site-manifest.ts; tests publish their own). */
  readonly manifest: SiteManifest;
  /** The files the manifest names: env.ASSETS in the Worker, files in memory in tests. */
  readonly assets: Assets;
  /** The clock that decides what is published; injectable so tests can travel in time. */
  readonly now?: () => number;
}

const TOPIC_KINDS: readonly TopicKind[] = ["tags", "authors"];

type ExactRoute = readonly [path: string, answer: (request: Request) => Promise<Response>];
type Route = readonly [pattern: string, answer: (c: Context) => Promise<Response>];

/**
 * The Worker: every body was rendered by the build. It picks the publication state by the
 * clock, negotiates, answers conditionals from the build's validators and reads an asset
 * only for a 200. Here is what answers each path; src/serve/ holds the answers.
 */
export function createApp({ manifest, assets, now = Date.now }: AppOptions) {
  const reader = new AssetReader(assets);
  const site: ServedSite = {
    manifest,
    reader,
    files: new FileResources(manifest, reader),
    states: new SiteStates(manifest),
    now,
  };
  const send = (c: Context, lookup: Lookup) => answer(site, c.req.raw, lookup);
  /** A path whose file the state in force, or every state, names. */
  const fileAt = (path: string) => {
    const lookup: Lookup = (state) => site.files.resourceOf(state, path);
    return (request: Request) => answer(site, request, lookup);
  };

  /** An article's page or a redirect to it, from the path as sent: only the exact canonical spelling is served. */
  const article = (request: Request) => {
    const path = rawPathOf(request.url);
    return answer(site, request, (_, at) => findArticle(site, path, at));
  };

  /**
   * The paths with no parameter, answered from the request alone. Hono routes each to the same
   * function, and a GET whose path is spelled exactly so is answered before Hono (below).
   */
  const exactRoutes: readonly ExactRoute[] = [
    ["/", fileAt("/")],
    ...FEED_FORMATS.map(
      (format): ExactRoute => [format.path, (request) => answerFeed(site, request, format.path, format.mediaType)],
    ),
    ...TOPIC_KINDS.map((kind): ExactRoute => [`/${kind}`, fileAt(`/${kind}`)]),
    [FEEDS_PATH, fileAt(FEEDS_PATH)],
    [OPML_PATH, fileAt(OPML_PATH)],
    [SITEMAP_PATH, fileAt(SITEMAP_PATH)],
    [ROBOTS_PATH, fileAt(ROBOTS_PATH)],
    ...ICON_FILES.map((icon): ExactRoute => [icon.path, fileAt(icon.path)]),
  ];

  /**
   * Every path the Worker answers, once: GET (and so HEAD) and the 405 for other methods come
   * from here. An exact path comes before any pattern that might also match it ("/tags" before "/tags/*").
   */
  const routes: readonly Route[] = [
    ...exactRoutes.map(([path, exact]): Route => [path, (c) => exact(c.req.raw)]),
    ["/page/:page", (c) => send(c, (state) => findListPage(site, state, "", c.req.param("page") ?? ""))],
    [
      "/page/:page/:file",
      (c) => send(c, (state) => findArchiveDocument(site, state, c.req.param("page") ?? "", c.req.param("file") ?? "")),
    ],
    // The path as sent, so only the exact canonical spelling is served.
    ["/articles/*", (c) => article(c.req.raw)],
    ...TOPIC_KINDS.map((kind): Route => [`/${kind}/*`, (c) => answerTopic(site, c.req.raw)]),
    // Articles' images, each a fixed route at the path its article names; the path as sent, so
    // only that exact spelling is served and anything else under /media/ is the 404 page.
    ["/media/*", (c) => send(c, (state) => site.files.resourceOf(state, rawPathOf(c.req.url)))],
    ["/sitemaps/:part", (c) => send(c, (state) => site.files.resourceOf(state, c.req.path))],
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
  app.notFound((c) => answerNotFound(site, c.req.raw));
  app.onError((error, c) => internalError(c.req.method, c.req.path, error));

  // A GET of an exact path (the feeds a reader polls, the index) or of an article (what a
  // shard holds; pages served alone never reach the Worker) skips Hono's path decoding,
  // matching and context: a third of a 304's CPU. Any other spelling, a HEAD (whose body Hono
  // drops) or another method still goes through Hono, which routes it to the same answers.
  const exact = new Map(exactRoutes);
  const dispatch = app.fetch;
  app.fetch = (request, env, executionCtx) => {
    const path = request.method === "GET" ? rawPathOf(request.url) : "";
    const route = exact.get(path) ?? (path.startsWith(ARTICLES_PREFIX) ? article : undefined);
    if (route === undefined) return dispatch(request, env, executionCtx);
    return route(request).catch((error: unknown) => internalError("GET", path, error));
  };
  return app;
}
