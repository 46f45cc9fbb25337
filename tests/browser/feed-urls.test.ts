import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, openContext, SCREENSHOTS } from "./chromium.ts";

const baseUrl = inject("baseUrl");
const READER = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8";
const FEEDS = [
  { path: "/rss.xml", mediaType: "application/rss+xml" },
  { path: "/atom.xml", mediaType: "application/atom+xml" },
  { path: "/feed.json", mediaType: "application/feed+json" },
];
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("a feed URL", () => {
  for (const { path, mediaType } of FEEDS) {
    it(`${path} opens in the browser as a page that gives the address to copy, while readers get the feed`, async () => {
      const context = await openContext(browser, 375, "light");
      try {
        const page = await context.newPage();
        const response = await page.goto(`${baseUrl}${path}`);
        expect(response?.headers()["content-type"]).toBe("text/html; charset=utf-8");
        expect(response?.headers().vary).toBe("Accept");
        // One click on the address selects all of it, ready to copy, with no script.
        await page.locator("code.feed-url").click();
        expect(await page.evaluate(() => getSelection()?.toString())).toBe(`${baseUrl}${path}`);
        await page.screenshot({
          path: join(SCREENSHOTS, `feed-url-selected-${path.slice(1).replace(".", "-")}-375-light.png`),
        });
        // The item links lead to article pages.
        const firstItem = page.locator("ol.entries a").first();
        await firstItem.click();
        expect(new URL(page.url()).pathname).toMatch(/^\/articles\//);

        for (const accept of [READER, "*/*", undefined]) {
          const feed = await context.request.get(`${baseUrl}${path}`, { headers: accept ? { Accept: accept } : {} });
          expect(feed.headers()["content-type"], String(accept)).toBe(`${mediaType}; charset=utf-8`);
        }
      } finally {
        await context.close();
      }
    });
  }
});
