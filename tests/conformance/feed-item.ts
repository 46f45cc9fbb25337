import type { Article } from "../../src/model/article.ts";
import { articlePath } from "../../src/render/links.ts";
import { siteConfig } from "../../src/site-config.ts";
import type { Problems } from "./report.ts";

/** One entry as a feed reader shows it: the fields every parser is compared on. */
export interface FeedItem {
  readonly id: string;
  readonly link: string;
  /** The text a reader displays, after rendering any HTML. */
  readonly title: string;
  /** Whole seconds: RSS dates have no finer unit. */
  readonly publishedMs: number | undefined;
}

export type FeedKind = "rss" | "atom" | "json";

/**
 * What a reader must find for an article, per DESIGN: the RSS guid and JSON Feed id are the
 * 16-hex id, the Atom id is `tag:<authority>:<id>`, the link is the article page.
 */
export function expectedItem(kind: FeedKind, article: Article, baseUrl: string): FeedItem {
  return {
    id: kind === "atom" ? `tag:${siteConfig.tagAuthority}:${article.id}` : article.id,
    link: `${baseUrl}${articlePath(article)}`,
    title: article.title,
    publishedMs: Math.floor(article.published.epochMs / 1000) * 1000,
  };
}

/** Every expected item present with equal fields, nothing else; one problem per difference. */
export function compareItems(actual: readonly FeedItem[], expected: readonly FeedItem[]): Problems {
  const problems: string[] = [];
  const byId = new Map(actual.map((item) => [item.id, item]));
  if (byId.size !== actual.length) problems.push(`${actual.length - byId.size} duplicate id(s)`);
  const wanted = new Set(expected.map((item) => item.id));
  for (const item of actual) {
    if (!wanted.has(item.id)) problems.push(`unexpected item ${JSON.stringify(item.id)} (${item.link})`);
  }
  for (const want of expected) {
    const got = byId.get(want.id);
    if (!got) {
      problems.push(`missing item ${want.id} (${want.link})`);
      continue;
    }
    for (const field of ["link", "title", "publishedMs"] as const) {
      if (got[field] !== want[field]) {
        problems.push(`${want.id} ${field}: got ${quote(got[field])}, expected ${quote(want[field])}`);
      }
    }
  }
  return problems;
}

function quote(value: string | number | undefined): string {
  if (typeof value !== "string") return String(value);
  return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
}

/** An RFC 3339 / RFC 822 date as ms, undefined when missing or unreadable. */
export function toMs(value: unknown): number | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
