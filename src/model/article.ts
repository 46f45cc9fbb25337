/** One published (or scheduled) article, as every stage after loading sees it. */
export interface Article {
  /** The 16 hex digits of the file name: the permanent identity readers see as id/guid. */
  readonly id: string;
  /** One URL path segment, unique across the site. */
  readonly slug: string;
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
   * When the renderers or the site configuration last changed, in ms since the epoch: every
   * body may have changed then, so no Last-Modified is older.
   */
  readonly revisedAt: number;
  /**
   * Per article id, when its text last changed (first built as it is now). Bounds the
   * Last-Modified of every response that shows it. Missing ids count as never revised.
   */
  readonly articleRevisedAt?: Readonly<Record<string, number>>;
}
