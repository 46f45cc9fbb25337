import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";

/** Debian's Chromium, installed by .ci/run (apt-get install chromium). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = join(import.meta.dirname, "../../test-artifacts/screenshots");

/**
 * Headless and quiet: no sandbox (containers lack the namespaces it needs), no GPU, and no
 * background networking, so the only requests Chromium makes are the ones a page asks for.
 * playwright gives every launch a fresh, temporary profile (--user-data-dir).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export type Scheme = "light" | "dark";

export function openContext(browser: Browser, width: number, scheme: Scheme, options: BrowserContextOptions = {}) {
  return browser.newContext({
    viewport: { width, height: 800 },
    colorScheme: scheme,
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
    ...options,
  });
}

/** What went wrong on a page while a test looked at it. */
export interface PageTrouble {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
  /** Requests to anywhere but the Worker under test. */
  readonly foreignRequests: string[];
  readonly dialogs: string[];
}

/** Records console errors, uncaught errors, failed and foreign requests, and dialogs of a page. */
export function watch(page: Page, baseUrl: string): PageTrouble {
  const trouble: PageTrouble = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    foreignRequests: [],
    dialogs: [],
  };
  const origin = new URL(baseUrl).origin;
  page.on("console", (message) => {
    if (message.type() === "error") trouble.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => trouble.pageErrors.push(error.message));
  page.on("requestfailed", (request) =>
    trouble.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`),
  );
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith("data:") && new URL(url).origin !== origin) trouble.foreignRequests.push(url);
  });
  page.on("dialog", (dialog) => {
    trouble.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return trouble;
}

const AXE_SOURCE = readFileSync(join(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * axe-core's verdict on the page as shown. The pages' CSP forbids script, so this needs a
 * context made with `bypassCSP: true`; the script checks run in contexts without it.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  });
}

interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

export async function closeAll(contexts: readonly BrowserContext[]): Promise<void> {
  await Promise.all(contexts.map((context) => context.close()));
}
