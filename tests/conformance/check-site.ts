import { HtmlValidate } from "html-validate";
import type { Article } from "../../src/model/article.ts";
import { articlePath } from "../../src/model/paths.ts";
import { slugify } from "../../src/model/slugify.ts";
import { checkWithXmllint } from "./check-feeds.ts";
import { checkSitemaps } from "./check-sitemaps.ts";
import { type Crawl, type CrawledResource, crawlSite } from "./crawl-site.ts";
import { FEED_MEDIA_TYPES } from "./discover-feeds.ts";
import { authorOf } from "./feed-scopes.ts";
import { fetchResource } from "./http-client.ts";
import type { Problems } from "./report.ts";
import { FEEDS, type SuiteContext } from "./suite-context.ts";

/**
 * The recommended rules plus those for whole documents (doctype, lang, title), except
 * long-title: a search-result length hint (70 characters), not a rule of HTML. An article
 * page's <title> is its headline, and the article format allows a headline of any length.
 */
const htmlValidate = new HtmlValidate({
  extends: ["html-validate:recommended", "html-validate:document"],
  rules: { "long-title": "off" },
});

/**
 * Crawls the running site from the home page and the feeds, then checks every link, every
 * HTML page, every other XML document, and that nothing scheduled or unencodable leaked.
 */
export async function checkSite(context: SuiteContext): Promise<Crawl> {
  const { report, name, baseUrl, corpus } = context;
  const seeds = ["/", ...FEEDS.map((feed) => feed.path)];
  // robots.txt is found by convention, not by a link; crawl it only when the site has one.
  if ((await fetchResource(`${baseUrl}/robots.txt`)).status === 200) seeds.push("/robots.txt");
  const crawl = await crawlSite(baseUrl, seeds);
  const reached = [...crawl.resources.values()];
  const sampled = crawl.notRequested.size > 0;

  await report.check(
    name(
      `every link in every feed and page answers 200 (${reached.length} URLs${sampled ? ` of ${reached.length + crawl.notRequested.size} linked: a seeded sample` : ""}, ${crawl.external.size} off-site not followed)`,
    ),
    () => [
      ...crawl.unreadable,
      ...reached
        .filter((resource) => resource.status !== 200)
        .map(
          (resource) => `${resource.url} answered ${resource.status}, linked from ${resource.linkedFrom.join(", ")}`,
        ),
    ],
  );
  const articleUrls = corpus.published.map((article) => `${baseUrl}${articlePath(article)}`);
  const requested = articleUrls.filter((url) => crawl.resources.has(url)).length;
  await report.check(
    name(
      sampled
        ? `every published article's page is linked (${articleUrls.length}) and the ${requested} requested answer 200`
        : `every published article's page is reached by links (${articleUrls.length})`,
    ),
    () =>
      articleUrls.flatMap((url) => {
        const resource = crawl.resources.get(url);
        if (resource) return resource.status === 200 ? [] : [`${url} answered ${resource.status}`];
        return crawl.notRequested.has(url) ? [] : [`${url} not reached`];
      }),
  );
  await checkSitemaps(context, crawl);

  const pages = [...reached.filter((r) => r.kind === "html" && r.status === 200), ...crawl.browserViews];
  const notFound = await fetchResource(`${baseUrl}/no-such-page-${Date.now()}`, { headers: { accept: "text/html" } });
  pages.push({ ...notFound, kind: "html", linkedFrom: [], asBrowser: true });
  for (const page of pages) {
    const label = `${new URL(page.url).pathname}${page.asBrowser ? ` (Accept: text/html, ${page.status})` : ""}`;
    await report.check(name(`html-validate ${label}: no errors`), () => validateHtml(page));
  }

  // Feeds, wherever they are, get xmllint among their own checks (check-feeds.ts).
  const isFeed = (resource: CrawledResource) =>
    ((resource.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "") in FEED_MEDIA_TYPES;
  for (const document of reached.filter((r) => r.kind === "xml" && r.status === 200 && !isFeed(r))) {
    await report.check(name(`xmllint --noout ${new URL(document.url).pathname}`), () =>
      checkWithXmllint(document.body),
    );
  }

  const everything = [...reached, ...crawl.browserViews];
  await report.check(name(`no character XML forbids in any of ${everything.length} answers`), () =>
    everything.flatMap(findForbiddenCharacters),
  );
  if (corpus.scheduled.length > 0) {
    await checkScheduled(context, crawl, corpus.scheduled);
  }
  return crawl;
}

async function validateHtml(page: CrawledResource): Promise<Problems> {
  const result = await htmlValidate.validateString(page.text, page.url);
  return result.results.flatMap((file) =>
    file.messages
      .filter((message) => message.severity === 2)
      .map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`),
  );
}

/**
 * XML 1.0 §2.2 Char excludes C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF. The
 * build removes them from the text, so no format may carry one: not raw, not as a character
 * reference (&#1;), not as a JSON escape (\u0001).
 */
const FORBIDDEN_RAW =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const FORBIDDEN_REFERENCE =
  /&#(?:0*(?:[0-8]|1[1-2]|1[4-9]|2\d|3[01]|6553[45])|[xX]0*(?:[0-8]|[bBcC]|[eEfF]|1[0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF]));/;
const FORBIDDEN_JSON_ESCAPE = /\\u(?:000[0-8bBcCeEfF]|001[0-9a-fA-F]|[fF]{3}[eEfF])/;

function findForbiddenCharacters(resource: CrawledResource): string[] {
  if (resource.kind === "other") return [];
  const where = `${new URL(resource.url).pathname}${resource.asBrowser ? " (as HTML)" : ""}`;
  const raw = FORBIDDEN_RAW.exec(resource.text);
  if (raw) return [`${where} holds U+${raw[0].codePointAt(0)?.toString(16).padStart(4, "0").toUpperCase()}`];
  const reference = FORBIDDEN_REFERENCE.exec(resource.text);
  if (reference) return [`${where} holds ${reference[0]}`];
  const jsonEscape = resource.kind === "json" ? FORBIDDEN_JSON_ESCAPE.exec(resource.text) : null;
  return jsonEscape ? [`${where} holds ${jsonEscape[0]}`] : [];
}

/** The /tags/x and /authors/x of `article` that no published article shares. */
function unpublishedTopics(context: SuiteContext, article: Article): string[] {
  const { corpus } = context;
  const folders = (a: Article) => [
    ...(a.tags ?? []).map((tag) => `/tags/${tag.slug}`),
    `/authors/${slugify(authorOf(corpus, a))}`,
  ];
  const published = new Set(corpus.published.flatMap(folders));
  return folders(article).filter((folder) => !published.has(folder));
}

/** An article dated after now must not show anywhere, and its page must not exist yet. */
async function checkScheduled(context: SuiteContext, crawl: Crawl, scheduled: readonly Article[]): Promise<void> {
  const { report, name, baseUrl } = context;
  const bodies = [...crawl.resources.values(), ...crawl.browserViews];
  for (const article of scheduled) {
    const path = articlePath(article);
    await report.check(name(`scheduled ${article.id} is in no feed or page`), () => {
      const traces = [article.id, path, ...(article.title.length >= 12 ? [article.title] : [])];
      return bodies.flatMap((resource) =>
        traces
          .filter((trace) => resource.text.includes(trace))
          .map((trace) => `${new URL(resource.url).pathname} contains ${JSON.stringify(trace.slice(0, 60))}`),
      );
    });
    // A topic or author only scheduled articles have is not named anywhere, and has no page yet.
    for (const folder of unpublishedTopics(context, article)) {
      await report.check(
        name(`scheduled ${article.id}: ${folder}, named by no published article, is in no answer and 404`),
        async () => {
          const traces = bodies
            .filter((resource) => resource.text.includes(`${folder}"`) || resource.text.includes(`${folder}/`))
            .map((resource) => `${new URL(resource.url).pathname} contains ${folder}`);
          const { status } = await fetchResource(`${baseUrl}${folder}`);
          return status === 404 ? traces : [...traces, `GET ${folder} is ${status}`];
        },
      );
    }
    // Not by its id alone or its first-version slug either: a redirect would reveal the slug.
    for (const scheduledPath of [path, `/articles/${article.id}`, `/articles/${article.legacySlug}`]) {
      await report.check(name(`scheduled ${article.id}: GET ${scheduledPath} is 404`), async () => {
        const { status } = await fetchResource(`${baseUrl}${scheduledPath}`);
        return status === 404 ? [] : [`status ${status}`];
      });
    }
  }
}
