import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Article } from "../../src/model/article.ts";
import type { Crawl } from "./crawl-site.ts";
import { type DiscoveredFeed, feedsAnnouncedBy, itemIds, olderItemsLink, saysArchive } from "./discover-feeds.ts";
import {
  ALL_FIELDS,
  compareItems,
  expectedItem,
  type FeedItem,
  type FeedKind,
  METADATA_FIELDS,
  shownTextOfHtml,
} from "./feed-item.ts";
import { expectedEntries, expectedScopes } from "./feed-scopes.ts";
import { type Fetched, fetchResource } from "./http-client.ts";
import { readWithGofeed } from "./read-with-gofeed.ts";
import { readWithNewsboat } from "./read-with-newsboat.ts";
import { NPM_READERS } from "./read-with-npm-parsers.ts";
import { readWithSimplePie } from "./read-with-simplepie.ts";
import type { Problems } from "./report.ts";
import { runTool } from "./run-tool.ts";
import { FEEDS, type SuiteContext } from "./suite-context.ts";
import { checkSchemaDiscriminates, validateJsonFeed } from "./validate-json-feed.ts";
import { literalEndTags, validateWithW3c } from "./validate-with-w3c.ts";

/** Debian's python, which has python3-feedparser (a pyenv python on PATH may not). */
const PYTHON = process.env.CONFORMANCE_PYTHON ?? "/usr/bin/python3";
const READ_FEED_PY = fileURLToPath(new URL("read-feed.py", import.meta.url));
const FEEDPARSER_VERSION: Readonly<Record<FeedKind, string>> = { rss: "rss20", atom: "atom10", json: "" };
/** More archive documents than any corpus here has pages: a loop in the links ends the walk. */
const MAX_ARCHIVE_STEPS = 10_000;

/**
 * Finds every feed as a reader does (autodiscovery links of the crawled pages, then each
 * feed's prev-archive or next_url), checks that the archive links reach every article, and
 * reads every feed found with xmllint, the W3C Feed Validator, feedparser, newsboat, gofeed,
 * SimplePie, npm parsers and the JSON Feed schema. Every reader's items must be the articles
 * the feed's scope holds, with their text, categories and authors as the reader returns them.
 */
export async function checkFeeds(context: SuiteContext, crawl: Crawl): Promise<void> {
  const { report, name, baseUrl, corpus } = context;
  const feeds = feedsAnnouncedBy([...crawl.resources.values()]);
  const pages = new Set([...feeds.values()].flatMap((feed) => feed.foundFrom)).size;

  await report.check(name("the home page announces /rss.xml, /atom.xml and /feed.json as alternate"), () =>
    FEEDS.filter((feed) => !feeds.get(`${baseUrl}${feed.path}`)?.foundFrom.includes(`${baseUrl}/`)).map(
      (feed) => `no <link rel="alternate" type="${feed.mediaType}" href="${feed.path}"> on /`,
    ),
  );
  const scopes = expectedScopes(corpus);
  await report.check(
    name(
      `every topic and author has its RSS, Atom and JSON Feed announced by a page (${scopes.length - 1} scopes, ${feeds.size} feeds on ${pages} pages)`,
    ),
    () =>
      scopes.flatMap((scope) =>
        FEEDS.filter((feed) => !feeds.has(`${baseUrl}${scope.folder}${feed.path}`)).map(
          (feed) => `${scope.folder}${feed.path} is announced by no page`,
        ),
      ),
  );

  // The archive documents, as a reader backfilling a subscription finds them.
  for (const feed of [...feeds.values()]) {
    await walkArchive(context, feed, feeds);
  }

  await report.check(name("JSON Feed 1.1 schema accepts a minimal feed and rejects each broken one"), () =>
    checkSchemaDiscriminates(),
  );
  const all = [...feeds.values()].sort((a, b) => a.url.localeCompare(b.url));
  // newsboat does not read JSON Feed. One run fetches many feeds, but its cache keeps an item
  // (by guid) under one feed only, so feeds that share an item are read in separate runs.
  const newsboat = new Map<string, readonly FeedItem[] | Error>();
  for (const batch of disjointBatches(
    context,
    all.filter((feed) => feed.kind !== "json"),
  )) {
    try {
      for (const [url, items] of readWithNewsboat(batch)) newsboat.set(url, items);
    } catch (error) {
      for (const url of batch) newsboat.set(url, error as Error);
    }
  }
  // gofeed and SimplePie each read every feed they know in one run of their program.
  const gofeed = await readAll(all, readWithGofeed);
  const simplePie = await readAll(
    all.filter((feed) => feed.kind !== "json"),
    (feeds) => readWithSimplePie(feeds.map((feed) => feed.url)),
  );
  const readers: ProgramReaders = {
    newsboat: (url) => readFrom(newsboat, url, "newsboat"),
    gofeed: (url) => readFrom(gofeed, url, "gofeed"),
    simplePie: (url) => readFrom(simplePie, url, "SimplePie"),
  };
  for (const feed of all) await checkFeed(context, feed, readers);
}

/** Readers run as programs over many feeds at once: each gives a feed's items, or throws why not. */
interface ProgramReaders {
  readonly newsboat: (url: string) => readonly FeedItem[];
  readonly gofeed: (url: string) => readonly FeedItem[];
  readonly simplePie: (url: string) => readonly FeedItem[];
}

/** One run of `read` over `feeds`; when the whole run fails, every feed of it has that error. */
async function readAll(
  feeds: readonly DiscoveredFeed[],
  read: (feeds: readonly DiscoveredFeed[]) => Promise<ReadonlyMap<string, readonly FeedItem[] | Error>>,
): Promise<ReadonlyMap<string, readonly FeedItem[] | Error>> {
  try {
    return await read(feeds);
  } catch (error) {
    return new Map(feeds.map((feed) => [feed.url, error as Error]));
  }
}

function readFrom(
  results: ReadonlyMap<string, readonly FeedItem[] | Error>,
  url: string,
  reader: string,
): readonly FeedItem[] {
  const items = results.get(url) ?? new Error(`${url} was not given to ${reader}`);
  if (items instanceof Error) throw items;
  return items;
}

/** The feeds' URLs in groups within which no two feeds should carry the same item. */
function disjointBatches(context: SuiteContext, feeds: readonly DiscoveredFeed[]): string[][] {
  const batches: { urls: string[]; ids: Set<string> }[] = [];
  for (const feed of feeds) {
    const scoped = expectedEntries(context.corpus, new URL(feed.url).pathname);
    const ids = typeof scoped === "string" ? [] : scoped.entries.map((article) => `${feed.kind} ${article.id}`);
    let batch = batches.find((candidate) => ids.every((id) => !candidate.ids.has(id)));
    if (!batch) {
      batch = { urls: [], ids: new Set() };
      batches.push(batch);
    }
    batch.urls.push(feed.url);
    for (const id of ids) batch.ids.add(id);
  }
  return batches.map((batch) => batch.urls);
}

/**
 * Follows a subscription feed's older-items links to the end. From each feed of a scope that
 * links an archive, the documents reached must hold every published article of the scope, once
 * a document and nothing else; each RSS or Atom archive document must say fh:archive.
 */
async function walkArchive(
  context: SuiteContext,
  start: DiscoveredFeed,
  feeds: Map<string, DiscoveredFeed>,
): Promise<void> {
  const { report, name, baseUrl, corpus } = context;
  const path = new URL(start.url).pathname;
  const expected = expectedEntries(corpus, path);
  if (typeof expected === "string") return;
  const first = await fetchResource(start.url);
  if (first.status !== 200) return; // Its own checks report the status.
  let link: string | undefined;
  try {
    link = olderItemsLink(start.kind, first.text);
  } catch (error) {
    await report.check(name(`feedsmith reads ${path} for its archive link`), () => [(error as Error).message]);
    return;
  }
  const isSite = expected.scope.folder === "";
  // A topic's feed need not have an archive; the site's must once its history outgrows a feed.
  if (link === undefined && !(isSite && corpus.published.length > corpus.site.itemsPerFeed)) return;
  const via = start.kind === "json" ? "next_url" : 'rel="prev-archive"';
  const documents: string[] = [];
  await report.check(
    name(`following ${via} from ${path} reaches every article of its scope, and no other`),
    async () => {
      const problems: string[] = [];
      const seen = new Set<string>(itemIds(start.kind, first.text));
      let next = link;
      while (next !== undefined) {
        const url = new URL(next, start.url).href;
        if (documents.includes(url) || documents.length >= MAX_ARCHIVE_STEPS) {
          problems.push(`the archive links loop back to ${url}`);
          break;
        }
        documents.push(url);
        if (!url.startsWith(`${baseUrl}/`)) {
          problems.push(`${url} is not on the site`);
          break;
        }
        const known = feeds.get(url);
        if (known) {
          if (!known.foundFrom.includes(start.url)) known.foundFrom.push(start.url);
        } else {
          feeds.set(url, { url, kind: start.kind, mediaType: start.mediaType, foundFrom: [start.url], archive: true });
        }
        const fetched = await fetchResource(url);
        if (fetched.status !== 200) {
          problems.push(`${url} answered ${fetched.status}`);
          break;
        }
        if (start.kind !== "json" && !saysArchive(fetched.text)) {
          problems.push(`${new URL(url).pathname} has no fh:archive (RFC 5005 §4)`);
        }
        for (const id of itemIds(start.kind, fetched.text)) seen.add(id);
        next = olderItemsLink(start.kind, fetched.text);
      }
      const wanted = expected.scope.articles.map((article) => expectedItem(start.kind, article, baseUrl).id);
      const missing = wanted.filter((id) => !seen.has(id));
      const extra = [...seen].filter((id) => !wanted.includes(id));
      if (missing.length > 0)
        problems.push(`${missing.length} article(s) reached by no document: ${missing.join(", ")}`);
      if (extra.length > 0) problems.push(`item(s) not of this scope or not published: ${extra.join(", ")}`);
      if (documents.length === 0)
        problems.push(`${path} links no archive document though the scope has ${wanted.length} articles`);
      return problems;
    },
  );
}

/** Every reader and validator on one feed document. */
async function checkFeed(context: SuiteContext, feed: DiscoveredFeed, readers: ProgramReaders): Promise<void> {
  const { report, name, baseUrl, corpus } = context;
  const path = new URL(feed.url).pathname;
  const found = feed.archive ? "by its archive link" : `announced by ${feed.foundFrom.length} page(s)`;
  let fetched: Fetched | undefined;
  await report.check(name(`${path} (${found}) answers a feed reader 200 as ${feed.mediaType}`), async () => {
    fetched = await fetchResource(feed.url);
    const type = fetched.headers.get("content-type") ?? "";
    const problems: string[] = [];
    if (fetched.status !== 200) problems.push(`status ${fetched.status}`);
    if (type.split(";")[0]?.trim() !== feed.mediaType) problems.push(`Content-Type ${type}`);
    return problems;
  });
  if (fetched?.status !== 200) return;
  const scoped = expectedEntries(corpus, path);
  if (typeof scoped === "string") {
    await report.check(name(`${path} is a feed of this corpus`), () => [scoped]);
    return;
  }
  const articles: readonly Article[] = scoped.entries;
  const body = fetched.text;
  const bytes = fetched.body;
  const expected = articles.map((article) => expectedItem(feed.kind, article, baseUrl));
  if (feed.kind === "json") {
    await report.check(name(`${path} is valid JSON Feed 1.1 (ajv, our schema)`), () =>
      validateJsonFeed(JSON.parse(body)),
    );
  } else {
    const textTags = literalEndTags(
      articles.flatMap((article) => [
        article.title,
        article.abstract,
        ...(article.tags ?? []).map((tag) => tag.label),
        article.author ?? "",
      ]),
    );
    await report.check(name(`xmllint --noout ${path}`), () => checkWithXmllint(bytes));
    await report.check(name(`W3C Feed Validator ${path}: no errors, no warnings but SelfDoesntMatchLocation`), () =>
      validateWithW3c(feed.url, textTags),
    );
    let feedparser: FeedItem[] | undefined;
    await report.check(
      name(`feedparser reads ${path}: bozo 0, ${FEEDPARSER_VERSION[feed.kind]}, every item, title and summary`),
      () => {
        const read = readWithFeedparser(feed.kind, path, bytes);
        feedparser = read.items;
        return [
          ...read.problems,
          ...compareItems(read.items, expected, feed.kind === "atom" ? [...ALL_FIELDS, "updatedMs"] : ALL_FIELDS),
        ];
      },
    );
    if (feedparser) {
      const items = feedparser;
      await report.check(name(`feedparser reads ${path}: every item's categories and authors`), () =>
        compareItems(items, expected, METADATA_FIELDS),
      );
    }
    await report.check(name(`newsboat reads ${path}: every item, title as shown`), () =>
      // newsboat keeps no separate summary: it shows content:encoded / content, else the summary.
      compareItems(readers.newsboat(feed.url), expected, ["link", "title", "publishedMs"]),
    );
    // SimplePie 1.3.1 reads no JSON Feed.
    await report.check(name(`SimplePie reads ${path}: every item, title and summary as a page shows them`), () =>
      compareItems(readers.simplePie(feed.url), expected, ALL_FIELDS),
    );
  }
  await report.check(name(`gofeed reads ${path}: every item, title and summary as a reader shows them`), () =>
    compareItems(readers.gofeed(feed.url), expected, ALL_FIELDS),
  );
  for (const reader of NPM_READERS.filter((r) => r.kinds.includes(feed.kind))) {
    const fields = reader.fields(feed.kind);
    const what = ["title", "summary"].filter((field) => fields.includes(field as never)).join(" and ");
    let items: readonly FeedItem[] | undefined;
    await report.check(name(`${reader.name} reads ${path}: every item${what ? `, ${what}` : ""}`), async () => {
      items = await reader.read(feed.kind, body);
      return compareItems(items, expected, fields);
    });
    const metadata = reader.metadata(feed.kind);
    if (items && metadata.length > 0) {
      const read = items;
      await report.check(name(`${reader.name} reads ${path}: every item's ${metadata.join(" and ")}`), () =>
        compareItems(read, expected, metadata),
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
    readonly updated_ms: number | null;
    readonly categories: readonly (string | null)[];
    readonly authors: readonly (string | null)[];
  }[];
}

/** feedparser's items of an RSS or Atom document, and what it found wrong with the document. */
function readWithFeedparser(kind: FeedKind, path: string, body: Uint8Array): { items: FeedItem[]; problems: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "feedparser-"));
  try {
    // A file, not stdin: feedparser then sees the exact bytes, as it would from HTTP.
    const file = join(dir, path.split("/").at(-1) ?? "feed");
    writeFileSync(file, body);
    const result = runTool(PYTHON, [READ_FEED_PY, file]);
    if (result.status !== 0) throw new Error(`read-feed.py exited ${result.status}: ${result.stderr.trim()}`);
    const output = JSON.parse(result.stdout) as FeedparserOutput;
    const problems: string[] = [];
    if (output.bozo !== 0) problems.push(`bozo ${output.bozo}: ${output.bozo_exception}`);
    if (output.version !== FEEDPARSER_VERSION[kind]) {
      problems.push(`version ${JSON.stringify(output.version)}, expected ${FEEDPARSER_VERSION[kind]}`);
    }
    const items = output.entries.map((entry) => ({
      id: entry.id ?? "",
      link: entry.link ?? "",
      title: entry.title ?? "",
      // feedparser marks an RSS description and an Atom type="html" summary text/html: what it
      // returns for them is HTML to render.
      summary:
        entry.summary !== null && entry.summary_type === "text/html"
          ? shownTextOfHtml(entry.summary)
          : (entry.summary ?? undefined),
      publishedMs: entry.published_ms ?? undefined,
      updatedMs: entry.updated_ms ?? undefined,
      categories: entry.categories.map((category) => category ?? ""),
      authors: entry.authors.map((author) => author ?? ""),
    }));
    return { items, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
