// A page on another origin reads the feed with fetch(), as a feed widget or web reader would:
// the browser enforces CORS, so only what it lets the script see counts, read in the page.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, openContext } from "./chromium.ts";

const baseUrl = inject("baseUrl");
let browser: Browser;
/** Another port of 127.0.0.1: another origin than the Worker's. */
let reader: Server;
let readerOrigin = "";

beforeAll(async () => {
  browser = await launchChromium();
  reader = createServer((_, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end("<!doctype html><title>A feed reader elsewhere</title>");
  });
  await new Promise<void>((resolve) => reader.listen(0, "127.0.0.1", resolve));
  readerOrigin = `http://127.0.0.1:${(reader.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => reader?.close(resolve));
});

describe("a script on another origin", () => {
  it("reads /feed.json, then asks again with its ETag and gets 304", async () => {
    const context = await openContext(browser, 800, "light");
    try {
      const page = await context.newPage();
      await page.goto(`${readerOrigin}/`);
      const seen = await page.evaluate(async (site) => {
        const first = await fetch(`${site}/feed.json`);
        const feed = (await first.json()) as { items: { id: string }[] };
        const etag = first.headers.get("ETag");
        // If-None-Match is not a CORS-safelisted header: this one is preflighted.
        const again = await fetch(`${site}/feed.json`, { headers: { "If-None-Match": etag ?? "" } });
        const head = await fetch(`${site}/feed.json`, { method: "HEAD" });
        return {
          pageOrigin: location.origin,
          status: first.status,
          type: first.type,
          items: feed.items.length,
          etag,
          lastModified: first.headers.get("Last-Modified"),
          contentLength: first.headers.get("Content-Length"),
          againStatus: again.status,
          againEtag: again.headers.get("ETag"),
          headStatus: head.status,
          headContentLength: head.headers.get("Content-Length"),
        };
      }, baseUrl);
      expect(seen.pageOrigin).toBe(readerOrigin);
      expect(seen.pageOrigin).not.toBe(new URL(baseUrl).origin);
      expect(seen.status).toBe(200);
      expect(seen.type).toBe("cors");
      expect(seen.items).toBeGreaterThan(0);
      expect(seen.etag).toMatch(/^"[^"]+"$/);
      expect(seen.lastModified).toMatch(/ GMT$/);
      expect(seen.againStatus).toBe(304);
      expect(seen.againEtag).toBe(seen.etag);
      // The same size before the body is read: a HEAD says what the GET sends.
      expect(seen.headStatus).toBe(200);
      expect(seen.contentLength).toMatch(/^[1-9][0-9]*$/);
      expect(seen.headContentLength).toBe(seen.contentLength);
    } finally {
      await context.close();
    }
  });
});
