import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { openContext, SCREENSHOTS, type Scheme } from "./chromium.ts";
import { openSiteUnderTest } from "./site-under-test.ts";

const baseUrl = inject("baseUrl");
/** A phone and a laptop, each at the height of its first screen. */
const SCREENS = [
  { width: 375, height: 800 },
  { width: 1280, height: 900 },
] as const;
const SCHEMES: readonly Scheme[] = ["light", "dark"];
const site = openSiteUnderTest();

const pathOf = (name: string) => site.pages.find((page) => page.name === name)?.path ?? "";

/**
 * Where the page's own subscribe button is, and where it leads: the topic's on a topic page
 * (the last one: the header's is the site's), the site's on the home and an article page.
 */
function subscribeButton(page: Page) {
  return page.evaluate(() => {
    const buttons = [...document.querySelectorAll<HTMLAnchorElement>("a.subscribe-button")];
    const button = buttons.at(-1);
    if (!button) return undefined;
    const box = button.getBoundingClientRect();
    const style = getComputedStyle(button);
    return {
      href: button.href,
      text: button.textContent?.trim() ?? "",
      top: box.top,
      bottom: box.bottom,
      left: box.left,
      right: box.right,
      visible: style.visibility === "visible" && style.display !== "none" && Number(style.opacity) > 0,
      color: style.color,
      background: style.backgroundColor,
    };
  });
}

describe.each(SCREENS.flatMap((screen) => SCHEMES.map((scheme) => ({ ...screen, scheme }))))(
  "at $width×$height in $scheme mode",
  ({ width, height, scheme }) => {
    it("shows a way to subscribe in the first screen of the home page, a topic's page and an article's page", async () => {
      const context = await openContext(site.browser, width, scheme, { viewport: { width, height } });
      try {
        const page = await context.newPage();
        for (const [name, feed] of [
          ["index", "/rss.xml"],
          ["tag", `${pathOf("tag")}/rss.xml`],
          ["author", `${pathOf("author")}/rss.xml`],
          ["article", "/rss.xml"],
        ] as const) {
          await page.goto(`${baseUrl}${pathOf(name)}`);
          const button = await subscribeButton(page);
          expect(button, name).toBeDefined();
          if (!button) continue;
          expect(button.href, name).toBe(`${baseUrl}${feed}`);
          expect(button.text, name).toMatch(/^Subscribe/);
          expect(button.visible, name).toBe(true);
          // Wholly inside the first screen, with no scrolling.
          expect(button.top, name).toBeGreaterThanOrEqual(0);
          expect(button.bottom, `${name}: the button ends ${button.bottom}px down`).toBeLessThanOrEqual(height);
          expect(button.left, name).toBeGreaterThanOrEqual(0);
          expect(button.right, name).toBeLessThanOrEqual(width);
          expect(button.background, name).not.toBe("rgba(0, 0, 0, 0)");
          await page.screenshot({ path: join(SCREENSHOTS, `subscribe-${name}-${width}x${height}-${scheme}.png`) });
        }
      } finally {
        await context.close();
      }
    });
  },
);

describe("subscribing", () => {
  it("leads from a topic's button to its feed's preview page, which gives the address to copy", async () => {
    const context = await openContext(site.browser, 375, "light");
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${pathOf("tag")}`);
      await page.locator("main a.subscribe-button").click();
      await page.waitForURL(`${baseUrl}${pathOf("tag")}/rss.xml`, { waitUntil: "load" });
      expect(await page.locator("code.feed-url").textContent()).toBe(`${baseUrl}${pathOf("tag")}/rss.xml`);
    } finally {
      await context.close();
    }
  });

  it("offers the article's topics' feeds after its text", async () => {
    const context = await openContext(site.browser, 1280, "light");
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${pathOf("article-image")}`);
      const feeds = await page
        .locator("nav.follow a")
        .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
      expect(feeds[0]).toBe("/rss.xml");
      expect(feeds).toContain(`${pathOf("tag")}/rss.xml`);
      expect(feeds).toContain(`${pathOf("author")}/rss.xml`);
    } finally {
      await context.close();
    }
  });

  it("downloads every feed as one OPML file from the footer of any page, to import at once", async () => {
    const context = await openContext(site.browser, 1280, "light", { acceptDownloads: true });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${pathOf("article")}`);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator("footer a", { hasText: "OPML list" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("feeds.opml");
      const opml = readFileSync(await download.path(), "utf8");
      expect(opml).toContain('<opml version="2.0">');
      expect(opml).toContain(`xmlUrl="${baseUrl}${pathOf("tag")}/rss.xml"`);
    } finally {
      await context.close();
    }
  });
});
