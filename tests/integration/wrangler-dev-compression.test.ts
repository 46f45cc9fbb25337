import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../scripts/process-group.ts";
import { makeProjectCopy, removeTempDirs } from "../support/project-copy.ts";
import { startTestWranglerDev } from "../support/test-wrangler-dev.ts";

// What a client of `wrangler dev` receives, byte for byte. Between it and the Worker sit
// wrangler's proxy worker and Miniflare's entry worker, which replaces the Worker's
// Accept-Encoding with "br, gzip" and compresses some types on the way out, as Cloudflare's
// edge does: only a real `wrangler dev` shows what a plain client gets.

const START_TIMEOUT_MS = 90_000;

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The body exactly as it came off the socket: node:http never decompresses. */
  readonly body: Buffer;
}

function rawGet(port: number, path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<RawResponse>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${path}: no answer within 5 s`)));
    req.on("error", reject);
    req.end();
  });
}

const GZIP = { "Accept-Encoding": "gzip" };
const isGzip = (body: Buffer) => body[0] === 0x1f && body[1] === 0x8b;

describe("wrangler dev, to a raw HTTP client", () => {
  let dev: RunningServer | undefined;
  let port = 0;

  beforeAll(async () => {
    dev = await startTestWranglerDev(makeProjectCopy("dev-gzip", 3), { timeoutMs: START_TIMEOUT_MS });
    port = Number(new URL(dev.origin).port);
  }, START_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    await dev?.stop();
    removeTempDirs();
  });

  it.each([
    ["/atom.xml", "<?xml", "application/atom+xml; charset=utf-8"],
    ["/feed.json", "{", "application/feed+json; charset=utf-8"],
  ])("sends %s gzip-coded only to a client that accepts gzip", async (path, start, type) => {
    const plain = await rawGet(port, path);
    expect(plain.status).toBe(200);
    expect(plain.headers["content-type"]).toBe(type);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8").startsWith(start)).toBe(true);

    const gzipped = await rawGet(port, path, GZIP);
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers["content-type"]).toBe(type);
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers.vary).toBe("Accept, Accept-Encoding");
    expect(isGzip(gzipped.body)).toBe(true);
    expect(gunzipSync(gzipped.body)).toEqual(plain.body);
    expect(gzipped.headers.etag).not.toBe(plain.headers.etag);

    for (const acceptEncoding of ["identity", "br"]) {
      const refused = await rawGet(port, path, { "Accept-Encoding": acceptEncoding });
      expect(refused.headers["content-encoding"], acceptEncoding).toBeUndefined();
      expect(refused.body).toEqual(plain.body);
    }

    const notModified = await rawGet(port, path, { ...GZIP, "If-None-Match": String(gzipped.headers.etag) });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe(gzipped.headers.etag);

    const head = await rawGet(port, path, GZIP, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("gzip");
    expect(head.headers.etag).toBe(gzipped.headers.etag);
    expect(head.body.length).toBe(0);
  });

  it.each([
    ["/rss.xml", "<?xml"],
    ["/", "<!DOCTYPE html>"],
  ])("leaves %s plain without Accept-Encoding, gzip-coded by Miniflare with it", async (path, start) => {
    const plain = await rawGet(port, path);
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8").startsWith(start)).toBe(true);
    // Here Miniflare compresses, as Cloudflare's edge does for these types.
    const gzipped = await rawGet(port, path, GZIP);
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.body)).toEqual(plain.body);
  });
});
