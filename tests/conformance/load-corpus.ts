import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { hasMediaFolder, readMedia } from "../../scripts/read-media.ts";
import { loadArticles } from "../../src/load/load-articles.ts";
import { formatProblem } from "../../src/load/problem.ts";
import type { Article } from "../../src/model/article.ts";
import type { SiteConfig } from "../../src/model/site.ts";
import { TEST_SITE_CONFIG } from "../support/test-site.ts";

/** A folder of articles as the project's own loader reads it, split by what is visible now. */
export interface Corpus {
  /** Short name used in check names, e.g. "articles" or "tricky-articles". */
  readonly label: string;
  readonly dir: string;
  /** The site every corpus is served as: the test site (its src/site-config.ts in the copy). */
  readonly site: SiteConfig;
  /** Published (time ≤ now), newest first: what pages may show. */
  readonly published: readonly Article[];
  /** The newest published articles, as many as a feed carries. */
  readonly inFeeds: readonly Article[];
  /** Dated after now: must be absent from every feed and page. */
  readonly scheduled: readonly Article[];
}

/**
 * Reads `dir` like scripts/build-articles.ts does (the files directly inside it, hidden ones
 * skipped, and the images of its media/ folder) with `loadArticles`, so every expectation comes
 * from the source files themselves. Throws with every loader error when the folder is not a
 * valid corpus.
 */
export function loadCorpus(dir: string, now: number, site: SiteConfig = TEST_SITE_CONFIG): Corpus {
  const sources = readdirSync(dir)
    .filter((name) => !name.startsWith("."))
    .map((name) => join(dir, name))
    .filter((path) => !statSync(path).isDirectory())
    .map((path) => ({ path: relative(".", path), bytes: readFileSync(path) }));
  const media = hasMediaFolder(dir) ? readMedia(dir) : new Map();
  const { articles, errors } = loadArticles(sources, site.timeZone, undefined, media);
  if (errors.length > 0) throw new Error(errors.map(formatProblem).join("\n"));
  if (articles.length === 0) throw new Error(`${dir}: no articles`);
  const published = articles.filter((article) => article.published.epochMs <= now);
  return {
    label: basename(dir),
    dir,
    site,
    published,
    inFeeds: published.slice(0, site.itemsPerFeed),
    scheduled: articles.filter((article) => article.published.epochMs > now),
  };
}
