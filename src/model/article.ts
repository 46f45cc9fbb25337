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
   * slug>), kept so those old addresses still lead to it (src/model/legacy-slug.ts).
   */
  readonly legacySlug: string;
  readonly title: string;
  readonly published: PublishedTime;
  readonly abstract: string;
  /**
   * Plain-text paragraphs; a single line break inside one is kept as "\n". With `bodyOnDisk`,
   * read from the file each time they are asked for (src/load/body-on-disk.ts).
   */
  readonly paragraphs: readonly string[];
  /** Where the build left the text, so that it holds no body until it renders it. */
  readonly bodyOnDisk?: BodyOnDisk;
  /** The topics it is about (`Tags:`), in the order written; none when the file names none. */
  readonly tags?: readonly Topic[];
  /** Who wrote it (`Author:`); the site's author when absent. */
  readonly author?: string;
  /** When it was last corrected (`Updated:`), never before `published`. */
  readonly updated?: PublishedTime;
  /** The picture that goes with it (`Image:`). */
  readonly image?: ArticleImage;
}

/**
 * An article's body left in its file: 100,000 bodies held as strings take over a gigabyte
 * (most news text has a curly quote or a dash, and V8 then stores two bytes a character).
 */
export interface BodyOnDisk {
  /** The file, as the build opens it. */
  readonly file: string;
  /** The 0-based line the body starts at. */
  readonly bodyStart: number;
  /** SHA-256 of the file's bytes: it names the text where a shard's sources are hashed. */
  readonly sha256: string;
}

/** The two ways articles are grouped, each the first segment of its pages' paths. */
export type TopicKind = "tags" | "authors";

/** A tag or an author as pages and feeds name it. */
export interface Topic {
  /** As the author wrote it: "Energy", "Olena Kovalenko". */
  readonly label: string;
  /** Its readable ASCII address segment, from the label like an article slug: "energy". */
  readonly slug: string;
}

/** An article's picture: a file under articles/media/ the site serves, or an image elsewhere. */
export interface ArticleImage {
  /** A site path ("/media/<digest>/<name>") for a served file, an absolute http(s) URL otherwise. */
  readonly url: string;
  /** Known from a served file's bytes, or guessed from a remote URL's extension. */
  readonly mediaType?: string;
  /** Size in bytes and pixels: known only for a file the site serves. */
  readonly length?: number;
  readonly width?: number;
  readonly height?: number;
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
