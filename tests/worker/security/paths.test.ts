import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { fetchWorker } from "./fetch-worker.ts";

/** A marker that, if it came back as markup, would be an element nobody's template has. */
const MARKER = "<x-echo-7f3a onload=alert(1)>";

/** Paths that try to leave the routes: traversal in every spelling, encoded separators, NUL, doubles. */
const ESCAPES = [
  "/articles/..%2f..%2fwrangler.toml",
  "/articles/..%2F..%2Fpackage.json",
  "/articles/%2e%2e%2f%2e%2e%2fsrc%2findex.ts",
  "/articles/....//....//etc/passwd",
  "/articles/..%5c..%5cwrangler.toml",
  "/articles/%252e%252e%252fwrangler.toml",
  "/articles/%c0%ae%c0%ae%2fwrangler.toml",
  "/articles/%00",
  "/articles/x%00.html",
  "/articles/%ff%fe",
  "/articles/%",
  "/articles/%zz",
  "/src/index.ts",
  "/src/generated/articles.ts",
  "/wrangler.toml",
  "/.dev.vars",
  "/node_modules/hono/package.json",
  "/rss.xml/..%2fwrangler.toml",
  "/rss.xml%00",
  "/feed.json;.html",
  "/atom.xml/",
  "/articles/",
  "/articles",
  `/articles/${encodeURIComponent(MARKER)}`,
  `/${encodeURIComponent(MARKER)}`,
  `/nothing?q=${encodeURIComponent(MARKER)}`,
];

/** Addresses that would make a naive "add a slash" or "go back" redirect leave the site. */
const REDIRECT_BAIT = [
  "//evil.example/",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "/\\evil.example",
  "/articles//evil.example",
];

describe("paths", () => {
  it.each(ESCAPES)("%s stays inside the routes: 404, no file, no echo", async (path) => {
    const response = await fetchWorker(path);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain("compatibility_date");
    expect(body).not.toContain('"devDependencies"');
    expect(body).not.toContain("export default");
    expect(body.toLowerCase()).not.toContain("<x-echo");
  });

  it.each(REDIRECT_BAIT)("%s never redirects anywhere", async (path) => {
    const response = await exports.default.fetch(new Request(`http://127.0.0.1:8787${path}`, { redirect: "manual" }));
    expect(response.status).toBe(404);
    expect(response.headers.get("Location")).toBeNull();
    expect(await response.text()).not.toContain("evil.example");
  });

  it("a hostile Host or URL authority never reaches the links the Worker writes", async () => {
    for (const [url, status] of [
      ["http://evil.example/", 200],
      ["http://evil.example/rss.xml", 200],
      ["http://evil.example/nowhere", 404],
    ] as const) {
      const response = await exports.default.fetch(new Request(url, { headers: { Host: "evil.example" } }));
      expect(response.status, url).toBe(status);
      expect(await response.text()).not.toContain("evil.example");
    }
  });

  it("405 and 404 answers echo nothing of the request", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const response = await fetchWorker(`/rss.xml?${encodeURIComponent(MARKER)}`, {
        method,
        body: method === "OPTIONS" ? null : MARKER,
      });
      expect(response.status, method).toBe(405);
      expect((await response.text()).toLowerCase()).not.toContain("<x-echo");
    }
  });
});
