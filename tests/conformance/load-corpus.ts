import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { loadArticles } from "../../src/load/load-articles.ts";
import { formatProblem } from "../../src/load/problem.ts";
import type { Article } from "../../src/model/article.ts";
import { siteConfig } from "../../src/site-config.ts";

/** A folder of articles as the project's own loader reads it, split by what is visible now. */
export interface Corpus {
  /** Short name used in check names, e.g. "articles" or "tricky-articles". */
  readonly label: string;
  readonly dir: string;
  /** Published (time ≤ now), newest first: what pages may show. */
  readonly published: readonly Article[];
  /** The newest published articles, as many as a feed carries. */
  readonly inFeeds: readonly Article[];
  /** Dated after now: must be absent from every feed and page. */
  readonly scheduled: readonly Article[];
}

/**
 * Reads `dir` like scripts/build-articles.ts does (the files directly inside it, hidden ones
 * skipped) with `loadArticles`, so every expectation comes from the source files themselves.
 * Throws with every loader error when the folder is not a valid corpus.
 */
export function loadCorpus(dir: string, now: number): Corpus {
  const sources = readdirSync(dir)
    .filter((name) => !name.startsWith("."))
    .map((name) => join(dir, name))
    .filter((path) => !statSync(path).isDirectory())
    .map((path) => ({ path: relative(".", path), bytes: readFileSync(path) }));
  const { articles, errors } = loadArticles(sources, siteConfig.timeZone);
  if (errors.length > 0) throw new Error(errors.map(formatProblem).join("\n"));
  if (articles.length === 0) throw new Error(`${dir}: no articles`);
  const published = articles.filter((article) => article.published.epochMs <= now);
  return {
    label: basename(dir),
    dir,
    published,
    inFeeds: published.slice(0, siteConfig.itemsPerFeed),
    scheduled: articles.filter((article) => article.published.epochMs > now),
  };
}
