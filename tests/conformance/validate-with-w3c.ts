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
}

/**
 * Tolerated: the feed names its own address from BASE_URL, and a validator that fetched it
 * from another address says so. Everything else the validator calls an error or a warning
 * is a problem; its infos (hints such as "Response is not compressed") are not.
 */
const TOLERATED = new Set(["SelfDoesntMatchLocation"]);

/**
 * The W3C Feed Validator (vendored in vendor/feedvalidator/) fetches `url` itself, so the
 * media type and the self link are checked as served. One problem per distinct message,
 * with every line it occurs on.
 */
export function validateWithW3c(url: string): Problems {
  const result = runTool(PYTHON, [VALIDATE_FEED_PY, url]);
  if (result.status !== 0) return [`validate-feed.py exited ${result.status}: ${result.stderr.trim()}`];
  const { events } = JSON.parse(result.stdout) as { events: readonly ValidatorEvent[] };
  const lines = new Map<string, string[]>();
  for (const event of events) {
    if (event.level === "info" || TOLERATED.has(event.type)) continue;
    const key = `${event.level} ${event.type}: ${event.message}`;
    const where = event.line === null ? "" : `${event.line}:${event.column ?? 0}`;
    const seen = lines.get(key) ?? [];
    if (where && !seen.includes(where)) seen.push(where);
    lines.set(key, seen);
  }
  return [...lines].map(([key, where]) => (where.length > 0 ? `${key} (line:column ${where.join(", ")})` : key));
}
