import { describe, expect, it } from "vitest";
import { articlePaths, fetchWorker } from "./fetch-worker.ts";

const FEEDS = ["/rss.xml", "/atom.xml", "/feed.json"];

function expectSecurityHeaders(response: Response, kind: "html" | "data") {
  expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
  const policy = response.headers.get("Content-Security-Policy") ?? "";
  const directives = new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([name, ...values]) => [name, values]),
  );
  // CSP 3 §6: without script-src, default-src 'none' forbids every script.
  expect(directives.get("default-src")).toEqual(["'none'"]);
  expect(directives.has("script-src")).toBe(false);
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  if (kind === "data") expect(directives.has("sandbox")).toBe(true);
}

describe("security headers", () => {
  it("every HTML page, 200 or 304, forbids scripts and framing and sniffing", async () => {
    const paths = ["/", ...(await articlePaths())];
    expect(paths.length).toBeGreaterThan(1);
    for (const path of paths) {
      const page = await fetchWorker(path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get("Content-Type")).toMatch(/^text\/html/);
      expectSecurityHeaders(page, "html");
      const revalidated = await fetchWorker(path, { headers: { "If-None-Match": page.headers.get("ETag") ?? "" } });
      expect(revalidated.status, path).toBe(304);
      expectSecurityHeaders(revalidated, "html");
    }
  });

  it("every feed, 200, 304 and HEAD, is sandboxed data that cannot run or load anything", async () => {
    for (const path of FEEDS) {
      const feed = await fetchWorker(path);
      expect(feed.status, path).toBe(200);
      expectSecurityHeaders(feed, "data");
      const head = await fetchWorker(path, { method: "HEAD" });
      expectSecurityHeaders(head, "data");
      const revalidated = await fetchWorker(path, { headers: { "If-None-Match": feed.headers.get("ETag") ?? "" } });
      expect(revalidated.status, path).toBe(304);
      expectSecurityHeaders(revalidated, "data");
    }
  });

  it("the 404 page and the 405 answer carry them too", async () => {
    const missing = await fetchWorker("/no/such/page");
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing, "html");
    for (const path of ["/", ...FEEDS]) {
      const refused = await fetchWorker(path, { method: "POST", body: "x" });
      expect(refused.status, path).toBe(405);
      expect(refused.headers.get("Allow")).toMatch(/GET/);
      expect(refused.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(refused.headers.get("Content-Security-Policy")).toMatch(/default-src 'none'/);
    }
  });
});
