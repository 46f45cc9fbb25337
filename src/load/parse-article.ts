import type { Article, PublishedTime } from "../model/article.ts";
import { removeUnshowable } from "./clean-text.ts";
import {
  fieldOfLine,
  type HeaderFields,
  type ImageReference,
  isKnownField,
  readHeaderFields,
} from "./header-fields.ts";
import { isBlank, LineCursor } from "./line-cursor.ts";
import { ABSTRACT_PLACEHOLDER, BODY_PLACEHOLDER } from "./placeholders.ts";
import { FileProblems, type Problem } from "./problem.ts";
import { isRealDateTime, resolveLocalTime } from "./zoned-time.ts";

/**
 * An article as read from one file, before the loader gives it its id and slugs and reads the
 * image it names: the model's fields, with the `Slug:` field as the author wrote it.
 */
export type ParsedArticle = Omit<Article, "id" | "slug" | "legacySlug" | "image"> & {
  readonly image?: ImageReference;
  readonly slug?: string;
};

export type ParseResult =
  | {
      readonly ok: true;
      readonly article: ParsedArticle;
      /** The 1-based line of the date line, where messages about the publication time point. */
      readonly dateLine: number;
      /** The 0-based line the body starts at: `bodyParagraphs` reads it again from there. */
      readonly bodyStart: number;
      readonly warnings: readonly Problem[];
    }
  | { readonly ok: false; readonly errors: readonly Problem[]; readonly warnings: readonly Problem[] };

const DATE_LINE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const ABSTRACT_PREFIX = "Abstract:";
const DATE_FORM = "expected YYYY-MM-DD HH:MM:SS (24-hour clock)";

/**
 * Splits into lines the way the format defines them: only LF and CRLF end a line (VT, FF,
 * U+0085, U+2028 and U+2029 are characters within a line; VT, FF and U+0085 are then
 * removed as unshowable). Trailing spaces and tabs go.
 * A CR left inside a line becomes a space: XML 1.0 §2.11 turns it into LF in RSS and Atom
 * while JSON keeps it, so only white space every reader agrees on is carried.
 */
function splitLines(text: string): string[] {
  return text.split("\n").map((line) =>
    line
      .replace(/\r$/, "")
      .replace(/\r/g, " ")
      .replace(/[ \t]+$/, ""),
  );
}

/** The lines with what no reader can show removed, each removal a warning on its line. */
function cleanLines(text: string, problems: FileProblems): string[] {
  return splitLines(text).map((line, index) => {
    const cleaned = removeUnshowable(line);
    if (cleaned.removed > 0) {
      problems.warn(
        index + 1,
        `removed ${cleaned.removed} control or noncharacter code point(s) that no reader can show`,
      );
    }
    return cleaned.text;
  });
}

/**
 * Reads one article per docs/article-format.md. Fields are found by position: line 1 is
 * the title, then the date line, then any optional `Name: value` lines, then the Abstract:
 * line, then the body. Blank lines between them are skipped. `text` is already decoded and
 * has no byte-order mark.
 *
 * A bad field does not stop the reading: the next field is still looked for after it, so one
 * build lists every problem in the file. Only where a field is plainly absent (no title, or
 * the Abstract: line standing where the date belongs) is its line left for the next field, so
 * one slip is not reported again as the fields after it.
 */
export function parseArticle(path: string, text: string, timeZone: string): ParseResult {
  const problems = new FileProblems(path);
  const failed = (): ParseResult => ({ ok: false, errors: problems.errors, warnings: problems.warnings });
  const cursor = new LineCursor(cleanLines(text, problems));

  const title = readTitle(cursor, problems);
  if (title === undefined) return failed();
  const date = readDateLine(cursor, problems, timeZone);
  if (date === undefined) return failed();
  const fields = readFields(cursor, problems, timeZone, date);
  const abstract = readAbstract(cursor, problems);
  if (abstract === undefined) return failed();
  const bodyStart = cursor.index;
  const paragraphs = readBody(cursor, problems);

  if (problems.errors.length > 0 || date.published === undefined) return failed();
  const { lines: _, ...given } = fields;
  return {
    ok: true,
    article: { ...detached({ title, published: date.published, abstract, ...given }), paragraphs },
    dateLine: date.line,
    bodyStart,
    warnings: problems.warnings,
  };
}

/** Line 1, or the first line after blank ones (an error); undefined for an empty file. */
function readTitle(cursor: LineCursor, problems: FileProblems): string | undefined {
  const title = cursor.take().trim();
  if (title !== "") return title;
  cursor.skipBlank();
  const next = cursor.line;
  if (next === undefined) {
    problems.error(1, "the file is empty; expected the article's title on line 1, then its date, abstract and body");
    return undefined;
  }
  problems.error(1, "the first line is empty; expected the article's title on line 1");
  // A date line here means the title is missing; anything else is a title moved down.
  if (DATE_LINE.test(next.trim())) return "";
  cursor.take();
  return next.trim();
}

interface DateLine {
  /** 1-based, where messages about the publication time point. */
  readonly line: number;
  /** Undefined when the line is bad (an error says why). */
  readonly published?: PublishedTime;
}

/** The date line, or undefined when the file ends first. An Abstract: line there is left for the abstract. */
function readDateLine(cursor: LineCursor, problems: FileProblems, timeZone: string): DateLine | undefined {
  cursor.skipBlank();
  const line = cursor.line;
  if (line === undefined) {
    problems.error(
      cursor.number,
      `the file ends after the title; ${DATE_FORM} on the line after a blank line, then the abstract and the body`,
    );
    return undefined;
  }
  const number = cursor.number;
  if (line.startsWith(ABSTRACT_PREFIX)) {
    problems.error(
      number,
      `no date line before the abstract; ${DATE_FORM} on the line after the title and a blank line`,
    );
    return { line: number };
  }
  cursor.take();
  const date = readDate(line.trim(), timeZone);
  if (typeof date !== "string") return { line: number, published: date };
  problems.error(number, date);
  return { line: number };
}

/** The optional `Name: value` lines before the abstract, each checked. */
function readFields(cursor: LineCursor, problems: FileProblems, timeZone: string, date: DateLine): HeaderFields {
  cursor.skipBlank();
  const fieldLines: { number: number; text: string }[] = [];
  while (!cursor.atEnd) {
    const line = (cursor.line ?? "").trim();
    if (line.startsWith(ABSTRACT_PREFIX) || fieldOfLine(line) === undefined) break;
    fieldLines.push({ number: cursor.number, text: line });
    cursor.take();
    cursor.skipBlank();
  }
  // An unknown name just before a line that is not Abstract: is most likely an unlabelled
  // abstract ("Kyiv: the city woke…"), and is reported as that rather than as a field.
  const last = fieldLines.at(-1);
  if (last && !(cursor.line ?? "").startsWith(ABSTRACT_PREFIX) && !isKnownField(fieldOfLine(last.text)?.name ?? "")) {
    fieldLines.pop();
    cursor.index = last.number - 1;
  }
  const fields = readHeaderFields(
    fieldLines,
    (value) => readDate(value, timeZone),
    (line, message) => problems.error(line, message),
  );
  if (fields.updated && date.published && fields.updated.epochMs < date.published.epochMs) {
    problems.error(
      fields.lines.Updated ?? date.line,
      `the update time is before the publication time on line ${date.line}; expected a correction to come after publication`,
    );
  }
  return fields;
}

/** The `Abstract:` paragraph, or undefined when the file ends first. */
function readAbstract(cursor: LineCursor, problems: FileProblems): string | undefined {
  const first = cursor.line;
  if (first === undefined) {
    problems.error(
      cursor.number,
      `no abstract after the date (the file ends); expected a line starting with "${ABSTRACT_PREFIX}", then the body`,
    );
    return undefined;
  }
  const number = cursor.number;
  const labelled = first.startsWith(ABSTRACT_PREFIX);
  if (!labelled) {
    problems.error(
      number,
      `no abstract after the date (found "${truncate(first.trim())}"); expected a line starting with "${ABSTRACT_PREFIX}"`,
    );
  }
  // Unlabelled, the paragraph is still taken as the abstract: most often it is one.
  const lines = [labelled ? first.slice(ABSTRACT_PREFIX.length) : first];
  cursor.take();
  while (!cursor.atEnd && !isBlank(cursor.line ?? "")) {
    reportFieldAfterAbstract(problems, cursor.number, cursor.line ?? "");
    lines.push(cursor.take());
  }
  const abstract = joinParagraph(lines);
  if (labelled && abstract === "") {
    problems.error(number, `the abstract is empty; expected a summary after "${ABSTRACT_PREFIX}"`);
  } else if (abstract === ABSTRACT_PLACEHOLDER) {
    problems.error(number, "the abstract is still the placeholder npm run new wrote; expected the article's summary");
  }
  return abstract;
}

/** The paragraphs after the abstract: at least one, none of them the placeholder. */
function readBody(cursor: LineCursor, problems: FileProblems): string[] {
  const bodyStart = cursor.index;
  cursor.skipBlank();
  // A first paragraph made only of field lines is fields written after the abstract.
  const firstParagraph: number[] = [];
  for (let j = cursor.index; j < cursor.lines.length && !isBlank(cursor.lines[j] ?? ""); j++) firstParagraph.push(j);
  if (firstParagraph.every((j) => isKnownField(fieldOfLine((cursor.lines[j] ?? "").trim())?.name ?? ""))) {
    for (const j of firstParagraph) reportFieldAfterAbstract(problems, j + 1, cursor.lines[j] ?? "");
  }
  const { paragraphs, firstLines } = readParagraphs(cursor.lines, cursor.index);
  paragraphs.forEach((paragraph, index) => {
    if (paragraph === BODY_PLACEHOLDER) {
      problems.error(
        (firstLines[index] ?? 0) + 1,
        "the text is still the placeholder npm run new wrote; expected the article's text",
      );
    }
  });
  if (paragraphs.length === 0) {
    problems.error(
      bodyStart + 1,
      "there is no body; expected at least one paragraph after the abstract and a blank line",
    );
  }
  return paragraphs;
}

function reportFieldAfterAbstract(problems: FileProblems, number: number, line: string): void {
  const name = fieldOfLine(line.trim())?.name ?? "";
  if (!isKnownField(name)) return;
  problems.error(
    number,
    `field ${name}: comes after the abstract; expected the fields between the date line and the Abstract: line`,
  );
}

/**
 * The body's paragraphs in `text` (decoded, as parseArticle took it) from line `bodyStart` on:
 * what parseArticle read, for a build that keeps no body in memory until it renders it.
 */
export function bodyParagraphs(text: string, bodyStart: number): string[] {
  const lines = splitLines(text);
  const clean = lines.map((line, index) => (index < bodyStart ? "" : removeUnshowable(line).text));
  return readParagraphs(clean, bodyStart).paragraphs;
}

/** Paragraphs from line `start` to the end, each with the 0-based line it starts on. */
function readParagraphs(clean: readonly string[], start: number): { paragraphs: string[]; firstLines: number[] } {
  const paragraphs: string[] = [];
  const firstLines: number[] = [];
  let current: string[] = [];
  const endParagraph = (endIndex: number) => {
    if (current.length === 0) return;
    paragraphs.push(joinParagraph(current));
    firstLines.push(endIndex - current.length);
    current = [];
  };
  let i = start;
  for (; i < clean.length; i++) {
    const line = clean[i] ?? "";
    if (isBlank(line)) endParagraph(i);
    else current.push(line);
  }
  endParagraph(i);
  return { paragraphs, firstLines };
}

/**
 * A deep copy whose strings share no memory with the file's text. V8 keeps a substring as a
 * slice of the string it was cut from, so a title held for the whole build would otherwise
 * keep the whole decoded file (two bytes a character for most news text): 1.2 GB at 100,000
 * articles. Only plain data (strings, numbers, objects) is passed here.
 */
function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function joinParagraph(lines: readonly string[]): string {
  return lines
    .map((line) => line.trim())
    .join("\n")
    .trim();
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** The published time, or a message saying what is wrong with the date line. */
function readDate(line: string, timeZone: string): PublishedTime | string {
  const match = DATE_LINE.exec(line);
  if (!match) return `date "${truncate(line)}" is not a date line; ${DATE_FORM}`;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const local = { year, month, day, hour, minute, second };
  if (!isRealDateTime(local)) return `date "${line}" is not a real time; ${DATE_FORM}`;
  const resolved = resolveLocalTime(local, timeZone);
  if (!resolved) {
    return `date "${line}" does not exist in time zone ${timeZone} (the clocks skip it); expected a time that occurs there`;
  }
  return resolved;
}
