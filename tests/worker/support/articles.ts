import { type LoadResult, loadArticles, type SourceFile } from "../../../src/load/load-articles.ts";
import type { ArticleBundle } from "../../../src/model/article.ts";

export interface ArticleSource {
  readonly id: string;
  readonly title: string;
  /** As written on the date line: "YYYY-MM-DD HH:MM:SS". */
  readonly date: string;
  readonly abstract: string;
  readonly paragraphs: readonly string[];
}

/** An article file's text, laid out exactly as the format describes. */
export function articleText(source: Omit<ArticleSource, "id">): string {
  return `${source.title}\n\n${source.date}\n\nAbstract: ${source.abstract}\n\n${source.paragraphs.join("\n\n")}\n`;
}

export function sourceFile(source: ArticleSource, index = 0): SourceFile {
  return {
    path: `articles/${String(index).padStart(3, "0")}_${source.id}.txt`,
    bytes: new TextEncoder().encode(articleText(source)),
  };
}

/** Loads sources through the real loader; throws if the test wrote an invalid article. */
export function loadSources(sources: readonly ArticleSource[], timeZone = "UTC"): LoadResult {
  const result = loadArticles(
    sources.map((source, index) => sourceFile(source, index)),
    timeZone,
  );
  if (result.errors.length > 0) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result;
}

export function bundleOf(sources: readonly ArticleSource[], revisedAt = Date.UTC(2024, 0, 1)): ArticleBundle {
  return { articles: loadSources(sources).articles, revisedAt };
}

/** A 16-hex id derived from a small number, so tests read clearly. */
export function idOf(n: number): string {
  return n.toString(16).padStart(16, "0");
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
