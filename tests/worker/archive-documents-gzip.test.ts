import { describe, expect, it } from "vitest";
import { readShardIndex } from "../../src/model/shard-file.ts";
import { AssetStore } from "../../src/publish/asset-store.ts";
import { archiveFeed } from "../../src/render/archive-feeds.ts";
import { FEED_FORMATS } from "../../src/render/formats.ts";
import { renderFeed } from "../../src/render/render-feed.ts";
import { bundleOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { publishedApp, publishInMemory } from "./support/published-app.ts";

// Archive documents are stored once, gzip-coded (docs/static-assets.md#compression): what a
// client receives must still be, byte for byte, what the renderer wrote, whichever coding it asks.

const BASE = "https://news.example";
const site = { ...testSite(BASE), itemsPerFeed: 3 };

/** Words that do not repeat much, so a document is tens of KB even gzip-coded: several chunks either way. */
function prose(seed: number, words: number): string {
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out.push(state.toString(36).slice(0, 3 + (state % 6)));
  }
  return `${out.join(" ")}.`;
}

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
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());
const gunzip = async (bytes: Uint8Array) =>
  new Uint8Array(
    await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer(),
  );
const tagOf = (bytes: Uint8Array) => new AssetStore().etagOf(bytes);
/** Whether two byte strings are equal: a boolean, since a diff of 100 KB of bytes takes minutes to print. */
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

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
    const identityTag = (await request(path)).headers.get("etag") ?? "";
    const gzipTag = (await request(path, { "Accept-Encoding": "gzip" })).headers.get("etag") ?? "";
    expect(identityTag).not.toBe(gzipTag);

    const plain304 = await request(path, { "If-None-Match": identityTag });
    expect(plain304.status).toBe(304);
    expect(plain304.headers.get("etag")).toBe(identityTag);
    expect(plain304.headers.get("vary")).toBe("Accept-Encoding");
    const gzip304 = await request(path, { "Accept-Encoding": "gzip", "If-None-Match": gzipTag });
    expect(gzip304.status).toBe(304);
    expect(gzip304.headers.get("etag")).toBe(gzipTag);
    expect((await bytesOf(gzip304)).length).toBe(0);

    // A tag names bytes: the other representation's is not a match, and the client gets its own.
    const crossedPlain = await request(path, { "If-None-Match": gzipTag });
    expect(crossedPlain.status).toBe(200);
    expect(same(await bytesOf(crossedPlain), rendered(format))).toBe(true);
    const crossedGzip = await request(path, { "Accept-Encoding": "gzip", "If-None-Match": identityTag });
    expect(crossedGzip.status).toBe(200);
    expect(crossedGzip.headers.get("content-encoding")).toBe("gzip");
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
