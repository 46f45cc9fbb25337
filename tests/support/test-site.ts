import type { Site, SiteConfig } from "../../src/model/site.ts";

/**
 * The site every test renders and serves, so no test depends on what src/site-config.ts
 * holds: a site owner edits that file freely and the tests stay green.
 */
export const TEST_SITE_CONFIG: SiteConfig = {
  title: "Ukraine Briefing",
  description: "Short news reports on Ukraine and the war, with a summary for every article.",
  language: "en",
  author: "Ukraine Briefing Desk",
  timeZone: "UTC",
  itemsPerFeed: 20,
  tagAuthority: "ukraine-briefing.example,2025",
};

/** Where the HTTP tests reach the Worker over the articles/ build (tests/worker/support/test-worker.ts). */
export const TEST_WORKER_ORIGIN = "http://127.0.0.1:8787";

/** The test site served at `origin` ("https://news.example", no trailing slash). */
export function testSite(origin: string): Site {
  return { ...TEST_SITE_CONFIG, baseUrl: origin };
}

/** src/site-config.ts as a test copy of the project holds it: the test site. */
export function testSiteConfigModule(config: SiteConfig = TEST_SITE_CONFIG): string {
  return `import type { SiteConfig } from "./model/site.ts";\n\nexport const siteConfig: SiteConfig = ${JSON.stringify(config, null, 2)};\n`;
}
