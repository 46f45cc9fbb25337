import { describe, expect, it } from "vitest";
import { archiveFeed } from "../../src/model/archive-feeds.ts";
import { FEED_FORMATS } from "../../src/model/paths.ts";
import { readShardIndex } from "../../src/model/shard-file.ts";
import { renderFeed } from "../../src/render/feeds/render-feed.ts";
import { bundleOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { bytesOf, expectTagPerCoding, gunzip, prose, same, tagOf } from "./support/gzip-bodies.ts";
import { publishedApp, publishInMemory } from "./support/published-app.ts";

// Archive documents are stored once, gzip-coded (docs/static-assets.md#compression): what a
// client receives must still be, byte for byte, what the renderer wrote, whichever coding it asks.

const BASE = "https://news.example";
const site = { ...testSite(BASE), itemsPerFeed: 3 };

/** Seven articles, a day apart: pages 1 and 2 are complete. */
const bundle = bundleOf(
  Array.from({ length: 7 }, (_, i) => ({
    ...plainArticle(i + 1, `2025-01-0${i + 1} 08:00:00`),
    paragraphs: Array.from({ length: 12 }, (_, p) => prose(i * 100 + p + 1, 400)),
  })),
);
const app = publishedApp({ bundle, site, now: () => Date.UTC(2025, 5, 1) });
const request = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  app.request(`${BASE}${path}`, { headers, method });

/** Page 2's document as the renderer writes it (published in memory from EARLIEST: no page was complete at the build). */
const rendered = (format: (typeof FEED_FORMATS)[number]) =>
  new TextEncoder().encode(renderFeed(format, site, archiveFeed(site, bundle.articles, 2)));

describe.each(FEED_FORMATS.map((format) => [format.file, format] as const))("/page/2/%s", (file, format) => {
  const path = `/page/2/${file}`;

  it("goes to a client that sends no Accept-Encoding as rendered, whole, with these bytes' length and tag", async () => {
    const expected = rendered(format);
    const response = await request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("content-type")).toBe(`${format.mediaType}; charset=utf-8`);
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    expect(response.headers.get("content-length")).toBe(String(expected.length));
    expect(response.headers.get("etag")).toBe(await tagOf(expected));
    const body = await bytesOf(response);
    expect(body.length).toBeGreaterThan(64 * 1024);
    expect(body.length).toBe(expected.length);
    expect(same(body, expected)).toBe(true);

    const head = await request(path, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-encoding")).toBeNull();
    expect(head.headers.get("content-length")).toBe(String(expected.length));
    expect(head.headers.get("etag")).toBe(response.headers.get("etag"));
    expect((await bytesOf(head)).length).toBe(0);
  });

  it("goes gzip-coded to a client that accepts gzip, with the coding's own length and tag", async () => {
    const response = await request(path, { "Accept-Encoding": "gzip, deflate, br" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("content-type")).toBe(`${format.mediaType}; charset=utf-8`);
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    const body = await bytesOf(response);
    expect([...body.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(response.headers.get("content-length")).toBe(String(body.length));
    expect(response.headers.get("etag")).toBe(await tagOf(body));
    expect(same(await gunzip(body), rendered(format))).toBe(true);

    const head = await request(path, { "Accept-Encoding": "gzip" }, "HEAD");
    expect(head.headers.get("content-encoding")).toBe("gzip");
    expect(head.headers.get("content-length")).toBe(String(body.length));
    expect(head.headers.get("etag")).toBe(response.headers.get("etag"));
  });

  it("answers 304 to the tag of the representation the client would get, and 200 to the other's", async () => {
    await expectTagPerCoding((p, headers) => request(p, headers), path, rendered(format));
  });
});

describe("the archive shard", () => {
  it("holds each document once, gzip-coded, and indexes both codings' tags and lengths", async () => {
    const published = await publishInMemory(bundle, site);
    const shard = published.files.get("/f/0");
    if (!shard) throw new Error("no archive shard /f/0");
    const index = readShardIndex(shard);
    const entries = [...index.entries.values()];
    expect(entries.map((entry) => entry.key).sort()).toEqual(
      [1, 2].flatMap((page) => FEED_FORMATS.map((format) => `${page}/${format.file}`)).sort(),
    );
    let stored = 0;
    for (const entry of entries) {
      const gzip = entry.gzip;
      if (!gzip) throw new Error(`${entry.key} is not stored gzip-coded`);
      const bytes = shard.subarray(index.bodiesAt + entry.offset, index.bodiesAt + entry.offset + gzip.length);
      expect(await tagOf(bytes), entry.key).toBe(gzip.etag);
      const plain = await gunzip(bytes);
      expect(plain.length, entry.key).toBe(entry.length);
      expect(await tagOf(plain), entry.key).toBe(entry.etag);
      stored += gzip.length;
    }
    expect(shard.length).toBe(index.bodiesAt + stored);
  });
});
