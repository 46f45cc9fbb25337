import type { PublishedTime, Topic } from "../model/article.ts";
import { MAX_SLUG_LENGTH, slugify } from "../model/slugify.ts";

/** The optional lines between the date line and `Abstract:`, in the order the docs list them. */
export const FIELD_NAMES = ["Tags", "Author", "Updated", "Image", "Slug"] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** What the header fields say, each value already checked. */
export interface HeaderFields {
  readonly tags?: readonly Topic[];
  readonly author?: string;
  readonly updated?: PublishedTime;
  readonly image?: ImageReference;
  readonly slug?: string;
  /** The line each field was on, for messages about it that need other fields (Updated vs the date). */
  readonly lines: Partial<Readonly<Record<FieldName, number>>>;
}

/** An image as the file names it: a file the site will serve, or a picture elsewhere. */
export type ImageReference = (
  | { readonly kind: "file"; readonly name: string }
  | { readonly kind: "remote"; readonly url: string }
) & { readonly line: number };

/**
 * A line that is shaped like a field: a capitalised word, a colon, then the value. Only such a
 * line is read as a field; anything else ends the fields, and the line is taken as the abstract.
 */
const FIELD_LINE = /^([A-Z][A-Za-z]*):(.*)$/;
const FIELD_LIST = `${FIELD_NAMES.map((name) => `${name}:`).join(", ")}`;
const MAX_LABEL_LENGTH = 100;
/** A path under articles/media/: plain name segments, no "..", no leading "/". */
const MEDIA_PATH = /^media\/((?:[A-Za-z0-9_][A-Za-z0-9._-]*\/)*[A-Za-z0-9_][A-Za-z0-9._-]*)$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function fieldOfLine(line: string): { readonly name: string; readonly value: string } | undefined {
  const match = FIELD_LINE.exec(line);
  return match ? { name: match[1] ?? "", value: (match[2] ?? "").trim() } : undefined;
}

export function isKnownField(name: string): name is FieldName {
  return (FIELD_NAMES as readonly string[]).includes(name);
}

/**
 * Reads the field lines at `lines` (each with its 1-based line number). Every problem is
 * reported through `error`, so one build lists all of them; a bad field is then left out.
 */
export function readHeaderFields(
  lines: readonly { readonly number: number; readonly text: string }[],
  readDate: (value: string) => PublishedTime | string,
  error: (line: number, message: string) => void,
): HeaderFields {
  const seen: Partial<Record<FieldName, number>> = {};
  const fields: {
    tags?: readonly Topic[];
    author?: string;
    updated?: PublishedTime;
    image?: ImageReference;
    slug?: string;
  } = {};
  for (const { number, text } of lines) {
    const field = fieldOfLine(text);
    if (field === undefined) continue;
    const { name, value } = field;
    if (!isKnownField(name)) {
      error(number, `unknown field "${name}:"; expected one of ${FIELD_LIST} (or Abstract: to end the fields)`);
      continue;
    }
    const first = seen[name];
    if (first !== undefined) {
      error(number, `field ${name}: is given again (first on line ${first}); expected each field at most once`);
      continue;
    }
    seen[name] = number;
    if (value === "") {
      error(number, `field ${name}: is empty; expected ${EXPECTED[name]}`);
      continue;
    }
    const problem = (what: string) => error(number, `${what}; expected ${EXPECTED[name]}`);
    switch (name) {
      case "Tags": {
        const tags = readTags(value, problem);
        if (tags) fields.tags = tags;
        break;
      }
      case "Author": {
        if (readLabel(value, "author", problem)) fields.author = value;
        break;
      }
      case "Updated": {
        const date = readDate(value);
        if (typeof date === "string") error(number, date.replace(/^date /, "update time "));
        else fields.updated = date;
        break;
      }
      case "Image": {
        const image = readImage(value, number, problem);
        if (image) fields.image = image;
        break;
      }
      case "Slug": {
        if (value.length > MAX_SLUG_LENGTH || !SLUG.test(value)) problem(`slug "${truncate(value)}" is not a slug`);
        else fields.slug = value;
        break;
      }
    }
  }
  return { ...fields, lines: seen };
}

const EXPECTED: Readonly<Record<FieldName, string>> = {
  Tags: "topics separated by commas, e.g. Tags: Energy, Kyiv",
  Author: "the author's name, e.g. Author: Olena Kovalenko",
  Updated: "the time of the correction as YYYY-MM-DD HH:MM:SS (24-hour clock), like the date line",
  Image: "Image: media/<file name> for a file in articles/media/, or an absolute http(s) URL",
  Slug: `lowercase ASCII letters and digits in words joined by "-", at most ${MAX_SLUG_LENGTH} characters, e.g. Slug: grid-repairs`,
};

function readTags(value: string, problem: (what: string) => void): readonly Topic[] | undefined {
  const tags: Topic[] = [];
  for (const part of value.split(",")) {
    const label = part.trim();
    if (label === "") {
      problem(`an empty tag in "${truncate(value)}"`);
      return undefined;
    }
    if (!readLabel(label, "tag", problem)) return undefined;
    const slug = slugify(label);
    const twin = tags.find((tag) => tag.slug === slug);
    if (twin) {
      problem(`tags "${twin.label}" and "${label}" are the same topic (/tags/${slug})`);
      return undefined;
    }
    tags.push({ label, slug });
  }
  return tags;
}

/** A tag or author name: short, and with something an address can be made of. */
function readLabel(label: string, what: string, problem: (what: string) => void): boolean {
  if (label.length > MAX_LABEL_LENGTH) {
    problem(`${what} "${truncate(label)}" is longer than ${MAX_LABEL_LENGTH} characters`);
    return false;
  }
  if (slugify(label) === "") {
    problem(`${what} "${label}" has no letter or digit that an address can be spelled with`);
    return false;
  }
  return true;
}

function readImage(value: string, line: number, problem: (what: string) => void): ImageReference | undefined {
  const file = MEDIA_PATH.exec(value);
  if (file) return { kind: "file", name: file[1] ?? "", line };
  if (/^https?:\/\//i.test(value) && !/\s/.test(value) && URL.canParse(value)) {
    const url = new URL(value);
    if (url.username === "" && url.password === "") return { kind: "remote", url: url.href, line };
  }
  problem(`image "${truncate(value)}" is neither a file under articles/media/ nor an absolute http(s) URL`);
  return undefined;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
