import { describe, expect, it } from "vitest";
import { renderListPage } from "../../src/render/pages/index-page.ts";
import { bundleOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { bytesOf, gunzip, same, tagOf } from "./support/gzip-bodies.ts";
import { publishedApp } from "./support/published-app.ts";

// Full list pages (the site's in p/, each topic's in t/, one function writes both) are
// stored gzip-coded only, like article pages: each client still gets the rendered page.

const BASE = "https://news.example";
const site = { ...testSite(BASE), itemsPerFeed: 3 };
/** Seven articles, a day apart: pages 1 and 2 are full and in a list-page shard, page 3 is the newest. */
const bundle = bundleOf(Array.from({ length: 7 }, (_, i) => plainArticle(i + 1, `2025-01-0${i + 1} 08:00:00`)));
const app = publishedApp({ bundle, site, now: () => Date.UTC(2025, 5, 1) });
const request = (path: string, headers: Record<string, string> = {}) => app.request(`${BASE}${path}`, { headers });
const rendered = () => new TextEncoder().encode(renderListPage(site, bundle.articles, 1));

describe("/page/1, a full list page in a list-page shard", () => {
  it("goes to a client without Accept-Encoding as rendered, with its length and tag", async () => {
    const response = await request("/page/1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    expect(response.headers.get("content-length")).toBe(String(rendered().length));
    expect(response.headers.get("etag")).toBe(await tagOf(rendered()));
    expect(same(await bytesOf(response), rendered())).toBe(true);
  });

  it("goes gzip-coded to a client that accepts gzip, with the coding's own length and tag", async () => {
    const response = await request("/page/1", { "Accept-Encoding": "gzip" });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    const body = await bytesOf(response);
    expect(response.headers.get("content-length")).toBe(String(body.length));
    expect(response.headers.get("etag")).toBe(await tagOf(body));
    expect(same(await gunzip(body), rendered())).toBe(true);
    const again = await request("/page/1", { "Accept-Encoding": "gzip", "If-None-Match": await tagOf(body) });
    expect(again.status).toBe(304);
  });
});
