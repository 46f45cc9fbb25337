import { fileURLToPath } from "node:url";
import type { Problems } from "./report.ts";
import { runTool } from "./run-tool.ts";

/** Debian's python, which has python3-html5lib, python3-rdflib and python3-libxml2. */
const PYTHON = process.env.CONFORMANCE_PYTHON ?? "/usr/bin/python3";
const VALIDATE_FEED_PY = fileURLToPath(new URL("validate-feed.py", import.meta.url));

interface ValidatorEvent {
  readonly level: "error" | "warning" | "info";
  readonly type: string;
  readonly message: string;
  readonly line: number | null;
  readonly column: number | null;
  /** What the event is about, e.g. the tag name of ContainsHTML. */
  readonly value: string | null;
}

/**
 * Tolerated: the feed names its own address from BASE_URL, and a validator that fetched it
 * from another address says so. Everything else the validator calls an error or a warning
 * is a problem; its infos (hints such as "Response is not compressed") are not.
 */
const TOLERATED = new Set(["SelfDoesntMatchLocation"]);

/**
 * The validator guesses that plain text holding an end tag such as "</b>" was meant as HTML.
 * When an author wrote that tag as text (an article about markup), every reader above returns
 * it as the text it is, and no way of writing it stops the guess; so these warnings are
 * tolerated for exactly the tags some title or abstract of the corpus spells out.
 */
const MARKUP_GUESSES = new Set(["ContainsHTML", "ContainsUndeclaredHTML"]);

/** The tag names written as end tags ("</b>" gives "b") in the given texts, lowercased. */
export function literalEndTags(texts: Iterable<string>): ReadonlySet<string> {
  const tags = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/<\/(\w+)>/g)) tags.add((match[1] ?? "").toLowerCase());
  return tags;
}

/**
 * The W3C Feed Validator (vendored in vendor/feedvalidator/) fetches `url` itself, so the
 * media type and the self link are checked as served. One problem per distinct message,
 * with every line it occurs on.
 */
export function validateWithW3c(url: string, textTags: ReadonlySet<string>): Problems {
  const result = runTool(PYTHON, [VALIDATE_FEED_PY, url]);
  if (result.status !== 0) return [`validate-feed.py exited ${result.status}: ${result.stderr.trim()}`];
  const { events } = JSON.parse(result.stdout) as { events: readonly ValidatorEvent[] };
  const lines = new Map<string, string[]>();
  for (const event of events) {
    if (event.level === "info" || TOLERATED.has(event.type)) continue;
    if (MARKUP_GUESSES.has(event.type) && textTags.has((event.value ?? "").toLowerCase())) continue;
    const key = `${event.level} ${event.type}: ${event.message}`;
    const where = event.line === null ? "" : `${event.line}:${event.column ?? 0}`;
    const seen = lines.get(key) ?? [];
    if (where && !seen.includes(where)) seen.push(where);
    lines.set(key, seen);
  }
  return [...lines].map(([key, where]) => (where.length > 0 ? `${key} (line:column ${where.join(", ")})` : key));
}
