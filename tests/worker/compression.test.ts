import { describe, expect, it } from "vitest";
import { bundleOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { publishedApp } from "./support/published-app.ts";

const BASE = "https://news.example";
const BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

const app = publishedApp({
  bundle: bundleOf([plainArticle(1, "2025-01-01 10:00:00", "Old news"), plainArticle(2, "2025-01-02 10:00:00")]),
  site: testSite(BASE),
  now: () => Date.UTC(2025, 4, 1),
});
const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  app.request(`${BASE}${path}`, { headers, method });
/** A request as Cloudflare's edge (or Miniflare) hands it to the Worker: the header replaced, the client's own in cf. */
const viaEdge = (path: string, clientAcceptEncoding: string) =>
  app.fetch(
    new Request(`${BASE}${path}`, { headers: { "Accept-Encoding": "br, gzip" }, cf: { clientAcceptEncoding } }),
  );

/** The bytes as sent: nothing here decodes a body unless a test decodes it on purpose. */
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());
const GZIP_MAGIC = [0x1f, 0x8b];
const gunzip = async (bytes: Uint8Array) =>
  new Uint8Array(
    await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer(),
  );

const COMPRESSED_FEEDS = [
  ["/atom.xml", "application/atom+xml; charset=utf-8", "<?xml"],
  ["/feed.json", "application/feed+json; charset=utf-8", "{"],
] as const;

describe.each(COMPRESSED_FEEDS)("%s, which Cloudflare's edge would not compress", (path, type, start) => {
  it("goes gzip-coded to a client that accepts gzip, with its own strong ETag", async () => {
    const plain = await get(path);
    const plainBody = await bytesOf(plain);
    const gzipped = await get(path, { "Accept-Encoding": "gzip, deflate, br" });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(gzipped.headers.get("content-type")).toBe(type);
    expect(gzipped.headers.get("vary")).toBe("Accept, Accept-Encoding");
    const body = await bytesOf(gzipped);
    expect([...body.subarray(0, 2)]).toEqual(GZIP_MAGIC);
    expect(body.length).toBeLessThan(plainBody.length);
    expect(await gunzip(body)).toEqual(plainBody);
    const tag = gzipped.headers.get("etag") ?? "";
    expect(tag).toMatch(/^"[\w-]+"$/);
    expect(tag).not.toBe(plain.headers.get("etag"));
    expect(gzipped.headers.get("last-modified")).toBe(plain.headers.get("last-modified"));
  });

  it("goes as it is, saying it varies on Accept-Encoding, to a client that sends none", async () => {
    const response = await get(path);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("vary")).toBe("Accept, Accept-Encoding");
    expect(new TextDecoder().decode(await bytesOf(response)).startsWith(start)).toBe(true);
  });

  it.each([
    ["gzip", true],
    ["GZIP", true],
    ["x-gzip", true],
    ["*", true],
    ["br;q=1, gzip;q=0.5", true],
    ["deflate, gzip;q=0.2, identity;q=0.1", true],
    ["", false],
    ["br", false],
    ["identity", false],
    ["gzip;q=0", false],
    ["*, gzip;q=0", false],
    ["gzip;q=0.5, identity", false],
    ["gzip;q=2", false],
    ["gzip;q=high", false],
    [" , ;;, =", false],
  ])("Accept-Encoding %j gets gzip: %s", async (acceptEncoding, gzip) => {
    const response = await get(path, { "Accept-Encoding": acceptEncoding });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe(gzip ? "gzip" : null);
  });

  it("follows the client's own Accept-Encoding from cf, not the header the edge wrote", async () => {
    const none = await viaEdge(path, "");
    expect(none.headers.get("content-encoding")).toBeNull();
    expect(new TextDecoder().decode(await bytesOf(none)).startsWith(start)).toBe(true);
    const identity = await viaEdge(path, "identity");
    expect(identity.headers.get("content-encoding")).toBeNull();
    const gzip = await viaEdge(path, "gzip, deflate");
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect([...(await bytesOf(gzip)).subarray(0, 2)]).toEqual(GZIP_MAGIC);
  });

  it("answers If-None-Match per representation, in strong and weak form", async () => {
    const accept = { "Accept-Encoding": "gzip" };
    const gzipTag = (await get(path, accept)).headers.get("etag") ?? "";
    const plainTag = (await get(path)).headers.get("etag") ?? "";
    for (const header of [gzipTag, `W/${gzipTag}`, `"other", W/${gzipTag}`]) {
      const response = await get(path, { ...accept, "If-None-Match": header });
      expect(response.status, header).toBe(304);
      expect(await response.text()).toBe("");
      expect(response.headers.get("etag")).toBe(gzipTag);
      expect(response.headers.get("vary")).toBe("Accept, Accept-Encoding");
      expect(response.headers.get("content-encoding")).toBeNull();
    }
    // The other representation's tag validates nothing: each client gets the bytes it can read.
    const crossed = await get(path, { ...accept, "If-None-Match": plainTag });
    expect(crossed.status).toBe(200);
    expect(crossed.headers.get("content-encoding")).toBe("gzip");
    const crossedBack = await get(path, { "If-None-Match": gzipTag });
    expect(crossedBack.status).toBe(200);
    expect(crossedBack.headers.get("content-encoding")).toBeNull();
    expect((await get(path, { "If-None-Match": `W/${plainTag}` })).status).toBe(304);
  });

  it("answers HEAD with the headers of the gzip GET and no body", async () => {
    const accept = { "Accept-Encoding": "gzip" };
    const full = await get(path, accept);
    const head = await get(path, accept, "HEAD");
    expect(head.status).toBe(200);
    expect((await bytesOf(head)).length).toBe(0);
    for (const name of ["etag", "content-encoding", "content-type", "vary", "last-modified"]) {
      expect(head.headers.get(name), name).toBe(full.headers.get(name));
    }
  });

  it("sends the same bytes and tag to every gzip client", async () => {
    const first = await get(path, { "Accept-Encoding": "gzip" });
    const second = await get(path, { "Accept-Encoding": "gzip, br" });
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await bytesOf(second)).toEqual(await bytesOf(first));
  });

  it("gives a browser its HTML preview as it is: the edge compresses HTML", async () => {
    const response = await get(path, { Accept: BROWSER, "Accept-Encoding": "gzip, deflate, br" });
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("vary")).toBe("Accept");
    expect(new TextDecoder().decode(await bytesOf(response)).startsWith("<!DOCTYPE html>")).toBe(true);
  });
});

// Pages in shards are stored gzip-coded and sent so (article-pages-gzip.test.ts, list-pages-gzip.test.ts).
describe("responses Cloudflare's edge compresses itself", () => {
  it.each([
    ["/rss.xml", "<?xml", "Accept"],
    ["/", "<!DOCTYPE html>", null],
    ["/sitemap.xml", "<?xml", null],
    ["/robots.txt", "# Everything", null],
  ])("%s goes as it is even to a gzip client, with an unchanged Vary", async (path, start, vary) => {
    const response = await get(path, { "Accept-Encoding": "gzip, deflate, br" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("vary")).toBe(vary);
    expect(new TextDecoder().decode(await bytesOf(response)).startsWith(start)).toBe(true);
  });
});
