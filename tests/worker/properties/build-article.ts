import { assignLegacySlugs } from "../../../src/load/legacy-slug.ts";
import { parseArticle } from "../../../src/load/parse-article.ts";
import { slugify } from "../../../src/load/slugify.ts";
import type { Article } from "../../../src/model/article.ts";
import { type ArticleFields, toArticleFile } from "./hostile-text.ts";

export interface GeneratedArticle {
  readonly id: string;
  readonly fields: ArticleFields;
  readonly lineEnd: "\n" | "\r\n";
}

/**
 * Runs generated articles through the real loader (parse, clean, slug) as the build does;
 * those the loader rejects are left out. Oldest first in the input means newest first out.
 */
export function buildArticles(generated: readonly GeneratedArticle[]): Article[] {
  const parsed = generated.flatMap((g, index) => {
    const date = `2025-01-${String(1 + (index % 28)).padStart(2, "0")} 12:00:00`;
    const result = parseArticle(`articles/${index}.txt`, toArticleFile(g.fields, date, g.lineEnd), "UTC");
    return result.ok ? [{ ...result.article, id: g.id }] : [];
  });
  const legacySlugs = assignLegacySlugs(
    parsed.map((a) => ({ id: a.id, title: a.title, epochMs: a.published.epochMs })),
  );
  return parsed
    .map((a) => ({ ...a, slug: slugify(a.title), legacySlug: legacySlugs.get(a.id) ?? a.id }))
    .sort((a, b) => b.published.epochMs - a.published.epochMs);
}
