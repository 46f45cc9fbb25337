// Past the free plan's daily Worker requests, Cloudflare's router answers 429 to every request
// that would run the Worker (cloudflare/workers-sdk, router-worker: `limitedAssetsOnly`). Here
// the Worker is replaced by one that answers 429 to everything, under wrangler dev with the
// project's own [assets] rules over a build for Cloudflare: what the asset server answers alone
// must still be served, whole and with the headers the Worker would send.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "smol-toml";
import { afterAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../scripts/process-group.ts";
import { SITE_DIR } from "../../src/model/paths.ts";
import { articleText, fileNameOf, idOf } from "../support/articles.ts";
import { childEnv, makeProjectCopy, removeTempDirs } from "../support/project-copy.ts";
import { startTestWranglerDev } from "../support/test-wrangler-dev.ts";

/** A 3×2-pixel PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEElEQVR4nGM4IScHQQxwFgBBAAYZPEVBlgAAAABJRU5ErkJggg==",
  "base64",
);
const LIMITED_WORKER = `export default {
  fetch: () => new Response("Worker limit reached\\n", { status: 429, headers: { "Content-Type": "text/plain" } }),
};
`;

describe("a site past the free plan's daily Worker limit", () => {
  let dev: RunningServer | undefined;
  afterAll(async () => {
    await dev?.stop();
    removeTempDirs();
  });

  it("still serves its article pages, images, icons and robots.txt with their headers", {
    timeout: 180_000,
  }, async () => {
    const dir = makeProjectCopy("limited", 4);
    const articles = join(dir, "articles");
    mkdirSync(join(articles, "media"));
    writeFileSync(join(articles, "media", "grid.png"), PNG);
    const withImage = {
      title: "With a picture",
      date: "2025-02-20 09:00:00",
      abstract: "A grid.",
      paragraphs: ["Text."],
    };
    writeFileSync(join(articles, fileNameOf(10)), articleText({ ...withImage, fields: ["Image: media/grid.png"] }));
    const later = { title: "Scheduled", date: "2099-01-01 09:00:00", abstract: "Later.", paragraphs: ["Text."] };
    writeFileSync(join(articles, fileNameOf(11)), articleText(later));
    execFileSync(process.execPath, ["scripts/build-articles.ts"], {
      cwd: dir,
      env: childEnv({ BASE_URL: "https://news.example" }),
      stdio: "pipe",
    });

    const project = parse(readFileSync(join(dir, "wrangler.toml"), "utf8"));
    writeFileSync(join(dir, "limited.js"), LIMITED_WORKER);
    const config = {
      name: "limited",
      main: "limited.js",
      compatibility_date: project.compatibility_date,
      assets: project.assets,
    };
    writeFileSync(join(dir, "limited.toml"), stringify(config));
    dev = await startTestWranglerDev(dir, { args: ["--config", "limited.toml"] });
    const get = (path: string, init?: RequestInit) => fetch(`${dev?.origin}${path}`, init);

    const site = join(dir, SITE_DIR);
    expect(readFileSync(join(site, "_headers"), "utf8")).toMatch(/^\/media\/\*\.png$/m);
    const page = `/articles/${idOf(10)}/with-a-picture`;
    const [image] = readFileSync(join(site, page.slice(1)), "utf8").match(/\/media\/[0-9a-f]{16}\/grid\.png/) ?? [];
    expect(image).toBeDefined();

    const html = await get(page);
    expect(html.status).toBe(200);
    expect(html.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("Cache-Control")).toBe("public, max-age=3600");
    expect(html.headers.get("Content-Security-Policy")).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(html.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(html.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await html.text()).toBe(readFileSync(join(site, page.slice(1)), "utf8"));
    // The asset server's own validator: an exact If-None-Match is a 304.
    const etag = html.headers.get("ETag") ?? "";
    expect((await get(page, { headers: { "If-None-Match": etag } })).status).toBe(304);

    const picture200 = await get(image ?? "");
    expect(picture200.status).toBe(200);
    expect(picture200.headers.get("Content-Type")).toBe("image/png");
    expect(picture200.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await picture200.arrayBuffer()).equals(PNG)).toBe(true);

    for (const [path, type] of [
      ["/favicon.ico", "image/x-icon"],
      ["/favicon.svg", "image/svg+xml"],
      ["/icon-64.png", "image/png"],
      ["/robots.txt", "text/plain; charset=utf-8"],
    ]) {
      const response = await get(path ?? "");
      expect([path, response.status, response.headers.get("Content-Type")]).toEqual([path, 200, type]);
      expect(response.headers.get("Cache-Control"), path).toBe("public, max-age=86400");
    }
    expect(await (await get("/robots.txt")).text()).toContain("Sitemap: https://news.example/sitemap.xml");

    // What needs the Worker is what the limit stops: per-state paths, shards, the newest published
    // page (it gains a link when the scheduled one is published), a redirect.
    const newestPublished = `/articles/${idOf(3)}/article-number-3`;
    for (const path of [
      "/",
      "/feed.json",
      "/rss.xml",
      "/sitemap.xml",
      "/page/1",
      `/a/${idOf(11).slice(0, 3)}`,
      newestPublished,
    ]) {
      expect([path, (await get(path)).status]).toEqual([path, 429]);
    }
  });
});
