import type { Article, ArticleBundle } from "../model/article.ts";
import { lastUpdate } from "../model/last-update.ts";
import { listPageEntries } from "../model/list-pages.ts";
import type { Site } from "../model/site.ts";

type Revisions = Pick<ArticleBundle, "revisedAt" | "articleRevisedAt">;

/**
 * When each kind of page last changed (Last-Modified, RFC 9110 §8.8.2), from publication
 * instants and the revision times git gave the build. Never older than the templates.
 */
export class ModifiedTimes {
  readonly #site: Site;
  readonly #revisions: Revisions;

  constructor(site: Site, revisions: Revisions) {
    this.#site = site;
    this.#revisions = revisions;
  }

  /** The templates' last change: what robots.txt, the icons and the 404 page depend on. */
  get templatesRevisedAt(): number {
    return this.#revisions.revisedAt;
  }

  /**
   * Anything showing one article: its publication, its correction (`updated`), the last edit
   * of its text, or the templates.
   */
  article(article: Article): number {
    const edited = this.#revisions.articleRevisedAt?.[article.id] ?? 0;
    return Math.max(lastUpdate(article).epochMs, edited, this.#revisions.revisedAt);
  }

  /**
   * An article's own page, which also links its neighbours by title (src/render/pages/article-neighbours.ts):
   * it changes with the newer one's publication, when the link appears, and with an edit to
   * either, which may have retitled it (git does not date a title apart from the text). A
   * neighbour's correction time alone says nothing about its title.
   */
  articlePage(article: Article, neighbours: readonly Article[]): number {
    return neighbours.reduce((latest, neighbour) => Math.max(latest, this.#linked(neighbour)), this.article(article));
  }

  /**
   * A list of the newest articles (a feed, the home page, the sitemap): any publication
   * changes what it holds, and otherwise only an edit to an article it shows.
   */
  list(published: readonly Article[], shown: readonly Article[]): number {
    const newest = published[0]?.published.epochMs ?? 0;
    return this.#latest(shown, Math.max(newest, this.#revisions.revisedAt));
  }

  /**
   * The list of every feed (/feeds and its OPML): a topic appears with the publication of its
   * first article, and an edit to any published article may add, drop or respell one. Another
   * article's publication alone changes nothing there, so its validators hold until one does.
   */
  feedList(published: readonly Article[], firstOfEachTopic: readonly Article[]): number {
    let latest = this.#revisions.revisedAt;
    for (const article of firstOfEachTopic) latest = Math.max(latest, article.published.epochMs);
    for (const article of published) latest = Math.max(latest, this.#revisions.articleRevisedAt?.[article.id] ?? 0);
    return latest;
  }

  /**
   * A list page (/page/N, a topic's /page/N): a publication changes only the last page, and a
   * full page last changed when the article that opened the next page was published (it gained
   * its link there).
   */
  listPage(published: readonly Article[], pageNumber: number): number {
    const shown = listPageEntries(this.#site, published, pageNumber);
    // The next page opens with the article at oldest-first index pageNumber·P; none on the last.
    const nextOpenedBy = published[published.length - 1 - pageNumber * this.#site.itemsPerFeed];
    return this.#latest(shown, Math.max(nextOpenedBy?.published.epochMs ?? 0, this.#revisions.revisedAt));
  }

  #linked(neighbour: Article): number {
    const edited = this.#revisions.articleRevisedAt?.[neighbour.id] ?? 0;
    return Math.max(neighbour.published.epochMs, edited);
  }

  #latest(shown: readonly Article[], floor: number): number {
    return shown.reduce((latest, article) => Math.max(latest, this.article(article)), floor);
  }
}
