import { describe, expect, it } from "vitest";
import type { Article } from "../../src/model/article.ts";
import { articleShardPath, readShardIndex } from "../../src/model/shard-file.ts";
import { renderArticlePage } from "../../src/render/pages/article-page.ts";
import { bundleOf, idOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { bytesOf, expectTagPerCoding, gunzip, prose, same, tagOf } from "./support/gzip-bodies.ts";
import { publishedApp, publishInMemory } from "./support/published-app.ts";

// Article pages in shards are stored once, gzip-coded (docs/static-assets.md#compression): what
// a client receives must still be, byte for byte, what the renderer wrote, whichever coding it
// asks and whichever version of the page is in force.

const BASE = "https://news.example";
const site = testSite(BASE);
const SCHEDULED_AT = Date.UTC(2025, 5, 1, 12);

const long = (n: number, date: string, title: string) => ({
  ...plainArticle(n, date, title),
  paragraphs: Array.from({ length: 24 }, (_, p) => prose(n * 100 + p + 1, 400)),
});

/** Article 2 is scheduled: article 1's page is served without its link until then. */
const bundle = bundleOf([long(1, "2025-01-01 10:00:00", "Old news"), long(2, "2025-06-01 12:00:00", "Scheduled news")]);
let clock = SCHEDULED_AT - 10_000;
const app = publishedApp({ bundle, site, now: () => clock });
const OLD_NEWS = `/articles/${idOf(1)}/old-news`;

const request = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  app.request(`${BASE}${path}`, { headers, method });

const articleOf = (n: number): Article => {
  const found = bundle.articles.find((article) => article.id === idOf(n));
  if (!found) throw new Error(`no article ${n}`);
  return found;
};
/** Article 1's page as the renderer writes it, before article 2's instant and from it on. */
const rendered = (scheduledPublished: boolean) =>
  new TextEncoder().encode(renderArticlePage(site, articleOf(1), scheduledPublished ? { newer: articleOf(2) } : {}));

describe.each([
  ["before its newer neighbour's instant", SCHEDULED_AT - 10_000, false],
  ["from its newer neighbour's instant on", SCHEDULED_AT, true],
] as const)("an article page in a shard, %s", (_, at, scheduledPublished) => {
  const expected = () => rendered(scheduledPublished);

  it("goes to a client that sends no Accept-Encoding as rendered, whole, with these bytes' length and tag", async () => {
    clock = at;
    const response = await request(OLD_NEWS);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    expect(response.headers.get("content-length")).toBe(String(expected().length));
    expect(response.headers.get("etag")).toBe(await tagOf(expected()));
    const body = await bytesOf(response);
    expect(body.length).toBeGreaterThan(64 * 1024);
    expect(same(body, expected())).toBe(true);

    const head = await request(OLD_NEWS, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-encoding")).toBeNull();
    expect(head.headers.get("content-length")).toBe(String(expected().length));
    expect(head.headers.get("etag")).toBe(response.headers.get("etag"));
    expect(head.headers.get("vary")).toBe("Accept-Encoding");
    expect((await bytesOf(head)).length).toBe(0);
  });

  it("goes gzip-coded to a client that accepts gzip, with the coding's own length and tag", async () => {
    clock = at;
    const response = await request(OLD_NEWS, { "Accept-Encoding": "gzip, deflate, br" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    const body = await bytesOf(response);
    expect([...body.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(body.length).toBeLessThan(expected().length);
    expect(response.headers.get("content-length")).toBe(String(body.length));
    expect(response.headers.get("etag")).toBe(await tagOf(body));
    expect(same(await gunzip(body), expected())).toBe(true);

    const head = await request(OLD_NEWS, { "Accept-Encoding": "gzip" }, "HEAD");
    expect(head.headers.get("content-encoding")).toBe("gzip");
    expect(head.headers.get("content-length")).toBe(String(body.length));
    expect(head.headers.get("etag")).toBe(response.headers.get("etag"));
  });

  it("answers 304 to the tag of the representation the client would get, and 200 to the other's", async () => {
    clock = at;
    await expectTagPerCoding(request, OLD_NEWS, expected());
  });
});

describe("an article shard", () => {
  it("holds both versions of a page gzip-coded only, and indexes both codings' tags and lengths", async () => {
    const published = await publishInMemory(bundle, site);
    const path = articleShardPath(idOf(1));
    const shard = published.files.get(path);
    if (!shard) throw new Error(`no article shard ${path}`);
    const index = readShardIndex(shard);
    const entry = index.entries.get(idOf(1));
    const earlier = entry?.earlier;
    if (!entry?.gzip || !earlier?.gzip) throw new Error("article 1's versions are not both stored gzip-coded");
    const spans = [
      { ...entry, gzip: entry.gzip, plain: rendered(true) },
      { ...earlier, gzip: earlier.gzip, plain: rendered(false) },
    ];
    for (const { offset, gzip, etag, length, plain } of spans) {
      const bytes = shard.subarray(index.bodiesAt + offset, index.bodiesAt + offset + gzip.length);
      expect(await tagOf(bytes)).toBe(gzip.etag);
      const decoded = await gunzip(bytes);
      expect(decoded.length).toBe(length);
      expect(await tagOf(decoded)).toBe(etag);
      expect(same(decoded, plain)).toBe(true);
    }
  });
});
