// wrangler.toml's `run_worker_first` and the build's layout, kept in step: the router (Cloudflare's
// asset router, cloudflare/workers-sdk router-worker) runs the Worker for a path a rule matches,
// else serves a file at that exact path without it, else runs the Worker.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { publishSite } from "../../../src/publish/publish-site.ts";
import { loadSources, plainArticle } from "../../support/articles.ts";
import { testSite } from "../../support/test-site.ts";

const ORIGIN = "https://news.example";
/** A 3×2-pixel PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEElEQVR4nGM4IScHQQxwFgBBAAYZPEVBlgAAAABJRU5ErkJggg==",
  "base64",
);
const BUILT = Date.UTC(2025, 5, 1);
const assets = (parse(readFileSync("wrangler.toml", "utf8")) as { assets: { run_worker_first: unknown } }).assets;

/** The router's glob: `*` is any run of characters, the rest literal, the whole path matched. */
function matchesRule(path: string): boolean {
  const rules = assets.run_worker_first as string[];
  return rules.some((rule) =>
    new RegExp(
      `^${rule
        .split("*")
        .map((part) => part.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"))
        .join(".*")}$`,
    ).test(path),
  );
}

/** A site with what each kind of path needs: tags, two authors, an image, a scheduled article. */
async function publishTestSite() {
  const sha256 = createHash("sha256").update(PNG).digest("hex");
  const media = new Map([
    ["grid.png", { bytes: PNG, sha256 }],
    ["later.png", { bytes: PNG, sha256 }],
  ]);
  const sources = Array.from({ length: 30 }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const article = plainArticle(i + 1, `2025-${i < 28 ? "04" : "07"}-${day} 10:00:00`);
    const fields = [`Tags: Energy, Region ${i % 3}`, `Author: ${i % 2 ? "Olena" : "Taras"}`];
    // One image shown from the start, one only by an article scheduled after the build.
    const image = i === 2 ? ["Image: media/grid.png"] : i === 29 ? ["Image: media/later.png"] : [];
    return { ...article, fields: [...fields, ...image] };
  });
  const loaded = loadSources(sources, "UTC", media);
  return publishSite({
    site: { ...testSite(ORIGIN), itemsPerFeed: 5 },
    bundle: { articles: loaded.articles, revisedAt: 0 },
    icons: new Map([["favicon.svg", new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>")]]),
    media: loaded.media,
    from: BUILT,
    servedAlone: { maxFiles: 10_000 },
  });
}

describe("the Worker's routes in wrangler.toml", () => {
  it("is a list of at most 100 rules (a list, not true: files served alone cost no invocation)", () => {
    expect(Array.isArray(assets.run_worker_first)).toBe(true);
    expect((assets.run_worker_first as string[]).length).toBeLessThanOrEqual(100);
  });

  it("leaves every file served alone to the asset server, and sends every other file to the Worker", async () => {
    const published = await publishTestSite();
    const alone = new Set(published.servedAlone.map((file) => file.path));
    expect([...alone].some((path) => path.startsWith("/media/"))).toBe(true);
    expect([...alone].some((path) => path.startsWith("/articles/"))).toBe(true);
    for (const path of published.files.keys()) {
      // A shard or a content-named file is read by the Worker only; served as it is, a shard would show scheduled pages.
      expect(matchesRule(path), path).toBe(!alone.has(path));
    }
  });

  it("sends every path whose answer is decided per request to the Worker", async () => {
    const published = await publishTestSite();
    const { states } = published.manifest;
    expect(states.length).toBeGreaterThan(1);
    const decided = new Set<string>(["/page/1", "/page/1/rss.xml", "/tags/energy/page/1", "/articles/x"]);
    for (const state of states) {
      for (const path of [...Object.keys(state.routes), ...Object.keys(state.previews)]) decided.add(path);
    }
    // A scheduled article's image is a route of later states: no file at its path, so it reaches the Worker.
    for (const path of decided) expect(matchesRule(path) || !published.files.has(path), path).toBe(true);
    // Every other path a state routes is named by a rule, the list of every feed and its OPML too.
    const routed = states.flatMap((state) => [...Object.keys(state.routes), ...Object.keys(state.previews)]);
    expect(routed).toEqual(expect.arrayContaining(["/feeds", "/feeds.opml"]));
    for (const path of routed) if (!path.startsWith("/media/")) expect(matchesRule(path), path).toBe(true);
    const scheduledImage = [...decided].filter((path) => path.startsWith("/media/"));
    expect(scheduledImage).toHaveLength(1);
    expect(scheduledImage[0]).toMatch(/\/later\.png$/);
    expect(published.files.has(scheduledImage[0] ?? "")).toBe(false);
  });
});
