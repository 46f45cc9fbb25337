// A served image far larger than the bodies the isolate keeps: passed through from the asset
// server as it streams, never read whole (docs/static-assets.md, "Bodies").
import { describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/app.ts";
import type { Article, ArticleImage } from "../../src/model/article.ts";
import { idOf } from "../support/articles.ts";
import { largePng } from "../support/large-png.ts";
import { testSite } from "../support/test-site.ts";
import { memoryAssets, publishInMemory } from "./support/published-app.ts";

const BASE = "https://news.example";
const site = testSite(BASE);
const PNG = largePng(1024 * 1024 + 7);
const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", PNG));
const HEX = Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
const PATH = `/media/${HEX}/poster.png`;
const IMAGE: ArticleImage = { url: PATH, mediaType: "image/png", length: PNG.length, width: 1, height: 1 };

const ARTICLE: Article = {
  id: idOf(1),
  slug: "article-1",
  legacySlug: "article-1",
  title: "Article 1",
  published: { epochMs: Date.UTC(2025, 0, 1, 9), offsetMinutes: 0 },
  abstract: "Summary 1.",
  paragraphs: ["Text 1."],
  image: IMAGE,
};

const published = await publishInMemory(
  { articles: [ARTICLE], revisedAt: Date.UTC(2024, 0, 1) },
  site,
  undefined,
  new Map([[PATH, PNG]]),
);

/** The app over the published site, with the asset server's answer for the image replaceable. */
function appWith(assetOf: (path: string, fallback: () => Promise<Response>) => Promise<Response>) {
  const assets = memoryAssets(published.files);
  return createApp({
    manifest: published.manifest,
    assets: { fetch: (url) => assetOf(new URL(url).pathname, () => assets.fetch(url)) },
  });
}

const app = appWith((_, fallback) => fallback());

describe("a large media file", () => {
  it("is served whole to a GET, byte for byte, with its length", async () => {
    for (let i = 0; i < 2; i++) {
      const response = await app.request(`${BASE}${PATH}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("image/png");
      expect(response.headers.get("Content-Length")).toBe(String(PNG.length));
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
    }
  });

  it("is served whole to concurrent GETs", async () => {
    const bodies = await Promise.all(
      Array.from({ length: 4 }, async () => new Uint8Array(await (await app.request(`${BASE}${PATH}`)).arrayBuffer())),
    );
    for (const body of bodies) expect(body).toEqual(PNG);
  });

  it("carries the same length to a HEAD, with no body", async () => {
    const response = await app.request(`${BASE}${PATH}`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Length")).toBe(String(PNG.length));
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it("is a 500 with a log line, not a hanging request, when the asset server has lost it", async () => {
    const lost = appWith((path, fallback) =>
      path.startsWith("/s/") && published.files.get(path)?.length === PNG.length
        ? Promise.resolve(new Response(null, { status: 404 }))
        : fallback(),
    );
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await lost.request(`${BASE}${PATH}`);
    expect(response.status).toBe(500);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`GET ${PATH}`));
    log.mockRestore();
  });
});
