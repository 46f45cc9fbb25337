import { articleFileName } from "../model/paths.ts";

/**
 * Which entries of the articles folder the build reads. Only `.txt` files are taken for
 * articles; anything else an editor or a person leaves there (backups such as `name.txt~`,
 * `#name.txt#`, `name.bak`, `name.orig`, swap files, a README.md) is plainly not one and is
 * skipped with a one-line notice, so it cannot break a build. A `.txt` file whose name is not
 * an article name is still read, and the loader rejects its name.
 */
export interface Classified {
  /** File names to read as articles, sorted. */
  readonly read: readonly string[];
  /** File names that are not articles, sorted: skipped, and named in one notice. */
  readonly skipped: readonly string[];
}

/**
 * Dot-files (hidden files, editor locks) and folders (e.g. a future articles/media/) are passed
 * over without a word; `isDirectory` is asked only about the other names.
 */
export function classifyEntries(names: readonly string[], isDirectory: (name: string) => boolean): Classified {
  const read: string[] = [];
  const skipped: string[] = [];
  for (const name of [...names].sort()) {
    if (name.startsWith(".") || isDirectory(name)) continue;
    // Any case: NOTES.TXT is an article with a wrong name, which the author should hear about.
    if (name.toLowerCase().endsWith(".txt")) read.push(name);
    else skipped.push(name);
  }
  return { read, skipped };
}

const NAMES_SHOWN = 5;

/** The one line the build prints about skipped files, or undefined when there were none. */
export function skippedNotice(dir: string, skipped: readonly string[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const shown = skipped.slice(0, NAMES_SHOWN).join(", ");
  const more = skipped.length > NAMES_SHOWN ? ` and ${skipped.length - NAMES_SHOWN} more` : "";
  const what = skipped.length === 1 ? "1 file that is not an article" : `${skipped.length} files that are not articles`;
  return `${dir}: skipped ${what} (${shown}${more}); only NNN_<16 hex>.txt files are read`;
}

/** 16 random lowercase hex digits: a new article's permanent id. */
export function randomArticleId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * A valid article name no file in `taken` has: the next number after the highest one in front
 * of any name (at least three digits), and an id that appears in no name.
 */
export function freshArticleName(taken: readonly string[], freshId: () => string = randomArticleId): string {
  const numbers = taken.map((name) => /^(\d+)_/.exec(name)?.[1]).filter((n) => n !== undefined);
  const next = numbers.reduce((highest, n) => Math.max(highest, Number(n) + 1), 0);
  let id = freshId();
  while (taken.some((name) => name.includes(id))) id = freshId();
  return articleFileName(next, id);
}
