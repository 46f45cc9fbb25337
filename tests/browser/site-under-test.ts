import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { launchChromium } from "./chromium.ts";
import { discoverPages, type SitePage } from "./site-pages.ts";

/** Chromium and the served site's pages, for one test file: opened before its tests, closed after. */
export interface SiteUnderTest {
  readonly browser: Browser;
  readonly pages: readonly SitePage[];
}

export function openSiteUnderTest(): SiteUnderTest {
  const site = {} as { browser: Browser; pages: readonly SitePage[] };
  beforeAll(async () => {
    site.browser = await launchChromium();
    site.pages = (await discoverPages(inject("baseUrl"))).pages;
  });
  afterAll(async () => {
    await site.browser?.close();
  });
  return site;
}
