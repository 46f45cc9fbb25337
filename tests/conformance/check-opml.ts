// The list of every feed as OPML (docs/feeds.md#every-feed-at-once), read by a real consumer:
// newsboat imports it as its users do, then fetches every feed it subscribed to.
import { fileURLToPath } from "node:url";
import { decodeHTML, decodeHTMLAttribute } from "entities";
import { checkWithXmllint } from "./check-feeds.ts";
import { expectedScopes } from "./feed-scopes.ts";
import { BROWSER_ACCEPT, type Fetched, fetchResource } from "./http-client.ts";
import { type ImportedFeed, importWithNewsboat } from "./import-with-newsboat.ts";
import { readWithNewsboat } from "./read-with-newsboat.ts";
import type { Problems } from "./report.ts";
import { runTool } from "./run-tool.ts";
import type { SuiteContext } from "./suite-context.ts";

const OPML_TYPE = "text/x-opml";
const PYTHON = process.env.CONFORMANCE_PYTHON ?? "/usr/bin/python3";
const VALIDATE_FEED_PY = fileURLToPath(new URL("validate-feed.py", import.meta.url));

/**
 * Finds the OPML as a reader does, from the home page's `<link rel="alternate"
 * type="text/x-opml">`; checks it is served as text/x-opml and is valid to xmllint and the W3C
 * Feed Validator; imports it with `newsboat -i`, which must subscribe to every feed the sources
 * imply (the site's, each topic's, each author's), once each; and checks that each of those
 * answers 200 as RSS, that newsboat reads each, and that /feeds gives the same addresses.
 */
export async function checkOpml(context: SuiteContext): Promise<void> {
  const { report, name, baseUrl, corpus } = context;
  const home = await fetchResource(`${baseUrl}/`, { headers: { accept: BROWSER_ACCEPT } });
  let opml: Fetched | undefined;
  await report.check(name(`the home page announces one OPML list, served as ${OPML_TYPE}; charset=utf-8`), async () => {
    const announced = linkedWith(home.text, "link", (attributes) => attributes.get("type") === OPML_TYPE);
    const [url] = announced;
    if (announced.length !== 1 || url === undefined) {
      return [`${announced.length} <link rel="alternate" type="${OPML_TYPE}"> on /; expected 1`];
    }
    const fetched = await fetchResource(new URL(url, home.url).href);
    const type = fetched.headers.get("content-type");
    if (fetched.status !== 200 || type !== `${OPML_TYPE}; charset=utf-8`) {
      return [`${url} answered ${fetched.status} ${type}`];
    }
    opml = fetched;
    return [];
  });
  if (!opml) return;
  const list = opml;
  const path = new URL(list.url).pathname;

  await report.check(name(`xmllint --noout ${path}`), () => checkWithXmllint(list.body));
  await report.check(name(`W3C Feed Validator ${path}: no errors or warnings`), () =>
    validateOpmlWithW3c(list.url, list.text),
  );

  const expected = expectedScopes(corpus).map((scope) => `${baseUrl}${scope.folder}/rss.xml`);
  let imported: ImportedFeed[] = [];
  await report.check(
    name(
      `newsboat -i ${path} subscribes to every feed of the site once, in a folder named after it (${expected.length})`,
    ),
    () => {
      imported = importWithNewsboat(list.body);
      const urls = imported.map((feed) => feed.url);
      return [
        ...expected.filter((url) => !urls.includes(url)).map((url) => `${url} not imported`),
        ...urls.filter((url) => !expected.includes(url)).map((url) => `${url} imported, but is no feed of the site`),
        ...urls.filter((url, index) => urls.indexOf(url) !== index).map((url) => `${url} imported twice`),
        ...imported
          .filter((feed) => !feed.tags.includes(corpus.site.title))
          .map((feed) => `${feed.url} tagged ${JSON.stringify(feed.tags)}, not ${JSON.stringify(corpus.site.title)}`),
      ];
    },
  );
  if (imported.length === 0) return;
  const urls = imported.map((feed) => feed.url);

  await report.check(name(`every feed newsboat imported answers 200 as RSS (${urls.length})`), async () => {
    const problems: string[] = [];
    for (const url of urls) {
      const fetched = await fetchResource(url);
      const type = fetched.headers.get("content-type");
      if (fetched.status !== 200 || type !== "application/rss+xml; charset=utf-8") {
        problems.push(`${url} answered ${fetched.status} ${type}`);
      }
    }
    return problems;
  });
  // newsboat keeps an item (by guid) under one feed only, so an article in several feeds shows
  // under one of them: what counts is that every feed is read and every article arrives.
  const carried = new Set(
    expectedScopes(corpus).flatMap((scope) =>
      scope.articles.slice(0, corpus.site.itemsPerFeed).map((article) => article.id),
    ),
  );
  await report.check(
    name(`newsboat reads every feed it imported, and gets every article they carry (${carried.size})`),
    () => {
      const read = new Set([...readWithNewsboat(urls).values()].flat().map((item) => item.id));
      return [
        ...[...carried].filter((id) => !read.has(id)).map((id) => `article ${id} not read`),
        ...[...read].filter((id) => !carried.has(id)).map((id) => `${id} read, but no feed should carry it`),
      ];
    },
  );

  await report.check(name(`the page of every feed gives the same addresses to copy as ${path}`), async () => {
    const [pageUrl] = linkedWith(home.text, "a", (_, text) => text === "All feeds");
    if (pageUrl === undefined) return ['no "All feeds" link on /'];
    const page = await fetchResource(new URL(pageUrl, home.url).href, { headers: { accept: BROWSER_ACCEPT } });
    if (page.status !== 200) return [`${pageUrl} answered ${page.status}`];
    const shown = [...page.text.matchAll(/<code class="feed-url">([^<]*)<\/code>/g)]
      .map((match) => decodeHTML(match[1] ?? ""))
      .filter((url) => url !== list.url);
    return shown.join("\n") === urls.join("\n")
      ? []
      : [`${pageUrl} shows ${JSON.stringify(shown)}; ${path} holds ${JSON.stringify(urls)}`];
  });
}

/**
 * The href of every `element` (link or a) whose attributes and text `accept`, as written in
 * the page: rel="alternate" for a link.
 */
function linkedWith(
  html: string,
  element: "link" | "a",
  accept: (attributes: ReadonlyMap<string, string>, text: string) => boolean,
): string[] {
  const pattern = element === "link" ? /<link\b([^>]*)>/gi : /<a\b([^>]*)>([^<]*)<\/a>/gi;
  const found: string[] = [];
  for (const match of html.matchAll(pattern)) {
    const attributes = new Map<string, string>();
    for (const attribute of (match[1] ?? "").matchAll(/\s([a-zA-Z-]+)(?:\s*=\s*"([^"]*)")?/g)) {
      attributes.set((attribute[1] ?? "").toLowerCase(), decodeHTMLAttribute(attribute[2] ?? ""));
    }
    const href = attributes.get("href");
    if (element === "link" && !(attributes.get("rel") ?? "").split(/\s+/).includes("alternate")) continue;
    if (href !== undefined && accept(attributes, decodeHTML(match[2] ?? "").trim())) found.push(href);
  }
  return found;
}

interface ValidatorEvent {
  readonly level: "error" | "warning" | "info";
  readonly type: string;
  readonly message: string;
  readonly line: number | null;
  readonly value: string | null;
}

/**
 * The W3C Feed Validator's errors and warnings for the OPML at `url`. It reads an outline's
 * text, title and description as HTML and warns "Invalid HTML" when one holds "&" or "<"; the
 * list writes them as the plain text they are (a topic named "R&D <Labs>"), as each feed's own
 * title does, so that warning is tolerated on exactly the lines holding an escaped & or <.
 */
function validateOpmlWithW3c(url: string, text: string): Problems {
  const result = runTool(PYTHON, [VALIDATE_FEED_PY, url]);
  if (result.status !== 0) return [`validate-feed.py exited ${result.status}: ${result.stderr.trim()}`];
  const { events } = JSON.parse(result.stdout) as { events: readonly ValidatorEvent[] };
  const lines = text.split("\n");
  const writesMarkupAsText = (line: number | null) => line !== null && /&amp;|&lt;/.test(lines[line - 1] ?? "");
  return events
    .filter((event) => event.level !== "info")
    .filter((event) => !(event.type === "NotHtml" && writesMarkupAsText(event.line)))
    .map((event) => `${event.level} ${event.type}: ${event.message} (${event.value ?? ""}, line ${event.line ?? "?"})`);
}
