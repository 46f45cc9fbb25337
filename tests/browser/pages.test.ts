import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, openContext, SCREENSHOTS, type Scheme, watch } from "./chromium.ts";
import { discoverPages, type SitePage } from "./site-pages.ts";

const baseUrl = inject("baseUrl");
const WIDTHS = [375, 1280] as const;
const SCHEMES: readonly Scheme[] = ["light", "dark"];

let browser: Browser;
let pages: SitePage[];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  pages = (await discoverPages(baseUrl)).pages;
});
afterAll(async () => {
  await browser?.close();
});

/** Relative luminance (WCAG 2.2) of a computed "rgb(r, g, b)" colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe.each(WIDTHS.flatMap((width) => SCHEMES.map((scheme) => ({ width, scheme }))))(
  "every page at $width px in $scheme mode",
  ({ width, scheme }) => {
    it("renders cleanly: no console errors, nothing from elsewhere, no sideways scrolling, the right colours", async () => {
      const context = await openContext(browser, width, scheme);
      try {
        for (const { name, path, status } of pages) {
          const page = await context.newPage();
          const trouble = watch(page, baseUrl);
          const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "load" });
          expect(response?.status(), path).toBe(status);
          expect(response?.headers()["content-type"], path).toBe("text/html; charset=utf-8");
          await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}-${scheme}.png`), fullPage: true });

          // Chromium reports the 404 document itself as a failed resource; nothing else may fail.
          const expectedErrors = status === 404 ? [expect.stringContaining("404")] : [];
          expect(trouble.consoleErrors, path).toEqual(expectedErrors);
          expect(
            [...trouble.pageErrors, ...trouble.failedRequests, ...trouble.foreignRequests, ...trouble.dialogs],
            path,
          ).toEqual([]);
          const layout = await page.evaluate(() => {
            const body = getComputedStyle(document.body);
            const main = document.querySelector("main");
            return {
              overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
              background: body.backgroundColor,
              color: body.color,
              fontSize: Number.parseFloat(body.fontSize),
              mainWidth: main?.getBoundingClientRect().width ?? 0,
              icon: document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? "",
            };
          });
          expect(layout.overflow, `${path} scrolls sideways by ${layout.overflow}px`).toBeLessThanOrEqual(0);
          if (scheme === "dark") expect(luminance(layout.background), path).toBeLessThan(0.05);
          else expect(luminance(layout.background), path).toBeGreaterThan(0.9);
          expect(Math.abs(luminance(layout.background) - luminance(layout.color)), path).toBeGreaterThan(0.7);
          expect(layout.fontSize, path).toBeGreaterThanOrEqual(16);
          // A readable measure: the text column stays near 65–75 characters however wide the window.
          expect(layout.mainWidth, path).toBeLessThanOrEqual(Math.min(width, 40 * 16));
          // The icon the page names is really there.
          expect((await context.request.get(layout.icon)).headers()["content-type"], path).toBe("image/svg+xml");
          await page.close();
        }
      } finally {
        await context.close();
      }
    });
  },
);

describe("narrow and printed", () => {
  it("fits a 320 px screen without sideways scrolling", async () => {
    const context = await openContext(browser, 320, "light");
    try {
      const page = await context.newPage();
      for (const { path } of pages) {
        await page.goto(`${baseUrl}${path}`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} scrolls sideways by ${overflow}px at 320 px`).toBeLessThanOrEqual(0);
      }
      await page.goto(`${baseUrl}${pages.find((p) => p.name === "article-long-words")?.path}`);
      await page.screenshot({ path: join(SCREENSHOTS, "article-long-words-320-light.png"), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it("prints black on white without navigation, with the page's address", async () => {
    const context = await openContext(browser, 800, "dark");
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${pages.find((p) => p.name === "article")?.path}`);
      await page.emulateMedia({ media: "print", colorScheme: "dark" });
      await page.screenshot({ path: join(SCREENSHOTS, "article-print.png"), fullPage: true });
      const printed = await page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        color: getComputedStyle(document.body).color,
        hidden: [".skip", "footer .feeds", "nav.back", "header .subscribe-button", "nav.follow"].map(
          (selector) => getComputedStyle(document.querySelector(selector) as Element).display,
        ),
        // Printed in dark mode too: every colour must come from the print palette, not the screen's.
        textColors: [...document.querySelectorAll("header a, h1, time, .abstract, .text p, footer p")].map(
          (element) => getComputedStyle(element).color,
        ),
        address: document.querySelector(".print-only")?.textContent ?? "",
        addressShown: getComputedStyle(document.querySelector(".print-only") as Element).display,
      }));
      expect(printed.background).toBe("rgb(255, 255, 255)");
      expect(printed.color).toBe("rgb(0, 0, 0)");
      expect(printed.textColors.length).toBeGreaterThan(5);
      for (const color of printed.textColors) expect(luminance(color)).toBeLessThan(0.05);
      expect(printed.hidden).toEqual(["none", "none", "none", "none", "none"]);
      expect(printed.address).toBe(page.url());
      expect(printed.addressShown).toBe("block");
    } finally {
      await context.close();
    }
  });
});

describe("reading the list pages", () => {
  it("pages from the newest articles to the oldest by the pager's links and back", async () => {
    const context = await openContext(browser, 1280, "light");
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      const titles = () => page.locator("ol.entries h2 a").allTextContents();
      // The page the link leads to, loaded: a click returns once navigation starts, and on a busy
      // machine the titles read at once could still be the previous page's.
      const arrivedAt = (path: string) =>
        page.waitForURL((url) => url.pathname === path, { waitUntil: "load", timeout: 10_000 });
      const home = await titles();
      const seen = new Set(home);
      // Pages are numbered from the oldest; "Older" leads from / to the newest page with older articles.
      for (const expected of ["/page/2", "/page/1"]) {
        await page.locator('nav.pager a[rel="next"]').click();
        await arrivedAt(expected);
        const shown = await titles();
        expect(
          shown.some((title) => !seen.has(title)),
          expected,
        ).toBe(true);
        for (const title of shown) seen.add(title);
      }
      expect(await page.locator('nav.pager a[rel="next"]').count()).toBe(0);
      expect((await titles()).at(-1)).toBe("Archive report 1");
      for (const expected of ["/page/2", "/page/3"]) {
        await page.locator('nav.pager a[rel="prev"]').click();
        await arrivedAt(expected);
      }
      // The newest page holds only articles the home page shows, and nothing is newer.
      expect((await titles()).every((title) => home.includes(title))).toBe(true);
      expect(await page.locator('nav.pager a[rel="prev"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("isolates right-to-left titles so they do not reorder their line", async () => {
    const context = await openContext(browser, 1280, "light");
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      const rtl = await page.evaluate(() =>
        [...document.querySelectorAll("ol.entries h2 a")]
          .filter((a) => /[\u0590-\u06ff]/.test(a.textContent ?? ""))
          .map((a) => ({ bidi: getComputedStyle(a).unicodeBidi, direction: getComputedStyle(a).direction })),
      );
      expect(rtl).toEqual([{ bidi: "isolate", direction: "rtl" }]);
    } finally {
      await context.close();
    }
  });
});
