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
   * When the built content (articles, site configuration, renderers) last changed, in ms
   * since the epoch. It bounds Last-Modified from below, so an edited article or template
   * is never answered with a 304 for an older If-Modified-Since.
   */
  readonly revisedAt: number;
}
