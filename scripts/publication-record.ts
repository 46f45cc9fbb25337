// What the last successful build published, kept so the next build can tell when an article
// that is live would go back to being scheduled (a new timeZone reads every date line anew).
// It lives beside the assets folder, like the shard record, because that folder is uploaded.
import type { Article } from "../src/model/article.ts";
import { readText, writeAtomically } from "./build-files.ts";

export interface PublicationRecord {
  /** The site's time zone the date lines were read in. */
  readonly timeZone: string;
  /**
   * Every article's publication instant (ms) by id, scheduled ones included: one scheduled
   * then may be live by now, and moving it later takes it down just the same.
   */
  readonly publishedAt: ReadonlyMap<string, number>;
}

function recordFile(siteDir: string): string {
  return `${siteDir}.publication.json`;
}

/**
 * On disk: `{ timeZone, ids, publishedAt }`, two arrays in step. Arrays, not an object keyed by
 * id, because 100,000 keys make JSON.parse and stringify several times slower.
 */
interface RecordFile {
  readonly timeZone?: unknown;
  readonly ids?: unknown;
  readonly publishedAt?: unknown;
}

/** The record the last successful build left, or undefined before the first one. */
export function readPublicationRecord(siteDir: string): PublicationRecord | undefined {
  const text = readText(recordFile(siteDir));
  if (text === undefined) return undefined;
  try {
    const { timeZone, ids, publishedAt } = JSON.parse(text) as RecordFile;
    if (typeof timeZone !== "string" || !Array.isArray(ids) || !Array.isArray(publishedAt)) return undefined;
    if (ids.length !== publishedAt.length) return undefined;
    return { timeZone, publishedAt: new Map(ids.map((id, i) => [String(id), Number(publishedAt[i])])) };
  } catch {
    // A record cut short or edited by hand: this build just has nothing to compare with.
    return undefined;
  }
}

/** Saves what this build publishes, for the next build to compare with. */
export function savePublicationRecord(siteDir: string, articles: readonly Article[], timeZone: string): void {
  const ids = articles.map((a) => a.id);
  const publishedAt = articles.map((a) => a.published.epochMs);
  const text = `${JSON.stringify({ timeZone, ids, publishedAt })}\n`;
  if (text !== readText(recordFile(siteDir))) writeAtomically(recordFile(siteDir), text);
}
