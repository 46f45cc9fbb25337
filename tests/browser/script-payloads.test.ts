import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, openContext, watch } from "./chromium.ts";
import { discoverPages, type SitePage } from "./site-pages.ts";

const baseUrl = inject("baseUrl");
let browser: Browser;
let site: Awaited<ReturnType<typeof discoverPages>>;

beforeAll(async () => {
  browser = await launchChromium();
  site = await discoverPages(baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

/** Where the payload article shows up: its page, the home page, and every feed's preview. */
function pagesWithPayload(): SitePage[] {
  const names = ["article-script", "index", "feed-rss", "feed-atom", "feed-json"];
  return site.pages.filter((page) => names.includes(page.name));
}

/**
 * Loads a page, lets any payload fire (autofocus, onload, ontoggle all run before the page has
 * painted twice after load and a Tab), and reports what ran.
 */
async function visit(page: Page, path: string) {
  const trouble = watch(page, baseUrl);
  await page.goto(`${baseUrl}${path}`, { waitUntil: "load" });
  await page.keyboard.press("Tab");
  await afterTwoFrames(page);
  const dom = await page.evaluate(() => ({
    scripts: [...document.scripts].map((script) => script.type),
    injected: document.querySelectorAll("main img, main svg, main iframe, main details, main input, main style, main b")
      .length,
    eventAttributes: [...document.querySelectorAll("*")].flatMap((element) =>
      element.getAttributeNames().filter((name) => name.startsWith("on")),
    ),
    text: document.querySelector("main")?.textContent ?? "",
    bodyVisible: getComputedStyle(document.body).display !== "none",
  }));
  return { trouble, dom };
}

for (const bypassCSP of [false, true]) {
  const how = bypassCSP ? "with the CSP switched off (escaping alone)" : "under the page's CSP";
  describe(`an article whose title and body hold <script> and onerror= payloads, ${how}`, () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await openContext(browser, 1280, "light", { bypassCSP });
    });
    afterAll(async () => {
      await context?.close();
    });

    it("runs no script anywhere it appears and shows the payload as text", async () => {
      for (const { path } of pagesWithPayload()) {
        const page = await context.newPage();
        const { trouble, dom } = await visit(page, path);
        expect(trouble.dialogs, path).toEqual([]);
        expect(trouble.pageErrors, path).toEqual([]);
        expect(dom.scripts, path).toEqual(["application/ld+json"]);
        expect(dom.injected, path).toBe(0);
        expect(dom.eventAttributes, path).toEqual([]);
        expect(dom.bodyVisible, path).toBe(true);
        expect(dom.text, path).toContain(site.titles.script);
        await page.close();
      }
    });

    it("shows the body's markup as the characters written", async () => {
      const page = await context.newPage();
      const { dom } = await visit(page, site.pages.find((p) => p.name === "article-script")?.path ?? "");
      expect(dom.text).toContain(`<img src=x onerror="alert('body-img')">`);
      expect(dom.text).toContain(`</script><script>alert("body-script")</script> ]]>`);
      expect(dom.text).toContain(`<input autofocus onfocus=alert("focus")>`);
      expect(await page.locator("h1").textContent()).toBe(site.titles.script);
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "");
      expect(jsonLd.headline).toBe(site.titles.script);
      await page.close();
    });
  });
}

describe("the detectors themselves", () => {
  it("see a dialog when markup does run script (so a silent run above means something)", async () => {
    const context = await openContext(browser, 800, "light", { bypassCSP: true });
    try {
      const page = await context.newPage();
      const trouble = watch(page, baseUrl);
      await page.setContent(`<img src="data:," onerror="alert('ran')">`);
      await expect.poll(() => trouble.dialogs).toEqual(["alert: ran"]);
    } finally {
      await context.close();
    }
  });

  it("see the CSP block a script that does reach a page", async () => {
    const context = await openContext(browser, 800, "light");
    try {
      const page = await context.newPage();
      const trouble = watch(page, baseUrl);
      await page.goto(`${baseUrl}/`);
      await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "alert('inline')";
        document.body.append(script);
      });
      await expect.poll(() => trouble.consoleErrors.join("\n")).toMatch(/Content Security Policy/);
      expect(trouble.dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** Resolves once the page has rendered two more frames: every task queued before has run. */
function afterTwoFrames(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}
