import { type Context, Hono } from "hono";
import type { ArticleBundle } from "./model/article.ts";
import type { Site } from "./model/site.ts";
import { FEED_FORMATS } from "./render/formats.ts";
import { ICON_FILES } from "./render/icons.ts";
import { clientAcceptEncoding } from "./serve/accepts-gzip.ts";
import { Edition, type IconData } from "./serve/edition.ts";
import { securityHeaders } from "./serve/headers.ts";
import { prefersHtmlPreview } from "./serve/negotiate.ts";
import { countScheduled, publicationOf } from "./serve/publication.ts";
import type { Resource } from "./serve/resource.ts";
import {
  type RequestMoment,
  respondMethodNotAllowed,
  respondMovedPermanently,
  respondNotFound,
  respondWith,
} from "./serve/respond.ts";

export interface AppOptions {
  readonly bundle: ArticleBundle;
  /**
   * The site as configured, with the base URL the build was made for (src/index.ts; tests
   * pass their own). Links never come from the request's Host, which any client can choose.
   */
  readonly site: Site;
  /** The icon files in base64 by file name (src/generated/icons.ts); a missing one is a 404. */
  readonly icons?: IconData;
  /** The clock that decides what is published; injectable so tests can travel in time. */
  readonly now?: () => number;
}

type AppContext = Context;

/** The Worker: thin routes that pick a prepared response and answer conditionally. */
export function createApp({ bundle, site, icons = {}, now = Date.now }: AppOptions) {
  const articles = bundle.articles;
  let edition: Edition | undefined;

  // One Edition per publication state: it changes only when a scheduled article's time comes.
  const editionAt = (at: number): Edition => {
    const scheduled = countScheduled(articles, at);
    if (edition?.publication.scheduledCount !== scheduled) {
      edition = new Edition(site, publicationOf(articles, scheduled), bundle, icons);
    }
    return edition;
  };

  const momentOf = (c: AppContext, at: number, current: Edition): RequestMoment => ({
    headers: c.req.raw.headers,
    now: at,
    nextAt: current.publication.nextAt,
    acceptEncoding: clientAcceptEncoding(c.req.raw),
  });

  const notFound = (c: AppContext): Response => {
    const at = now();
    const current = editionAt(at);
    return respondNotFound(current.notFoundPage(), momentOf(c, at, current));
  };

  const send = async (
    c: AppContext,
    pick: (edition: Edition) => Promise<Resource> | undefined,
    vary?: string,
  ): Promise<Response> => {
    const at = now();
    const current = editionAt(at);
    const resource = pick(current);
    if (!resource) return notFound(c);
    return respondWith(await resource, momentOf(c, at, current), vary);
  };

  /** /page/N in canonical form: no sign, no leading zero, and a number the archive could reach. */
  const sendArchivePage = (c: AppContext): Promise<Response> | Response => {
    const param = c.req.param("page") ?? "";
    if (!/^[1-9][0-9]{0,8}$/.test(param)) return notFound(c);
    const pageNumber = Number(param);
    return send(c, (e) => e.archivePage(pageNumber));
  };

  /**
   * An article by any of its names (src/serve/edition.ts): its page at the canonical path, a
   * 301 there from every other. The raw path, so only the exact canonical spelling is served.
   */
  const sendArticle = async (c: AppContext): Promise<Response> => {
    const at = now();
    const current = editionAt(at);
    const found = current.articleAt(rawPathOf(c.req.url));
    if (!found) return notFound(c);
    const moment = momentOf(c, at, current);
    return "movedTo" in found ? respondMovedPermanently(found.movedTo, moment) : respondWith(await found.page, moment);
  };

  const app = new Hono();
  // Hono answers HEAD with the GET route's headers and no body (RFC 9110 §9.3.2).
  app.get("/", (c) => send(c, (e) => e.homePage()));
  app.get("/page/:page", sendArchivePage);
  for (const format of FEED_FORMATS) {
    // A browser opening the feed gets a readable page; readers get the feed (src/serve/negotiate.ts).
    app.get(format.path, (c) =>
      send(
        c,
        (e) =>
          prefersHtmlPreview(c.req.header("accept") ?? null, format.mediaType) ? e.feedPreview(format) : e.feed(format),
        "Accept",
      ),
    );
  }
  app.get("/articles/*", sendArticle);
  app.get("/sitemap.xml", (c) => send(c, (e) => e.sitemap()));
  app.get("/robots.txt", (c) => send(c, (e) => e.robots()));
  for (const icon of ICON_FILES) app.get(icon.path, (c) => send(c, (e) => e.icon(icon)));

  const routes = ["/", "/page/:page", ...FEED_FORMATS.map((f) => f.path), "/articles/*"];
  for (const path of [...routes, "/sitemap.xml", "/robots.txt", ...ICON_FILES.map((icon) => icon.path)]) {
    app.all(path, () => respondMethodNotAllowed());
  }
  app.notFound(notFound);
  app.onError((error, c) => {
    // Clients never see a stack trace; the log says what failed where.
    const detail = error instanceof Error ? error.stack : String(error);
    console.error(`${c.req.method} ${c.req.path}: ${detail}`);
    return new Response("Internal Server Error\n", {
      status: 500,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        ...securityHeaders("text/plain"),
      },
    });
  });
  return app;
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
