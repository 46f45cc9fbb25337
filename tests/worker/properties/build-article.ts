import { loadArticles } from "../../../src/load/load-articles.ts";
import { parseArticle } from "../../../src/load/parse-article.ts";
import type { Article } from "../../../src/model/article.ts";
import { articleFileName } from "../../../src/model/paths.ts";
import { type ArticleFields, toArticleFile } from "./hostile-text.ts";

export interface GeneratedArticle {
  readonly id: string;
  readonly fields: ArticleFields;
  readonly lineEnd: "\n" | "\r\n";
}

/**
 * Runs generated articles through the real loader (parse, clean, slug) as the build does;
 * those the parser rejects are left out, as a build without them would. Oldest first in the
 * input means newest first out.
 */
export function buildArticles(generated: readonly GeneratedArticle[]): Article[] {
  const files = generated.flatMap((g, index) => {
    const date = `2025-01-${String(1 + (index % 28)).padStart(2, "0")} 12:00:00`;
    const path = `articles/${articleFileName(index, g.id)}`;
    const text = toArticleFile(g.fields, date, g.lineEnd);
    return parseArticle(path, text, "UTC").ok ? [{ path, bytes: new TextEncoder().encode(text) }] : [];
  });
  const { articles, errors } = loadArticles(files, "UTC");
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join("\n"));
  return [...articles];
}
