import type { Article } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { renderArticlePage } from "../render/article-page.ts";
import type { FeedFormat } from "../render/formats.ts";
import { renderIndexPage } from "../render/index-page.ts";
import type { Publication } from "./publication.ts";
import { createResource, type Resource } from "./resource.ts";

const HTML = "text/html; charset=utf-8";
const MAX_CACHED_PAGES = 2_000;

/**
 * Every response of one site in one publication state. Each body is rendered, encoded and
 * hashed the first time it is asked for, then kept: requests only look it up.
 */
export class Edition {
  readonly #feeds = new Map<FeedFormat, Promise<Resource>>();
  readonly #articles = new Map<string, Promise<Resource>>();
  #index: Promise<Resource> | undefined;
  #bySlug: Map<string, Article> | undefined;

  readonly site: Site;
  readonly publication: Publication;
  /** When the built content last changed: Last-Modified is never older. */
  readonly revisedAt: number;
  /** The BASE_URL this edition was made for, as configured (before normalising). */
  readonly baseUrlSetting: string;

  constructor(site: Site, publication: Publication, revisedAt: number, baseUrlSetting: string) {
    this.site = site;
    this.publication = publication;
    this.revisedAt = revisedAt;
    this.baseUrlSetting = baseUrlSetting;
  }

  /** Last-Modified of a list: its newest article, or the last change to the content. */
  #listModified(): number {
    return Math.max(this.publication.published[0]?.published.epochMs ?? 0, this.revisedAt);
  }

  feed(format: FeedFormat): Promise<Resource> {
    let resource = this.#feeds.get(format);
    if (!resource) {
      const body = format.render(this.site, this.publication.published);
      resource = createResource(body, `${format.mediaType}; charset=utf-8`, this.#listModified(), "feed");
      this.#feeds.set(format, resource);
    }
    return resource;
  }

  index(): Promise<Resource> {
    this.#index ??= createResource(
      renderIndexPage(this.site, this.publication.published),
      HTML,
      this.#listModified(),
      "index",
    );
    return this.#index;
  }

  /** The page of a published article, or undefined for a slug nobody can see yet. */
  article(slug: string): Promise<Resource> | undefined {
    this.#bySlug ??= new Map(this.publication.published.map((a) => [a.slug, a]));
    const article = this.#bySlug.get(slug);
    if (!article) return undefined;
    let resource = this.#articles.get(slug);
    if (!resource) {
      const modified = Math.max(article.published.epochMs, this.revisedAt);
      resource = createResource(renderArticlePage(this.site, article), HTML, modified, "article");
      // Bounded, so a large archive crawled page by page cannot exhaust the isolate's memory.
      if (this.#articles.size >= MAX_CACHED_PAGES) {
        const oldest = this.#articles.keys().next().value;
        if (oldest !== undefined) this.#articles.delete(oldest);
      }
      this.#articles.set(slug, resource);
    }
    return resource;
  }
}
