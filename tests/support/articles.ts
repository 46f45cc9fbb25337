// Articles as tests write them: the format's own writer (scripts/article-text.ts), file names
// as authors give them, and the real loader for tests that need the model.
import { type ArticleParts, articleText } from "../../scripts/article-text.ts";
import type { MediaSource } from "../../src/load/article-image.ts";
import { type LoadResult, loadArticles, type SourceFile } from "../../src/load/load-articles.ts";
import type { ArticleBundle } from "../../src/model/article.ts";
import { articleFileName } from "../../src/model/paths.ts";

export { articleText };

export interface ArticleSource extends ArticleParts {
  /** The 16 hex digits of the file name. */
  readonly id: string;
}

/** A 16-hex id derived from a small number, so tests read clearly. */
export function idOf(n: number): string {
  return n.toString(16).padStart(16, "0");
}

/** An article file's name: its number in the folder, then its id. */
export function fileNameOf(n: number, id = idOf(n)): string {
  return articleFileName(n, id);
}

export function sourceFile(source: ArticleSource, index = 0): SourceFile {
  return { path: `articles/${fileNameOf(index, source.id)}`, bytes: new TextEncoder().encode(articleText(source)) };
}

/**
 * Loads sources through the real loader, with the files of articles/media/ by their path in it;
 * throws, naming file and line, if a test wrote an invalid article.
 */
export function loadSources(
  sources: readonly ArticleSource[],
  timeZone = "UTC",
  media?: ReadonlyMap<string, MediaSource>,
): LoadResult {
  const result = loadArticles(
    sources.map((source, index) => sourceFile(source, index)),
    timeZone,
    undefined,
    media,
  );
  if (result.errors.length > 0) {
    throw new Error(result.errors.map((e) => `${e.path}:${e.line}: ${e.message}`).join("\n"));
  }
  return result;
}

export function bundleOf(sources: readonly ArticleSource[], revisedAt = Date.UTC(2024, 0, 1)): ArticleBundle {
  return { articles: loadSources(sources).articles, revisedAt };
}

export function plainArticle(n: number, date: string, title = `Article number ${n}`): ArticleSource {
  return {
    id: idOf(n),
    title,
    date,
    abstract: `Summary of article ${n}.`,
    paragraphs: [`First paragraph of article ${n}.`, `Second paragraph of article ${n}.`],
  };
}

/** Article n of a folder of distinct valid articles, dated in March 2025 by n. */
export function numberedArticleText(n: number, titleSuffix = ""): string {
  const day = String(1 + (n % 28)).padStart(2, "0");
  const minute = String(n % 60).padStart(2, "0");
  return articleText(plainArticle(n, `2025-03-${day} 10:${minute}:00`, `Article number ${n}${titleSuffix}`));
}

/** An article the build must refuse: its date line (line 3) names a day and a time that do not exist. */
export const IMPOSSIBLE_DATE_ARTICLE = articleText({
  title: "Title",
  date: "2025-02-30 25:61:00",
  abstract: "A.",
  paragraphs: ["Body."],
});
