/** One published (or scheduled) article, as every stage after loading sees it. */
export interface Article {
  /** The 16 hex digits of the file name: the permanent identity readers see as id/guid. */
  readonly id: string;
  /**
   * The readable part of the address, from the current title: `[a-z0-9]+(-[a-z0-9]+)*` or
   * empty. Not unique and not permanent; the id is what finds the article.
   */
  readonly slug: string;
  /**
   * The one path segment the publisher's first versions gave this article (/articles/<legacy
   * slug>), kept so those old addresses still lead to it (src/load/legacy-slug.ts).
   */
  readonly legacySlug: string;
  readonly title: string;
  readonly published: PublishedTime;
  readonly abstract: string;
  /** Plain-text paragraphs; a single line break inside one is kept as "\n". */
  readonly paragraphs: readonly string[];
}

/** An instant plus the offset of the site's time zone at that instant. */
export interface PublishedTime {
  readonly epochMs: number;
  /** Minutes east of UTC, e.g. 120 for +02:00. */
  readonly offsetMinutes: number;
}

/** What the build writes for the Worker: articles newest first. */
export interface ArticleBundle {
  readonly articles: readonly Article[];
  /**
   * When the templates (src/ but its build output, the site configuration included, and
   * package-lock.json) last changed, in ms since the epoch: the last commit that changed them,
   * or the build's clock while they have uncommitted changes. Every body may have changed
   * then, so no Last-Modified is older.
   */
  readonly revisedAt: number;
  /**
   * Per article id, when its file last changed: the last commit that changed it, or the
   * build's clock while it has uncommitted changes (scripts/git-revisions.ts). Bounds the
   * Last-Modified of every response that shows it. Missing ids count as never revised.
   */
  readonly articleRevisedAt?: Readonly<Record<string, number>>;
}
