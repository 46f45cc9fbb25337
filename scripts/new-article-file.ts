// The pure part of `npm run new`: what a new article file is called and what it holds.
import { freshArticleName } from "../src/load/classify-entries.ts";
import { ABSTRACT_PLACEHOLDER, BODY_PLACEHOLDER } from "../src/load/placeholders.ts";
import { offsetMinutesAt } from "../src/load/zoned-time.ts";
import { wholeSeconds } from "../src/model/time.ts";
import { articleText } from "./article-text.ts";

export interface NewArticleRequest {
  readonly title: string;
  /** The current instant, in milliseconds since the epoch. */
  readonly now: number;
  /** The site's time zone: the date line is written, and read back, in it. */
  readonly timeZone: string;
  /** Names already in the articles folder: the new name takes none of their numbers or ids. */
  readonly existingNames: readonly string[];
  readonly freshId?: () => string;
}

export type NewArticleFile =
  | { readonly ok: true; readonly name: string; readonly text: string }
  | { readonly ok: false; readonly message: string };

/** The new file's name and text, or why the title cannot be one. */
export function newArticleFile(request: NewArticleRequest): NewArticleFile {
  const title = request.title.trim();
  if (title === "") {
    return { ok: false, message: 'the title is empty; expected the article\'s title, e.g. npm run new -- "Title"' };
  }
  if (/[\r\n]/.test(title)) {
    return { ok: false, message: "the title has a line break; expected a title on one line" };
  }
  const text = articleText({
    title,
    date: formatLocalTime(request.now, request.timeZone),
    abstract: ABSTRACT_PLACEHOLDER,
    paragraphs: [BODY_PLACEHOLDER],
  });
  return { ok: true, name: freshArticleName(request.existingNames, request.freshId), text };
}

/**
 * The date line for an instant: YYYY-MM-DD HH:MM:SS on the zone's wall clock. In the hour a
 * zone repeats when clocks go back, the loader reads the earlier of the two instants.
 */
export function formatLocalTime(epochMs: number, timeZone: string): string {
  const seconds = wholeSeconds(epochMs);
  const local = new Date(seconds + offsetMinutesAt(seconds, timeZone) * 60_000);
  const two = (n: number) => String(n).padStart(2, "0");
  const date = `${String(local.getUTCFullYear()).padStart(4, "0")}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`;
  return `${date} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
}
