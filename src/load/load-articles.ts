import type { Article, ArticleImage, BodyOnDisk } from "../model/article.ts";
import { assignLegacySlugs } from "../model/legacy-slug.ts";
import { parseArticleFileName } from "../model/paths.ts";
import { slugify } from "../model/slugify.ts";
import { type MediaSource, resolveImage } from "./article-image.ts";
import { leaveBodyOnDisk, type ReadBody } from "./body-on-disk.ts";
import { freshArticleName, randomArticleId } from "./classify-entries.ts";
import { decodeUtf8 } from "./decode-utf8.ts";
import { type ParsedArticle, parseArticle } from "./parse-article.ts";
import type { Problem } from "./problem.ts";

export interface SourceFile {
  /** Path as it should appear in messages, e.g. "articles/000_257de2f4becf6e8f.txt". */
  readonly path: string;
  /** Taken once by loadArticles (the build reads the file then). */
  readonly bytes: Uint8Array;
  /**
   * Given, the article keeps no paragraphs in memory: they are read again from `file` each
   * time a renderer asks (src/load/body-on-disk.ts), and `sha256` names the bytes read now.
   */
  readonly leaveBody?: {
    readonly file: string;
    readonly sha256: (bytes: Uint8Array) => string;
    readonly read: ReadBody;
  };
}

export interface LoadResult {
  /** Newest first, then by id; empty when there are errors. */
  readonly articles: readonly Article[];
  readonly errors: readonly Problem[];
  readonly warnings: readonly Problem[];
  /** The media files the articles show, by the site path they are served at. */
  readonly media: ReadonlyMap<string, Uint8Array>;
  /** Each article's date line by id, so a message about when it goes live can point at it. */
  readonly dateLines: ReadonlyMap<string, SourceLine>;
}

/** A line of an article file, as problems name it (path:line). */
export interface SourceLine {
  readonly path: string;
  /** 1-based. */
  readonly line: number;
}

/**
 * The largest article file the build takes. Every feed carries its articles' full text, so a
 * reader polling RSS, Atom and JSON Feed fetches up to `itemsPerFeed` of them at once, escaped
 * for HTML and for XML on top (up to nine bytes per `&`); and an article's page shares a 25 MiB
 * asset file (Cloudflare's limit) with the others whose ids start like its own. 1 MiB is some
 * 150,000 words, far beyond any article, and keeps a feed of 20 within that limit for
 * ordinary text.
 */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The permanent id in an article's file name, or undefined if the name is not one. */
export function idFromPath(path: string): string | undefined {
  return parseArticleFileName(fileNameOf(path))?.id;
}

/**
 * Reads, checks and orders a whole set of article files, collecting every problem.
 * `freshId` makes the ids of the names proposed for misnamed files; `media` holds the files
 * of articles/media/ by their path there ("grid.png"), which `Image:` fields may name.
 */
export function loadArticles(
  files: readonly SourceFile[],
  timeZone: string,
  freshId: () => string = randomArticleId,
  media: ReadonlyMap<string, MediaSource> = new Map(),
): LoadResult {
  const takenNames = files.map((file) => fileNameOf(file.path));
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const parsed: (Omit<ParsedArticle, "image"> & {
    id: string;
    image?: ArticleImage;
    left?: { body: BodyOnDisk; read: ReadBody };
  })[] = [];
  const served = new Map<string, Uint8Array>();
  const pathById = new Map<string, string>();
  const dateLines = new Map<string, SourceLine>();

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const id = idFromPath(file.path);
    if (id === undefined) {
      const proposed = freshArticleName(takenNames, freshId);
      takenNames.push(proposed);
      errors.push({
        severity: "error",
        path: file.path,
        line: 1,
        message: `file name "${fileNameOf(file.path)}" is not an article name; expected NNN_<16 lowercase hex digits>.txt: rename it to ${proposed}`,
      });
    } else {
      const earlier = pathById.get(id);
      if (earlier !== undefined) {
        errors.push({
          severity: "error",
          path: file.path,
          line: 1,
          message: `id ${id} is already used by ${earlier}; expected every article to have its own 16-hex-digit id`,
        });
      }
      pathById.set(id, file.path);
    }

    // Taken once: the build reads a file only here, so one file's bytes are held at a time.
    const bytes = file.bytes;
    if (bytes.length > MAX_ARTICLE_BYTES) {
      // Its other problems wait until it is cut down: a runaway file would bury the rest.
      errors.push({
        severity: "error",
        path: file.path,
        line: 1,
        message: `the file is ${bytes.length.toLocaleString("en")} bytes; expected at most ${MAX_ARTICLE_BYTES.toLocaleString("en")} (1 MiB): split it into several articles`,
      });
      continue;
    }
    const decoded = decodeUtf8(bytes);
    for (const line of decoded.invalidLines) {
      warnings.push({
        severity: "warning",
        path: file.path,
        line,
        message: "invalid UTF-8 was replaced with U+FFFD; expected the file to be saved as UTF-8",
      });
    }
    const result = parseArticle(file.path, decoded.text, timeZone);
    // One push per problem: spreading a long list into a call overflows the stack.
    for (const warning of result.warnings) warnings.push(warning);
    if (!result.ok) {
      for (const error of result.errors) errors.push(error);
      continue;
    }
    const { image: reference, ...article } = result.article;
    const image = reference && resolveImage(reference, media);
    if (typeof image === "string") {
      errors.push({ severity: "error", path: file.path, line: reference?.line ?? 1, message: image });
    } else if (id !== undefined) {
      const left = file.leaveBody && {
        body: { file: file.leaveBody.file, bodyStart: result.bodyStart, sha256: file.leaveBody.sha256(bytes) },
        read: file.leaveBody.read,
      };
      parsed.push({
        ...article,
        ...(left ? { paragraphs: [], left } : {}),
        id,
        ...(image ? { image } : {}),
      });
      dateLines.set(id, { path: file.path, line: result.dateLine });
      if (reference?.kind === "file" && image)
        served.set(image.url, media.get(reference.name)?.bytes ?? new Uint8Array());
    }
  }

  if (errors.length > 0) return { articles: [], errors, warnings, media: new Map(), dateLines: new Map() };

  const legacySlugs = assignLegacySlugs(
    parsed.map((a) => ({ id: a.id, title: a.title, epochMs: a.published.epochMs })),
  );
  const articles = parsed
    .map(({ id, slug, left, ...a }): Article => {
      const article: Article = {
        id,
        // The Slug: field overrides only the readable part; the id still finds the article.
        slug: slug ?? slugify(a.title),
        legacySlug: legacySlugs.get(id) ?? id,
        ...a,
      };
      return left ? leaveBodyOnDisk(article, left.body, left.read) : article;
    })
    .sort(newestFirst);
  return { articles, errors, warnings, media: served, dateLines };
}

/** The one order every output uses: newest first, ties broken by id. */
export function newestFirst(a: Article, b: Article): number {
  return b.published.epochMs - a.published.epochMs || a.id.localeCompare(b.id);
}
