import type { Article } from "../model/article.ts";
import { freshArticleName, randomArticleId } from "./classify-entries.ts";
import { decodeUtf8 } from "./decode-utf8.ts";
import { assignLegacySlugs } from "./legacy-slug.ts";
import { type ParsedArticle, parseArticle } from "./parse-article.ts";
import type { Problem } from "./problem.ts";
import { slugify } from "./slugify.ts";

export interface SourceFile {
  /** Path as it should appear in messages, e.g. "articles/000_257de2f4becf6e8f.txt". */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface LoadResult {
  /** Newest first, then by id; empty when there are errors. */
  readonly articles: readonly Article[];
  readonly errors: readonly Problem[];
  readonly warnings: readonly Problem[];
}

/** `NNN_<16 lowercase hex>.txt`; the number only orders a listing, so it may grow past 999. */
const FILE_NAME = /^\d{3,}_([0-9a-f]{16})\.txt$/;

export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The permanent id in an article's file name, or undefined if the name is not one. */
export function idFromPath(path: string): string | undefined {
  return FILE_NAME.exec(fileNameOf(path))?.[1];
}

/**
 * Reads, checks and orders a whole set of article files, collecting every problem.
 * `freshId` makes the ids of the names proposed for misnamed files.
 */
export function loadArticles(
  files: readonly SourceFile[],
  timeZone: string,
  freshId: () => string = randomArticleId,
): LoadResult {
  const takenNames = files.map((file) => fileNameOf(file.path));
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const parsed: (ParsedArticle & { id: string })[] = [];
  const pathById = new Map<string, string>();

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

    const decoded = decodeUtf8(file.bytes);
    for (const line of decoded.invalidLines) {
      warnings.push({
        severity: "warning",
        path: file.path,
        line,
        message: "invalid UTF-8 was replaced with U+FFFD; expected the file to be saved as UTF-8",
      });
    }
    const result = parseArticle(file.path, decoded.text, timeZone);
    warnings.push(...result.warnings);
    if (!result.ok) errors.push(...result.errors);
    else if (id !== undefined) parsed.push({ ...result.article, id });
  }

  if (errors.length > 0) return { articles: [], errors, warnings };

  const legacySlugs = assignLegacySlugs(
    parsed.map((a) => ({ id: a.id, title: a.title, epochMs: a.published.epochMs })),
  );
  const articles = parsed
    .map(
      (a): Article => ({
        id: a.id,
        slug: slugify(a.title),
        legacySlug: legacySlugs.get(a.id) ?? a.id,
        title: a.title,
        published: a.published,
        abstract: a.abstract,
        paragraphs: a.paragraphs,
      }),
    )
    .sort(newestFirst);
  return { articles, errors, warnings };
}

/** The one order every output uses: newest first, ties broken by id. */
export function newestFirst(a: Article, b: Article): number {
  return b.published.epochMs - a.published.epochMs || a.id.localeCompare(b.id);
}
