import { type Context, Hono } from "hono";
import type { ArticleBundle } from "./model/article.ts";
import { FEED_FORMATS } from "./render/formats.ts";
import { renderNotFoundPage } from "./render/not-found-page.ts";
import { Edition } from "./serve/edition.ts";
import { countScheduled, publicationOf } from "./serve/publication.ts";
import type { Resource } from "./serve/resource.ts";
import { type RequestMoment, respondMethodNotAllowed, respondNotFound, respondWith } from "./serve/respond.ts";
import { siteFor } from "./site-config.ts";

export interface AppOptions {
  readonly bundle: ArticleBundle;
  /** The clock that decides what is published; injectable so tests can travel in time. */
  readonly now?: () => number;
}

type AppContext = Context<{ Bindings: Env }>;

/** The Worker: thin routes that pick a prepared response and answer conditionally. */
export function createApp({ bundle, now = Date.now }: AppOptions) {
  const articles = bundle.articles;
  let edition: Edition | undefined;
  const notFoundPages = new Map<string, Uint8Array>();

  /** BASE_URL from the environment; an empty one means "wherever this request came in". */
  const baseUrlOf = (c: AppContext) => c.env?.BASE_URL || new URL(c.req.url).origin;

  // One Edition per publication state: it changes only when a scheduled article's time comes.
  const editionAt = (baseUrl: string, at: number): Edition => {
    const scheduled = countScheduled(articles, at);
    if (edition?.publication.scheduledCount !== scheduled || edition.baseUrlSetting !== baseUrl) {
      edition = new Edition(siteFor(baseUrl), publicationOf(articles, scheduled), bundle.revisedAt, baseUrl);
    }
    return edition;
  };

  const momentOf = (c: AppContext, at: number, current: Edition): RequestMoment => ({
    headers: c.req.raw.headers,
    now: at,
    nextAt: current.publication.nextAt,
  });

  const notFound = (c: AppContext): Response => {
    const at = now();
    const baseUrl = baseUrlOf(c);
    const current = editionAt(baseUrl, at);
    let page = notFoundPages.get(baseUrl);
    if (!page) {
      page = new TextEncoder().encode(renderNotFoundPage(current.site));
      notFoundPages.set(baseUrl, page);
    }
    return respondNotFound(page, momentOf(c, at, current));
  };

  const send = async (c: AppContext, pick: (edition: Edition) => Promise<Resource> | undefined) => {
    const at = now();
    const current = editionAt(baseUrlOf(c), at);
    const resource = pick(current);
    if (!resource) return notFound(c);
    return respondWith(await resource, momentOf(c, at, current));
  };

  const app = new Hono<{ Bindings: Env }>();
  // Hono answers HEAD with the GET route's headers and no body (RFC 9110 §9.3.2).
  app.get("/", (c) => send(c, (e) => e.index()));
  for (const format of FEED_FORMATS) app.get(format.path, (c) => send(c, (e) => e.feed(format)));
  app.get("/articles/:slug", (c) => send(c, (e) => e.article(c.req.param("slug"))));

  for (const path of ["/", ...FEED_FORMATS.map((f) => f.path), "/articles/:slug"]) {
    app.all(path, () => respondMethodNotAllowed());
  }
  app.notFound(notFound);
  app.onError((error, c) => {
    // Clients never see a stack trace; the log says what failed where.
    console.error(`${c.req.method} ${c.req.path}: ${error instanceof Error ? error.stack : String(error)}`);
    return c.text("Internal Server Error\n", 500);
  });
  return app;
}
