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

/** The record the last successful build left, or undefined before the first one. */
export function readPublicationRecord(siteDir: string): PublicationRecord | undefined {
  const text = readText(recordFile(siteDir));
  if (text === undefined) return undefined;
  try {
    const json = JSON.parse(text) as { timeZone?: unknown; publishedAt?: unknown };
    if (typeof json.timeZone !== "string" || typeof json.publishedAt !== "object" || json.publishedAt === null) {
      return undefined;
    }
    const entries = Object.entries(json.publishedAt).filter(
      (entry): entry is [string, number] => typeof entry[1] === "number",
    );
    return { timeZone: json.timeZone, publishedAt: new Map(entries) };
  } catch {
    // A record cut short or edited by hand: this build just has nothing to compare with.
    return undefined;
  }
}

/** Saves what this build publishes, for the next build to compare with. */
export function savePublicationRecord(siteDir: string, articles: readonly Article[], timeZone: string): void {
  const publishedAt = Object.fromEntries(articles.map((a) => [a.id, a.published.epochMs]));
  const text = `${JSON.stringify({ timeZone, publishedAt })}\n`;
  if (text !== readText(recordFile(siteDir))) writeAtomically(recordFile(siteDir), text);
}
