// Every route the Worker answers, in one table: what a GET returns there, and what every answer
// shares whatever the route (HEAD, conditional GET, CORS and its preflight, 405 for other
// methods, the security headers).
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { type ArticleSource, idOf, loadSources, plainArticle } from "../support/articles.ts";
import { PNG_3X2 } from "../support/images.ts";
import { testSite } from "../support/test-site.ts";
import { publishedApp } from "./support/published-app.ts";

const BASE = "https://news.example";
const BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

const withFields = (source: ArticleSource, ...fields: string[]): ArticleSource => ({ ...source, fields });
/**
 * Five articles two to a page: list pages 1 and 2 are full (in list-page shards, with archive
 * documents), page 3 is the newest; "Energy" has two pages; two authors, so author pages; and
 * an image from articles/media/, served at the path the loader gives it.
 */
const loaded = loadSources(
  [
    withFields(plainArticle(1, "2025-01-01 10:00:00", "Power cuts in Kyiv"), "Tags: Energy", "Author: Olena Kovalenko"),
    withFields(plainArticle(2, "2025-01-02 10:00:00"), "Tags: Energy"),
    withFields(plainArticle(3, "2025-01-03 10:00:00"), "Tags: Energy", "Author: Olena Kovalenko"),
    plainArticle(4, "2025-01-04 10:00:00"),
    withFields(plainArticle(5, "2025-01-05 10:00:00"), "Image: media/grid.png"),
  ],
  "UTC",
  new Map([["grid.png", { bytes: PNG_3X2, sha256: "ab".repeat(32) }]]),
);
const [IMAGE = ""] = loaded.media.keys();
const app = publishedApp({
  bundle: { articles: loaded.articles, revisedAt: Date.UTC(2024, 0, 1) },
  site: { ...testSite(BASE), itemsPerFeed: 2 },
  now: () => Date.UTC(2025, 5, 1),
  media: loaded.media,
});
const request = (path: string, init: RequestInit = {}) => app.request(`${BASE}${path}`, init);

const ARTICLE = `/articles/${idOf(1)}/power-cuts-in-kyiv`;
const HTML = "text/html; charset=utf-8";
const RSS = "application/rss+xml; charset=utf-8";
const ATOM = "application/atom+xml; charset=utf-8";
const JSON_FEED = "application/feed+json; charset=utf-8";
const XML = "application/xml; charset=utf-8";
const LIST = "public, max-age=300";
const PAGE = "public, max-age=3600";
const DAY = "public, max-age=86400";
const YEAR = "public, max-age=31536000";

interface Row {
  readonly path: string;
  /** The GET's request headers: a browser's Accept turns a feed into its preview page. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly status: 200 | 301 | 404;
  /** The GET's Content-Type; a redirect has none. */
  readonly type: string | null;
  readonly cacheControl: string;
  /** A redirect's Location. */
  readonly location?: string;
  /** A path no route matches: every method gets the 404 page, none a 405. */
  readonly outsideRoutes?: true;
}

const feeds = (folder: string, cacheControl: string): Row[] => [
  { path: `${folder}/rss.xml`, status: 200, type: RSS, cacheControl },
  { path: `${folder}/atom.xml`, status: 200, type: ATOM, cacheControl },
  { path: `${folder}/feed.json`, status: 200, type: JSON_FEED, cacheControl },
];
const previews = (folder: string): Row[] =>
  ["rss.xml", "atom.xml", "feed.json"].map((file) => ({
    path: `${folder}/${file}`,
    headers: { Accept: BROWSER },
    status: 200,
    type: HTML,
    cacheControl: LIST,
  }));

/** One example of every kind of path, with what its GET answers. */
const ROWS: readonly Row[] = [
  { path: "/", status: 200, type: HTML, cacheControl: LIST },
  { path: "/page/1", status: 200, type: HTML, cacheControl: PAGE },
  { path: "/page/3", status: 200, type: HTML, cacheControl: LIST },
  ...feeds("/page/1", YEAR),
  ...feeds("", LIST),
  ...previews(""),
  { path: ARTICLE, status: 200, type: HTML, cacheControl: PAGE },
  { path: `/articles/${idOf(1)}`, status: 301, type: null, cacheControl: LIST, location: `${BASE}${ARTICLE}` },
  { path: "/articles/power-cuts-in-kyiv", status: 301, type: null, cacheControl: LIST, location: `${BASE}${ARTICLE}` },
  { path: `/articles/${idOf(99)}`, status: 404, type: HTML, cacheControl: "public, max-age=60" },
  { path: "/tags", status: 200, type: HTML, cacheControl: LIST },
  { path: "/tags/energy", status: 200, type: HTML, cacheControl: LIST },
  { path: "/tags/energy/page/1", status: 200, type: HTML, cacheControl: PAGE },
  ...feeds("/tags/energy", LIST),
  ...previews("/tags/energy"),
  { path: "/authors", status: 200, type: HTML, cacheControl: LIST },
  { path: "/authors/olena-kovalenko", status: 200, type: HTML, cacheControl: LIST },
  ...feeds("/authors/olena-kovalenko", LIST),
  { path: "/feeds", status: 200, type: HTML, cacheControl: LIST },
  { path: "/feeds.opml", status: 200, type: "text/x-opml; charset=utf-8", cacheControl: LIST },
  { path: IMAGE, status: 200, type: "image/png", cacheControl: `${YEAR}, immutable` },
  { path: "/sitemap.xml", status: 200, type: XML, cacheControl: LIST },
  { path: "/sitemaps/pages.xml", status: 200, type: XML, cacheControl: LIST },
  { path: "/sitemaps/articles-1.xml", status: 200, type: XML, cacheControl: LIST },
  { path: "/robots.txt", status: 200, type: "text/plain; charset=utf-8", cacheControl: DAY },
  { path: "/favicon.ico", status: 200, type: "image/x-icon", cacheControl: DAY },
  { path: "/favicon.svg", status: 200, type: "image/svg+xml", cacheControl: DAY },
  { path: "/icon-64.png", status: 200, type: "image/png", cacheControl: DAY },
  { path: "/icon-144.png", status: 200, type: "image/png", cacheControl: DAY },
  { path: "/icon-512.png", status: 200, type: "image/png", cacheControl: DAY },
  { path: "/no-such-page", status: 404, type: HTML, cacheControl: "public, max-age=60", outsideRoutes: true },
];

const OTHER_METHODS = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

/** What protects a reader whatever the answer: no sniffing, no referrer off-site, and a policy under which nothing runs. */
function expectSecurityHeaders(response: Response, policy: "html" | "data", what = "") {
  expect(response.headers.get("X-Content-Type-Options"), what).toBe("nosniff");
  expect(response.headers.get("Referrer-Policy"), what).toBe("strict-origin-when-cross-origin");
  const directives = new Map(
    (response.headers.get("Content-Security-Policy") ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([name, ...values]) => [name, values]),
  );
  // CSP 3 §6: without script-src, default-src 'none' forbids every script.
  expect(directives.get("default-src"), what).toEqual(["'none'"]);
  expect(directives.has("script-src"), what).toBe(false);
  expect(directives.get("frame-ancestors"), what).toEqual(["'none'"]);
  // A feed or file opened directly in a browser is a sandboxed document: no origin, no forms.
  expect(directives.has("sandbox"), what).toBe(policy === "data");
}

/** Any origin's script may read every answer, and the validators it needs for a conditional request. */
function expectCorsHeaders(response: Response, what = "") {
  expect(response.headers.get("Access-Control-Allow-Origin"), what).toBe("*");
  expect(response.headers.get("Access-Control-Expose-Headers"), what).toBe("ETag, Last-Modified");
  // `*` is the same for every origin, so nothing varies on Origin.
  expect(response.headers.get("Vary") ?? "", what).not.toMatch(/origin/i);
}

const ORIGIN = "https://reader.example";
const policyOf = (row: Row) => (row.type?.startsWith("text/html") ? "html" : "data");
const get = (row: Row, headers: Record<string, string> = {}) =>
  request(row.path, { headers: { ...row.headers, ...headers } });
/** Header fields as sent, in the order Headers lists them. */
const fieldsOf = (response: Response) => [...response.headers];
const nameOf = (row: Row) => (row.headers?.Accept === BROWSER ? `${row.path} (a browser)` : row.path);

describe.each(ROWS.map((row) => [nameOf(row), row] as const))("%s", (_name, row) => {
  it(`GET answers ${row.status}${row.type ? ` ${row.type}` : ""}, with its Cache-Control and the security headers`, async () => {
    const response = await get(row);
    expect(response.status).toBe(row.status);
    expect(response.headers.get("Content-Type")).toBe(row.type);
    expect(response.headers.get("Cache-Control")).toBe(row.cacheControl);
    expect(response.headers.get("Location")).toBe(row.location ?? null);
    expectSecurityHeaders(response, policyOf(row));
    expectCorsHeaders(response);
    if (row.status === 200) {
      expect(response.headers.get("ETag")).toMatch(/^"[^"]+"$/);
      expect(response.headers.get("Last-Modified")).toMatch(/ GMT$/);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    } else if (row.status === 301) {
      expect(await response.text()).toBe("");
    } else {
      expect(await response.text()).toContain("<h1>Not found</h1>");
    }
  });

  it.each([
    ["", {}],
    [" to a client that accepts gzip", { "Accept-Encoding": "gzip" }],
  ])(
    "HEAD%s answers the GET's status and header fields, Content-Length the GET's body's size, with no body (RFC 9110 §9.3.2)",
    async (_, coding) => {
      const full = await get(row, coding);
      const size = (await full.arrayBuffer()).byteLength;
      const head = await request(row.path, { method: "HEAD", headers: { ...row.headers, ...coding } });
      expect(head.status).toBe(row.status);
      expect(fieldsOf(head)).toEqual(fieldsOf(full));
      expect(head.headers.get("Content-Length")).toBe(String(size));
      // As bytes: workerd warns when an image's body is read as text.
      expect((await head.arrayBuffer()).byteLength).toBe(0);
    },
  );

  it("a cross-origin GET with Origin gets the same answer, readable by the page's script", async () => {
    const plain = await get(row);
    const cross = await get(row, { Origin: ORIGIN });
    expect(cross.status).toBe(row.status);
    expect(fieldsOf(cross)).toEqual(fieldsOf(plain));
    expect(new Uint8Array(await cross.arrayBuffer())).toEqual(new Uint8Array(await plain.arrayBuffer()));
    expectCorsHeaders(cross);
  });

  it.each(["GET", "HEAD", "PUT"])(
    "a CORS preflight for %s answers 204 allowing GET and HEAD with conditional headers, never 405",
    async (method) => {
      const response = await request(row.path, {
        method: "OPTIONS",
        headers: {
          Origin: ORIGIN,
          "Access-Control-Request-Method": method,
          "Access-Control-Request-Headers": "if-none-match,if-modified-since",
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      // A PUT is not allowed: the browser sees the list and refuses it before sending.
      expect(response.headers.get("Access-Control-Allow-Methods")).toBe("GET, HEAD");
      expect(response.headers.get("Access-Control-Allow-Headers")).toBe("Accept, If-Modified-Since, If-None-Match");
      expect(response.headers.get("Access-Control-Max-Age")).toBe("86400");
      expect(response.headers.get("Allow")).toBeNull();
      expect(await response.text()).toBe("");
      expectSecurityHeaders(response, "data");
    },
  );

  if (row.status === 200) {
    it.each(["If-None-Match", "If-Modified-Since"])(
      "a GET with %s from the 200 answers 304 with its validators, no body and the security headers",
      async (field) => {
        const full = await get(row);
        await full.arrayBuffer();
        const validator = full.headers.get(field === "If-None-Match" ? "ETag" : "Last-Modified") ?? "";
        const response = await get(row, { [field]: validator });
        expect(response.status).toBe(304);
        expect((await response.arrayBuffer()).byteLength).toBe(0);
        // RFC 9110 §15.4.5: the fields a 200 would carry, but those that describe its content.
        for (const name of ["ETag", "Last-Modified", "Cache-Control", "Vary"]) {
          expect(response.headers.get(name), name).toBe(full.headers.get(name));
        }
        expect(response.headers.get("Content-Type")).toBeNull();
        expect(response.headers.get("Content-Length")).toBeNull();
        expectSecurityHeaders(response, policyOf(row));
        // A 304 without them is a network error to a cross-origin script (Fetch standard, CORS check).
        expectCorsHeaders(response);
      },
    );
  }

  if (row.outsideRoutes) {
    it(`${OTHER_METHODS.join(", ")} answer the 404 page with the security headers`, async () => {
      for (const method of OTHER_METHODS) {
        const response = await request(row.path, { method });
        expect(response.status, method).toBe(404);
        expect(response.headers.get("Allow"), method).toBeNull();
        expectSecurityHeaders(response, "html", method);
        expectCorsHeaders(response, method);
      }
    });
  } else {
    it(`${OTHER_METHODS.join(", ")} answer 405 with Allow: GET, HEAD and the security headers, an OPTIONS that is no preflight too`, async () => {
      for (const method of OTHER_METHODS) {
        // With Origin, as a script's POST would send it: the 405 is readable to that script.
        const response = await request(row.path, { method, headers: { ...row.headers, Origin: ORIGIN } });
        expect(response.status, method).toBe(405);
        expect(response.headers.get("Allow"), method).toBe("GET, HEAD");
        expect(response.headers.get("Content-Type"), method).toBe("text/plain; charset=utf-8");
        expect(response.headers.get("Content-Length"), method).toBe(String((await response.arrayBuffer()).byteLength));
        expectSecurityHeaders(response, "data", method);
        expectCorsHeaders(response, method);
      }
    });
  }
});

describe("the table", () => {
  it("has a row served by every path pattern the app answers GET on", async () => {
    // Each path is one handler for every method (it answers the 405 itself): Hono calls that "ALL".
    const answersGet = (method: string) => method === "GET" || method === "ALL";
    const patterns = (await app.routes()).filter((route) => answersGet(route.method)).map((route) => route.path);
    expect(patterns).toContain("/");
    const served = ROWS.filter((row) => row.status !== 404).map((row) => row.path);
    const unmatched: string[] = [];
    for (const pattern of patterns) {
      // Hono's own matching, so a pattern means here what it means to the app.
      const probe = new Hono().get(pattern, (c) => c.body(null, 204));
      const statuses = await Promise.all(served.map(async (path) => (await probe.request(path)).status));
      if (!statuses.includes(204)) unmatched.push(pattern);
    }
    expect(unmatched).toEqual([]);
  });
});
