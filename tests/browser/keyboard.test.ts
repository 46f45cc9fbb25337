import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, openContext, SCREENSHOTS, type Scheme } from "./chromium.ts";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** WCAG 2.2 contrast ratio of two computed "rgb(…)" colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r = 0, g = 0, bl = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The focused element's outline and whether it is on screen. */
function focusOf(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return undefined;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      text: element.textContent?.trim() ?? "",
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      background: getComputedStyle(document.body).backgroundColor,
      onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.left < innerWidth,
    };
  });
}

describe.each([
  { width: 375, scheme: "light" as Scheme },
  { width: 1280, scheme: "dark" as Scheme },
])("the keyboard at $width px in $scheme mode", ({ width, scheme }) => {
  it("shows a clear focus ring on every link in turn, starting with a skip link", async () => {
    const context = await openContext(browser, width, scheme);
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      const linkCount = await page.locator("a[href]").count();
      const firstArticle = (await page.locator("main ol.entries a").first().textContent())?.trim();
      for (let stop = 0; stop < linkCount; stop++) {
        await page.keyboard.press("Tab");
        const focus = await focusOf(page);
        expect(focus, `tab stop ${stop}`).toBeDefined();
        if (!focus) continue;
        if (stop === 0) {
          expect(focus.text).toBe("Skip to content");
          await page.screenshot({ path: join(SCREENSHOTS, `focus-skip-link-${width}-${scheme}.png`) });
        }
        if (focus.text === firstArticle)
          await page.screenshot({ path: join(SCREENSHOTS, `focus-first-article-${width}-${scheme}.png`) });
        expect(focus.onScreen, `${focus.text} is on screen`).toBe(true);
        expect(focus.outlineStyle, focus.text).toBe("solid");
        expect(focus.outlineWidth, focus.text).toBeGreaterThanOrEqual(2);
        // WCAG 2.2 §1.4.11: a focus indicator needs 3:1 against what surrounds it.
        expect(contrast(focus.outlineColor, focus.background), focus.text).toBeGreaterThanOrEqual(3);
      }
    } finally {
      await context.close();
    }
  });

  it("skips to the content with the first key presses", async () => {
    const context = await openContext(browser, width, scheme);
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      expect(new URL(page.url()).hash).toBe("#content");
      await page.keyboard.press("Tab");
      const focus = await focusOf(page);
      // The content's first link: the Subscribe button under the site's title, before the articles.
      const firstInContent = await page.locator("main a").first().textContent();
      expect(firstInContent?.trim()).toBe("Subscribe");
      expect(focus?.text).toBe(firstInContent?.trim());
    } finally {
      await context.close();
    }
  });
});
