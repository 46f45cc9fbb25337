import { describe, expect, it } from "vitest";
import { replaceOrigin, requestOriginOf, withLinksToRequestOrigin } from "../../src/serve/links-to-request-origin.ts";
import { bundleOf, idOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { publishedApp } from "./support/published-app.ts";

const BUILT = "https://news.example.org";
const DEV = "http://127.0.0.1:9000";

const app = publishedApp({
  bundle: bundleOf([plainArticle(1, "2025-01-01 10:00:00", "Old news"), plainArticle(2, "2025-01-02 10:00:00")]),
  site: testSite(BUILT),
  now: () => Date.UTC(2025, 4, 1),
});
const dev = withLinksToRequestOrigin((request: Request) => app.fetch(request), BUILT);
const get = (url: string, headers: Record<string, string> = {}) => dev(new Request(url, { headers }));

/** Every absolute http(s) URL in a text, as a reader would follow it. */
const urlsIn = (text: string) => text.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
const gunzip = async (response: Response) =>
  new Response(response.body?.pipeThrough(new DecompressionStream("gzip"))).text();

describe("under wrangler dev, answers link to the origin the request came to", () => {
  it.each([
    ["/", "text/html; charset=utf-8"],
    ["/rss.xml", "application/rss+xml; charset=utf-8"],
    ["/feed.json", "application/feed+json; charset=utf-8"],
    ["/sitemap.xml", "application/xml; charset=utf-8"],
    ["/robots.txt", "text/plain; charset=utf-8"],
  ])("%s: every absolute link starts with the dev origin", async (path, type) => {
    const response = await get(`${DEV}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(type);
    const text = await response.text();
    expect(text).not.toContain("news.example.org");
    // Namespaces and schemas (w3.org, jsonfeed.org, …) are not the site's.
    const urls = urlsIn(text).filter((url) => /^https?:\/\/(?:127\.0\.0\.1|news\.example\.org)\b/.test(url));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(`${DEV}/`) || url === DEV, url).toBe(true);
  });

  it("a gzip-coded feed stays gzip-coded, its text relinked", async () => {
    const response = await get(`${DEV}/atom.xml`, { "Accept-Encoding": "gzip" });
    expect(response.headers.get("Content-Encoding")).toBe("gzip");
    const text = await gunzip(response);
    expect(text).toMatch(new RegExp(`<link rel="self" [^>]*href="${DEV}/atom.xml"`));
    expect(text).not.toContain(BUILT);
  });

  it.each([
    ["/", {}],
    ["/rss.xml", {}],
    ["/feed.json", {}],
    ["/atom.xml", { "Accept-Encoding": "gzip" }],
  ])("%s: a HEAD gives the relinked body's Content-Length, as its GET does", async (path, coding) => {
    const full = await get(`${DEV}${path}`, coding);
    const size = (await full.arrayBuffer()).byteLength;
    expect(full.headers.get("Content-Length")).toBe(String(size));
    const head = await dev(new Request(`${DEV}${path}`, { method: "HEAD", headers: coding }));
    expect(head.status).toBe(200);
    expect([...head.headers]).toEqual([...full.headers]);
    expect(await head.text()).toBe("");
    // The relinked size, not the build's: the two origins differ in length.
    const built = await app.fetch(new Request(`${BUILT}${path}`, { method: "HEAD", headers: coding }));
    expect(head.headers.get("Content-Length")).not.toBe(built.headers.get("Content-Length"));
  });

  it("a redirect points at the dev origin", async () => {
    const response = await get(`${DEV}/articles/${idOf(1)}`);
    expect(response.status).toBe(301);
    expect(response.headers.get("Location")).toMatch(new RegExp(`^${DEV}/articles/${idOf(1)}/`));
  });

  it("keeps the validators, so a conditional request still gets its 304", async () => {
    const first = await get(`${DEV}/rss.xml`);
    const etag = first.headers.get("ETag") ?? "";
    expect((await get(`${DEV}/rss.xml`, { "If-None-Match": etag })).status).toBe(304);
  });

  it("at the built origin, or behind a host that is not a plain one, serves the bytes as built", async () => {
    const built = await (await app.fetch(new Request(`${BUILT}/feed.json`))).text();
    expect(await (await get(`${BUILT}/feed.json`)).text()).toBe(built);
    expect(requestOriginOf('http://a"><script>/')).toBeUndefined();
    expect(requestOriginOf("http://[::1]:8787/x")).toBe("http://[::1]:8787");
    expect(requestOriginOf("HTTP://LocalHost:80/")).toBe("http://localhost");
  });

  it("replaces the origin only where an origin ends", () => {
    expect(replaceOrigin(`${BUILT}/a ${BUILT}.evil.example/b ${BUILT}:8443/c ${BUILT}`, BUILT, DEV)).toBe(
      `${DEV}/a ${BUILT}.evil.example/b ${BUILT}:8443/c ${DEV}`,
    );
  });
});
