import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compareItems, expectedItem, type FeedItem, type FeedKind, shownTextOfHtml } from "./feed-item.ts";
import { type Fetched, fetchResource } from "./http-client.ts";
import { readWithNewsboat } from "./read-with-newsboat.ts";
import { NPM_READERS } from "./read-with-npm-parsers.ts";
import type { Problems } from "./report.ts";
import { runTool } from "./run-tool.ts";
import { FEEDS, type FeedEndpoint, type SuiteContext } from "./suite-context.ts";
import { checkSchemaDiscriminates, validateJsonFeed } from "./validate-json-feed.ts";
import { literalEndTags, validateWithW3c } from "./validate-with-w3c.ts";

/** Debian's python, which has python3-feedparser (a pyenv python on PATH may not). */
const PYTHON = process.env.CONFORMANCE_PYTHON ?? "/usr/bin/python3";
const READ_FEED_PY = fileURLToPath(new URL("read-feed.py", import.meta.url));
const FEEDPARSER_VERSION: Readonly<Record<FeedKind, string>> = { rss: "rss20", atom: "atom10", json: "" };

/**
 * Reads every feed with xmllint, the W3C Feed Validator, feedparser, newsboat, npm parsers
 * and the JSON Feed schema. Every reader's titles and summaries must be the articles' text
 * itself, as the reader returns it.
 */
export async function checkFeeds(context: SuiteContext): Promise<void> {
  const { report, name } = context;
  const xmlFeeds = FEEDS.filter((feed) => feed.kind !== "json");
  const textTags = literalEndTags(context.corpus.inFeeds.flatMap((article) => [article.title, article.abstract]));
  // One newsboat run fetches every XML feed; newsboat does not read JSON Feed.
  let newsboat: ReadonlyMap<string, readonly FeedItem[]> | undefined;
  let newsboatError: unknown;
  try {
    newsboat = readWithNewsboat(xmlFeeds.map((feed) => `${context.baseUrl}${feed.path}`));
  } catch (error) {
    newsboatError = error;
  }
  await report.check(name("JSON Feed 1.1 schema accepts a minimal feed and rejects each broken one"), () =>
    checkSchemaDiscriminates(),
  );
  for (const feed of FEEDS) {
    let fetched: Fetched | undefined;
    await report.check(name(`${feed.path} answers a feed reader 200 as ${feed.mediaType}`), async () => {
      fetched = await fetchResource(`${context.baseUrl}${feed.path}`);
      const type = fetched.headers.get("content-type") ?? "";
      const problems: string[] = [];
      if (fetched.status !== 200) problems.push(`status ${fetched.status}`);
      if (type.split(";")[0]?.trim() !== feed.mediaType) problems.push(`Content-Type ${type}`);
      return problems;
    });
    if (fetched?.status !== 200) continue;
    const body = fetched.text;
    const bytes = fetched.body;
    const expected = context.corpus.inFeeds.map((article) => expectedItem(feed.kind, article, context.baseUrl));
    if (feed.kind === "json") {
      await report.check(name(`${feed.path} is valid JSON Feed 1.1 (ajv, our schema)`), () =>
        validateJsonFeed(JSON.parse(body)),
      );
    } else {
      await report.check(name(`xmllint --noout ${feed.path}`), () => checkWithXmllint(bytes));
      await report.check(
        name(`W3C Feed Validator ${feed.path}: no errors, no warnings but SelfDoesntMatchLocation`),
        () => validateWithW3c(`${context.baseUrl}${feed.path}`, textTags),
      );
      await report.check(
        name(`feedparser reads ${feed.path}: bozo 0, ${FEEDPARSER_VERSION[feed.kind]}, every item, title and summary`),
        () => checkWithFeedparser(feed, bytes, expected),
      );
      await report.check(name(`newsboat reads ${feed.path}: every item, title as shown`), () => {
        const items = newsboat?.get(`${context.baseUrl}${feed.path}`);
        if (!items) throw newsboatError;
        // newsboat keeps no separate summary: it shows content:encoded / content, else the summary.
        return compareItems(items, expected, ["link", "title", "publishedMs"]);
      });
    }
    for (const reader of NPM_READERS.filter((r) => r.kinds.includes(feed.kind))) {
      const fields = reader.fields(feed.kind);
      const what = ["title", "summary"].filter((field) => fields.includes(field as never)).join(" and ");
      await report.check(name(`${reader.name} reads ${feed.path}: every item${what ? `, ${what}` : ""}`), async () =>
        compareItems(await reader.read(feed.kind, body), expected, fields),
      );
    }
  }
}

export function checkWithXmllint(xml: string | Uint8Array): Problems {
  const result = runTool("xmllint", ["--noout", "--nonet", "-"], xml);
  if (result.status === 0) return [];
  // xmllint follows each error with the offending line and a caret; the error lines suffice.
  const errors = result.stderr.split("\n").filter((line) => line.includes(" error : "));
  return errors.length > 0 ? errors : [result.stderr.trim() || `xmllint exited ${result.status}`];
}

interface FeedparserOutput {
  readonly bozo: number;
  readonly bozo_exception: string | null;
  readonly version: string;
  readonly entries: readonly {
    readonly id: string | null;
    readonly link: string | null;
    readonly title: string | null;
    readonly summary: string | null;
    readonly summary_type: string | null;
    readonly published_ms: number | null;
  }[];
}

function checkWithFeedparser(feed: FeedEndpoint, body: Uint8Array, expected: readonly FeedItem[]): Problems {
  const dir = mkdtempSync(join(tmpdir(), "feedparser-"));
  try {
    // A file, not stdin: feedparser then sees the exact bytes, as it would from HTTP.
    const file = join(dir, feed.path.slice(1));
    writeFileSync(file, body);
    const result = runTool(PYTHON, [READ_FEED_PY, file]);
    if (result.status !== 0) return [`read-feed.py exited ${result.status}: ${result.stderr.trim()}`];
    const output = JSON.parse(result.stdout) as FeedparserOutput;
    const problems: string[] = [];
    if (output.bozo !== 0) problems.push(`bozo ${output.bozo}: ${output.bozo_exception}`);
    if (output.version !== FEEDPARSER_VERSION[feed.kind]) {
      problems.push(`version ${JSON.stringify(output.version)}, expected ${FEEDPARSER_VERSION[feed.kind]}`);
    }
    const items = output.entries.map((entry) => ({
      id: entry.id ?? "",
      link: entry.link ?? "",
      title: entry.title ?? "",
      // feedparser marks an RSS description text/html: what it returns is HTML to render.
      summary:
        entry.summary !== null && feed.kind === "rss" && entry.summary_type === "text/html"
          ? shownTextOfHtml(entry.summary)
          : (entry.summary ?? undefined),
      publishedMs: entry.published_ms ?? undefined,
    }));
    return [...problems, ...compareItems(items, expected)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
