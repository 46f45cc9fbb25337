import type { Article, ArticleBundle } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { archivePageEntries, archivePagePath, countArchivePages, homePageEntries } from "../render/archive-pages.ts";
import { renderArticlePage } from "../render/article-page.ts";
import { feedEntries } from "../render/feed-entries.ts";
import { renderFeedPreviewPage } from "../render/feed-preview-page.ts";
import type { FeedFormat } from "../render/formats.ts";
import type { IconFile } from "../render/icons.ts";
import { renderArchivePage, renderIndexPage } from "../render/index-page.ts";
import { absoluteUrl, articlePath, homeUrl } from "../render/links.ts";
import { renderNotFoundPage } from "../render/not-found-page.ts";
import { renderRobots } from "../render/robots.ts";
import { renderSitemap } from "../render/sitemap.ts";
import type { Publication } from "./publication.ts";
import { createResource, type Resource } from "./resource.ts";

const HTML = "text/html; charset=utf-8";

/**
 * /articles/<key>, /articles/<key>/<slug>, each with or without a trailing "/": the key is an
 * id or a legacy slug. Anything else under /articles/ names no article.
 */
const ARTICLE_PATH = /^\/articles\/([^/]+)(?:\/([^/]+))?\/?$/;

type Revisions = Pick<ArticleBundle, "revisedAt" | "articleRevisedAt">;
/** Each icon file's bytes in base64, by file name (src/generated/icons.ts). */
export type IconData = Readonly<Record<string, string>>;
const MAX_CACHED_PAGES = 2_000;

/**
 * Every response of one site in one publication state. Each body is rendered, encoded and
 * hashed the first time it is asked for, then kept: requests only look it up.
 */
export class Edition {
  readonly #feeds = new Map<FeedFormat, Promise<Resource>>();
  readonly #feedPreviews = new Map<FeedFormat, Promise<Resource>>();
  readonly #articles = new Map<string, Promise<Resource>>();
  #homePage: Promise<Resource> | undefined;
  readonly #archivePages = new Map<number, Promise<Resource>>();
  #byId: Map<string, Article> | undefined;
  #byLegacySlug: Map<string, Article> | undefined;
  #sitemap: Promise<Resource> | undefined;
  #robots: Promise<Resource> | undefined;
  readonly #icons = new Map<IconFile, Promise<Resource>>();
  #notFound: Uint8Array | undefined;

  readonly site: Site;
  readonly publication: Publication;
  /** When each part of the built content last changed: Last-Modified is never older. */
  readonly revisions: Revisions;
  readonly #iconData: IconData;
  /** How many archive pages there are: /page/1 … /page/N, none before the first article. */
  readonly pageCount: number;

  constructor(site: Site, publication: Publication, revisions: Revisions, iconData: IconData) {
    this.site = site;
    this.#iconData = iconData;
    this.publication = publication;
    this.revisions = revisions;
    this.pageCount = countArchivePages(site, publication.published.length);
  }

  /**
   * Last-Modified of a page showing one article: its publication, the last edit of its text,
   * or the last change to the templates, whichever is latest (RFC 9110 §8.8.2).
   */
  #articleModified(article: Article): number {
    const edited = this.revisions.articleRevisedAt?.[article.id] ?? 0;
    return Math.max(article.published.epochMs, edited, this.revisions.revisedAt);
  }

  /**
   * Last-Modified of a list of the newest articles (a feed, the home page): any publication
   * changes it (what it holds shifts), and otherwise only an edit to an article it shows or
   * to the templates.
   */
  #listModified(shown: readonly Article[]): number {
    const newest = this.publication.published[0]?.published.epochMs ?? 0;
    return shown.reduce(
      (latest, article) => Math.max(latest, this.#articleModified(article)),
      Math.max(newest, this.revisions.revisedAt),
    );
  }

  /**
   * Last-Modified of an archive page: a publication changes only the last page, and a full
   * page last changed when the article that opened the next page was published (it gained its
   * link there). Beyond that, only an edit to an article it shows or to the templates.
   */
  #archivePageModified(pageNumber: number): number {
    const published = this.publication.published;
    const shown = archivePageEntries(this.site, published, pageNumber);
    // The next page opens with the article at oldest-first index pageNumber·P; none on the last.
    const nextOpenedBy = published[published.length - 1 - pageNumber * this.site.itemsPerFeed];
    return shown.reduce(
      (latest, article) => Math.max(latest, this.#articleModified(article)),
      Math.max(nextOpenedBy?.published.epochMs ?? 0, this.revisions.revisedAt),
    );
  }

  feed(format: FeedFormat): Promise<Resource> {
    let resource = this.#feeds.get(format);
    if (!resource) {
      const body = format.render(this.site, this.publication.published);
      const modified = this.#listModified(feedEntries(this.site, this.publication.published));
      resource = createResource(body, `${format.mediaType}; charset=utf-8`, modified, "feed");
      this.#feeds.set(format, resource);
    }
    return resource;
  }

  /**
   * The HTML a browser gets at a feed's URL. Its bytes differ from the feed's, so its strong
   * ETag differs too (RFC 9110 §8.8.3: one per representation) and a 304 for one is never
   * given for the other.
   */
  feedPreview(format: FeedFormat): Promise<Resource> {
    let resource = this.#feedPreviews.get(format);
    if (!resource) {
      const body = renderFeedPreviewPage(this.site, format, this.publication.published);
      const modified = this.#listModified(feedEntries(this.site, this.publication.published));
      resource = createResource(body, HTML, modified, "feed");
      this.#feedPreviews.set(format, resource);
    }
    return resource;
  }

  /** The home page: the newest articles, changed by every publication. */
  homePage(): Promise<Resource> {
    this.#homePage ??= createResource(
      renderIndexPage(this.site, this.publication.published),
      HTML,
      this.#listModified(homePageEntries(this.site, this.publication.published)),
      "index",
    );
    return this.#homePage;
  }

  /**
   * /page/`pageNumber`, or undefined outside 1 … pageCount. A page followed by another never
   * changes with a publication, so caches may keep it as long as an article's page; the last
   * one changes with the next, so it is cached like a list.
   */
  archivePage(pageNumber: number): Promise<Resource> | undefined {
    if (!Number.isSafeInteger(pageNumber) || pageNumber < 1 || pageNumber > this.pageCount) return undefined;
    let resource = this.#archivePages.get(pageNumber);
    if (!resource) {
      const body = renderArchivePage(this.site, this.publication.published, pageNumber);
      const kind = pageNumber < this.pageCount ? "article" : "index";
      resource = createResource(body, HTML, this.#archivePageModified(pageNumber), kind);
      remember(this.#archivePages, pageNumber, resource);
    }
    return resource;
  }

  /**
   * What an /articles/… path names (the raw, still percent-encoded path): the page of a
   * published article at its canonical path, a 301 target for any other name of one, or
   * undefined, also for an article still scheduled, so its address is never revealed.
   */
  articleAt(path: string): { readonly page: Promise<Resource> } | { readonly movedTo: string } | undefined {
    const match = ARTICLE_PATH.exec(path);
    if (!match) return undefined;
    const [, key = "", slug] = match;
    this.#byId ??= new Map(this.publication.published.map((a) => [a.id, a]));
    // The id wins; an address with no second segment may also be one the first versions published.
    let article = this.#byId.get(key);
    if (!article && slug === undefined) {
      this.#byLegacySlug ??= new Map(this.publication.published.map((a) => [a.legacySlug, a]));
      article = this.#byLegacySlug.get(key);
    }
    if (!article) return undefined;
    const canonical = articlePath(article);
    if (path !== canonical) return { movedTo: absoluteUrl(this.site, canonical) };
    let page = this.#articles.get(article.id);
    if (!page) {
      page = createResource(renderArticlePage(this.site, article), HTML, this.#articleModified(article), "article");
      remember(this.#articles, article.id, page);
    }
    return { page };
  }

  /** Every page with the instant its Last-Modified gives, so crawlers see one story. */
  sitemap(): Promise<Resource> {
    this.#sitemap ??= createResource(
      renderSitemap([
        {
          url: homeUrl(this.site),
          modifiedMs: this.#listModified(homePageEntries(this.site, this.publication.published)),
        },
        ...Array.from({ length: this.pageCount }, (_, i) => ({
          url: absoluteUrl(this.site, archivePagePath(i + 1)),
          modifiedMs: this.#archivePageModified(i + 1),
        })),
        ...this.publication.published.map((article) => ({
          url: absoluteUrl(this.site, articlePath(article)),
          modifiedMs: this.#articleModified(article),
        })),
      ]),
      "application/xml; charset=utf-8",
      this.#listModified(this.publication.published),
      "index",
    );
    return this.#sitemap;
  }

  robots(): Promise<Resource> {
    this.#robots ??= createResource(
      renderRobots(this.site),
      "text/plain; charset=utf-8",
      this.revisions.revisedAt,
      "asset",
    );
    return this.#robots;
  }

  /** The 404 page's bytes: it names no path, so one per edition serves every miss. */
  notFoundPage(): Uint8Array {
    this.#notFound ??= new TextEncoder().encode(renderNotFoundPage(this.site));
    return this.#notFound;
  }

  /** An icon file, or undefined when the build shipped no such file. */
  icon(icon: IconFile): Promise<Resource> | undefined {
    let resource = this.#icons.get(icon);
    if (!resource) {
      const base64 = this.#iconData[icon.file];
      if (base64 === undefined) return undefined;
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      resource = createResource(bytes, icon.mediaType, this.revisions.revisedAt, "asset");
      this.#icons.set(icon, resource);
    }
    return resource;
  }
}

/** Bounded, so a large archive crawled page by page cannot exhaust the isolate's memory. */
function remember<K>(cache: Map<K, Promise<Resource>>, key: K, resource: Promise<Resource>): void {
  if (cache.size >= MAX_CACHED_PAGES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, resource);
}
