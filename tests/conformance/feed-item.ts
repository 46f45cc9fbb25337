import { decodeHTML } from "entities";
import type { Article } from "../../src/model/article.ts";
import { articlePath } from "../../src/model/paths.ts";
import { TEST_SITE_CONFIG } from "../support/test-site.ts";
import type { Problems } from "./report.ts";

/** One entry as a feed reader returns it: the fields every reader is compared on. */
export interface FeedItem {
  readonly id: string;
  readonly link: string;
  /** Exactly as the reader returns it: nothing here decodes, unescapes or strips tags. */
  readonly title: string;
  /**
   * The JSON Feed summary as the reader returns it. An RSS description and the Atom summary
   * (type="html") are HTML, which readers render, so for them it is the text the reader shows:
   * its own rendering where it has one, else `shownTextOfHtml`.
   */
  readonly summary?: string | undefined;
  /** Whole seconds: RSS dates have no finer unit. */
  readonly publishedMs: number | undefined;
  /** Atom's <updated>: the correction's time (Updated:), else the publication time. */
  readonly updatedMs?: number | undefined;
  /**
   * The item's categories as the reader shows them (an Atom category's label, else its term),
   * in the feed's order; only readers that return categories fill it.
   */
  readonly categories?: readonly string[] | undefined;
  /** The names of the item's authors, as the reader returns them. */
  readonly authors?: readonly string[] | undefined;
}

/** The fields compared besides the id; a reader that does not return one leaves it out. */
export type ComparedField = "link" | "title" | "summary" | "publishedMs" | "updatedMs" | "categories" | "authors";
export const ALL_FIELDS: readonly ComparedField[] = ["link", "title", "summary", "publishedMs"];
/** The metadata of the header fields: Tags: as categories, Author: (or the site's) as the author. */
export const METADATA_FIELDS: readonly ComparedField[] = ["categories", "authors"];

export type FeedKind = "rss" | "atom" | "json";

/**
 * What a reader must find for an article: the RSS guid and JSON Feed id are the 16-hex id,
 * the Atom id is `tag:<authority>:<id>`, the link is the article page, and the title and
 * summary are the author's text itself (Unicode NFC), whatever characters it holds.
 */
export function expectedItem(kind: FeedKind, article: Article, baseUrl: string): FeedItem {
  return {
    categories: (article.tags ?? []).map((tag) => tag.label.normalize("NFC")),
    authors: [(article.author ?? TEST_SITE_CONFIG.author).normalize("NFC")],
    id: kind === "atom" ? `tag:${TEST_SITE_CONFIG.tagAuthority}:${article.id}` : article.id,
    link: `${baseUrl}${articlePath(article)}`,
    title: article.title.normalize("NFC"),
    summary: article.abstract.normalize("NFC"),
    publishedMs: Math.floor(article.published.epochMs / 1000) * 1000,
    updatedMs: Math.floor((article.updated ?? article.published).epochMs / 1000) * 1000,
  };
}

/**
 * What a reader shows for an HTML field that should hold escaped text: its character
 * references decoded once, as a browser would. Any element in it means text leaked into
 * markup, which a reader would render, so it is returned marked, to fail the comparison.
 */
export function shownTextOfHtml(html: string): string {
  return /<[a-zA-Z/!?]/.test(html) ? `[markup, not text] ${html}` : decodeHTML(html);
}

/** Every expected item present with equal `fields`, nothing else; one problem per difference. */
export function compareItems(
  actual: readonly FeedItem[],
  expected: readonly FeedItem[],
  fields: readonly ComparedField[] = ALL_FIELDS,
): Problems {
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
    for (const field of fields) {
      if (show(got[field]) !== show(want[field])) {
        problems.push(`${want.id} ${field}: got ${quote(got[field])}, expected ${quote(want[field])}`);
      }
    }
  }
  return problems;
}

type FieldValue = FeedItem[ComparedField];

/** A field as compared and shown: a list as JSON, so its order and every member count. */
function show(value: FieldValue): string | number | undefined {
  return Array.isArray(value) ? JSON.stringify(value) : (value as string | number | undefined);
}

function quote(value: FieldValue): string {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value !== "string") return String(value);
  return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
}

/** An RFC 3339 / RFC 822 date as ms, undefined when missing or unreadable. */
export function toMs(value: unknown): number | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
