import { describe, expect, inject, it } from "vitest";
import { openContext, runAxe, type Scheme } from "./chromium.ts";
import { openSiteUnderTest } from "./site-under-test.ts";

const baseUrl = inject("baseUrl");
const site = openSiteUnderTest();

describe.each([
  { width: 375, scheme: "light" as Scheme },
  { width: 375, scheme: "dark" as Scheme },
  { width: 1280, scheme: "light" as Scheme },
  { width: 1280, scheme: "dark" as Scheme },
])("axe-core at $width px in $scheme mode", ({ width, scheme }) => {
  it("finds no violation on any page", async () => {
    // axe is a script and the pages' CSP forbids script: only this context bypasses it.
    const context = await openContext(site.browser, width, scheme, { bypassCSP: true });
    try {
      for (const { path } of site.pages) {
        const page = await context.newPage();
        await page.goto(`${baseUrl}${path}`);
        expect(await runAxe(page), path).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });
});

describe("axe-core itself", () => {
  it("reports a violation on a page that has one (so an empty list above means something)", async () => {
    const context = await openContext(site.browser, 800, "light", { bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      await page.evaluate(() => {
        const link = document.querySelector("main a");
        if (link) link.textContent = "";
      });
      expect((await runAxe(page)).map((violation) => violation.id)).toContain("link-name");
    } finally {
      await context.close();
    }
  });
});
