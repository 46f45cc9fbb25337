// What the build publishes into static assets, and how the Worker reads it: the properties the
// move to assets must keep (docs/static-assets.md).
import { describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/app.ts";
import type { ArticleBundle } from "../../src/model/article.ts";
import { articleShardPath } from "../../src/model/shard-file.ts";
import { EARLIEST } from "../../src/model/site-manifest.ts";
import { publishSite } from "../../src/publish/publish-site.ts";
import { bundleOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { memoryAssets, publishInMemory } from "./support/published-app.ts";

const BASE = "https://news.example";
const SITE = testSite(BASE);
const LATER = Date.UTC(2030, 0, 1);

/** Article n, published on day n of 2025, with an id spread over the shards like real ones. */
function dailySources(count: number) {
  return Array.from({ length: count }, (_, n) => {
    const date = new Date(Date.UTC(2025, 0, 1 + n, 9)).toISOString().slice(0, 19).replace("T", " ");
    return { ...plainArticle(n, date, `Report number ${n}`), id: spreadId(n) };
  });
}

function spreadId(n: number): string {
  return ((BigInt(n + 1) * 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn).toString(16).padStart(16, "0");
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** The app over `bundle`, with every asset read counted. */
async function countingApp(bundle: ArticleBundle, now: number) {
  const { manifest, files } = await publishInMemory(bundle, SITE);
  const assets = memoryAssets(files);
  const reads: string[] = [];
  const app = createApp({
    manifest,
    assets: {
      fetch: (url) => {
        reads.push(new URL(url).pathname);
        return assets.fetch(url);
      },
    },
    now: () => now,
  });
  return { app, reads };
}

describe("serving from the published assets", () => {
  const bundle = bundleOf(dailySources(45));

  it("answers a 304 and a HEAD from the build's validators without reading an asset", async () => {
    const { app, reads } = await countingApp(bundle, LATER);
    const article = `/articles/${spreadId(3)}/report-number-3`;
    for (const path of ["/", "/rss.xml", "/atom.xml", "/page/1", "/page/3", article, "/favicon.ico"]) {
      const first = await app.request(`${BASE}${path}`, { headers: { "Accept-Encoding": "gzip" } });
      expect(first.status, path).toBe(200);
      await first.arrayBuffer();
      const etag = first.headers.get("etag") ?? "";
      reads.length = 0;
      const again = await app.request(`${BASE}${path}`, {
        headers: { "If-None-Match": etag, "Accept-Encoding": "gzip" },
      });
      expect(again.status, path).toBe(304);
      const head = await app.request(`${BASE}${path}`, { method: "HEAD" });
      expect(head.status, path).toBe(200);
      expect(head.headers.get("etag"), path).toBeTruthy();
      expect(reads, path).toEqual([]);
    }
  });

  it("reads one shard for an article's page, and serves exactly that article out of it", async () => {
    const { app, reads } = await countingApp(bundle, LATER);
    const page = await app.request(`${BASE}/articles/${spreadId(7)}/report-number-7`);
    const html = await page.text();
    expect(reads).toEqual([articleShardPath(spreadId(7))]);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1 dir="auto">Report number 7</h1>');
    expect(html).toContain("First paragraph of article 7.");
    // Its neighbours are linked by title, but none of their text is in it.
    expect(html).not.toContain("First paragraph of article 6.");
    expect(html).not.toContain("First paragraph of article 8.");
    expect(html.trimEnd()).toMatch(/<\/html>$/);
    // Served again, the page comes from the bodies the isolate keeps.
    expect(await (await app.request(`${BASE}/articles/${spreadId(7)}/report-number-7`)).text()).toBe(html);
    expect(await (await app.request(`${BASE}/articles/${spreadId(8)}/report-number-8`)).text()).toContain(
      "Report number 8",
    );
    expect(reads).toEqual([articleShardPath(spreadId(7)), articleShardPath(spreadId(8))]);
  });

  it("answers a 500, not a wrong page, when an asset the manifest names is missing, and recovers", async () => {
    const { manifest, files } = await publishInMemory(bundle, SITE);
    const shard = articleShardPath(spreadId(7));
    let broken = true;
    const assets = memoryAssets(files);
    const app = createApp({
      manifest,
      assets: { fetch: (url) => (broken ? Promise.reject(new Error("network")) : assets.fetch(url)) },
      now: () => LATER,
    });
    const path = `${BASE}/articles/${spreadId(7)}/report-number-7`;
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await app.request(path)).status).toBe(500);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("GET /articles/"));
    log.mockRestore();
    broken = false;
    expect((await app.request(path)).status).toBe(200);
    expect(files.has(shard)).toBe(true);
  });
});

describe("publishing", () => {
  it("adds one article by rewriting its shard, its older neighbour's, the files that change with publication, and nothing else", async () => {
    const before = await publishSite({ site: SITE, bundle: bundleOf(dailySources(45)), icons: new Map(), from: LATER });
    const after = await publishSite({ site: SITE, bundle: bundleOf(dailySources(46)), icons: new Map(), from: LATER });
    const changed = [...after.files].filter(([path, bytes]) => text(before.files.get(path)) !== text(bytes));
    const changedPaths = changed.map(([path]) => path);
    // The new article's page, and article 44's, which gains its "newer" link.
    expect(changedPaths.filter((path) => path.startsWith("/a/")).toSorted()).toEqual(
      [articleShardPath(spreadId(45)), articleShardPath(spreadId(44))].toSorted(),
    );
    // Pages 1 and 2 were full and followed by page 3 before; only page 3, the last, changes.
    expect(changedPaths.filter((path) => path.startsWith("/p/"))).toEqual([]);
    expect(changedPaths.filter((path) => path.startsWith("/l/"))).toHaveLength(1);
    // The rest are the per-state files: 3 feeds, 2 of them gzipped too, 3 previews, /, the
    // last list page, the sitemap index and its two parts.
    expect(changedPaths.filter((path) => path.startsWith("/s/"))).toHaveLength(3 + 2 + 3 + 1 + 1 + 3);
  });

  it("rewrites an edited article's shard and its neighbours' (they link its title); a correction time alone only its own", async () => {
    const bundle = bundleOf(dailySources(45));
    const publish = (changed: ArticleBundle) =>
      publishSite({ site: SITE, bundle: changed, icons: new Map(), from: LATER });
    const shardsChanged = async (changed: ArticleBundle) => {
      const [before, after] = [await publish(bundle), await publish(changed)];
      const paths = [...after.articleShardKeys].filter(([path, key]) => before.articleShardKeys.get(path) !== key);
      return paths.map(([path]) => path).toSorted();
    };
    const edited = { ...bundle, articleRevisedAt: { [spreadId(7)]: Date.UTC(2025, 5, 1) } };
    expect(await shardsChanged(edited)).toEqual([6, 7, 8].map((n) => articleShardPath(spreadId(n))).toSorted());
    const correction = { epochMs: Date.UTC(2025, 5, 1), offsetMinutes: 0 };
    const corrected = bundle.articles.map((a) => (a.id === spreadId(7) ? { ...a, updated: correction } : a));
    expect(await shardsChanged({ ...bundle, articles: corrected })).toEqual([articleShardPath(spreadId(7))]);
  });

  it("renders one state per publication instant from `from` on, the first holding what is out by then", async () => {
    const sources = dailySources(5);
    const from = Date.UTC(2025, 0, 3, 12); // articles 0–2 are out; 3 and 4 come later
    const { manifest, files } = await publishSite({ site: SITE, bundle: bundleOf(sources), icons: new Map(), from });
    expect(manifest.states.map((state) => state.from)).toEqual([
      EARLIEST,
      Date.UTC(2025, 0, 4, 9),
      Date.UTC(2025, 0, 5, 9),
    ]);
    // What the first state serves names no article that is still to come.
    const first = manifest.states[0];
    const served = [...Object.values(first?.routes ?? {}), ...Object.values(first?.previews ?? {})];
    expect(served.length).toBeGreaterThan(8);
    for (const index of served) {
      const body = text(files.get(manifest.files[index]?.path ?? ""));
      expect(body).not.toContain("Report number 3");
      expect(body).not.toContain(spreadId(3));
    }
    const home = text(files.get(manifest.files[first?.routes["/"] ?? -1]?.path ?? ""));
    expect(home).toContain("Report number 2");
  });
});
