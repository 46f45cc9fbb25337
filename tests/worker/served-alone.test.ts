// What a build for Cloudflare stores at its own address, where the asset server answers it
// without the Worker (docs/static-assets.md#served-alone), and that the Worker still serves it.
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import type { Article } from "../../src/model/article.ts";
import { articleShardPath, readShardIndex } from "../../src/model/shard-file.ts";
import { renderHeadersFile } from "../../src/publish/headers-file.ts";
import { publishSite } from "../../src/publish/publish-site.ts";
import { idOf } from "../support/articles.ts";
import { PNG_3X2 } from "../support/images.ts";
import { testSite } from "../support/test-site.ts";
import { memoryAssets } from "./support/published-app.ts";

const site = testSite("https://news.example");
const DAY = 86_400_000;
const BUILT = Date.UTC(2026, 0, 1);

function article(n: number, publishedMs: number): Article {
  return {
    id: idOf(n),
    slug: `article-${n}`,
    legacySlug: `article-${n}`,
    title: `Article ${n}`,
    published: { epochMs: publishedMs, offsetMinutes: 0 },
    abstract: `Summary ${n}.`,
    paragraphs: [`Text ${n}.`],
  };
}

const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", PNG_3X2));
const IMAGE_PATH = `/media/${Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join("")}/grid.png`;
const IMAGE = { url: IMAGE_PATH, mediaType: "image/png", length: PNG_3X2.length, width: 3, height: 2 };

/** Newest first: one scheduled a day after the build, then ten published a day apart, the fifth with an image. */
const SCHEDULED = article(100, BUILT + DAY);
const PUBLISHED = Array.from({ length: 10 }, (_, i) => {
  const published = article(i + 1, BUILT - (i + 1) * DAY);
  return i === 4 ? { ...published, image: IMAGE } : published;
});
const ARTICLES = [SCHEDULED, ...PUBLISHED];
const pathOf = (a: Article) => `/articles/${a.id}/${a.slug}`;
const icons = new Map([["favicon.svg", new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>")]]);

const publish = (maxFiles?: number) =>
  publishSite({
    site,
    bundle: { articles: ARTICLES, revisedAt: 0 },
    icons,
    media: new Map([[IMAGE_PATH, PNG_3X2]]),
    from: BUILT,
    ...(maxFiles === undefined ? {} : { servedAlone: { maxFiles } }),
  });

describe("files the asset server answers alone", () => {
  it("stores robots.txt, the icons and the published pages at their addresses, newest first", async () => {
    const published = await publish(10_000);
    const alone = published.servedAlone.map((file) => file.path);
    expect(alone).toContain("/robots.txt");
    expect(alone).toContain("/favicon.svg");
    // The newest published page links the scheduled one from its instant: two versions, so the Worker's.
    const [newest, ...older] = PUBLISHED;
    expect(alone).not.toContain(pathOf(SCHEDULED));
    expect(alone).not.toContain(pathOf(newest as Article));
    for (const a of older) {
      expect(alone).toContain(pathOf(a));
      expect(published.files.has(pathOf(a))).toBe(true);
    }
    expect(published.servedAlone.find((file) => file.path === pathOf(older[0] as Article))).toEqual({
      path: pathOf(older[0] as Article),
      contentType: "text/html; charset=utf-8",
      kind: "article",
    });
  });

  it("fills only what the file budget leaves, with the newest pages", async () => {
    const everything = await publish(10_000);
    const pages = (site: typeof everything) => site.servedAlone.filter((file) => file.kind === "article").length;
    const others = everything.files.size - pages(everything);
    const two = await publish(others + 2);
    expect(two.servedAlone.filter((file) => file.kind === "article").map((file) => file.path)).toEqual([
      pathOf(PUBLISHED[1] as Article),
      pathOf(PUBLISHED[2] as Article),
    ]);
    expect(two.files.size).toBe(others + 2);
    expect(pages(await publish(others - 5))).toBe(0);
  });

  it("keeps each such page out of its shard, which only indexes it, and the Worker still serves it", async () => {
    const published = await publish(10_000);
    const page = PUBLISHED[3] as Article;
    const body = published.files.get(pathOf(page));
    expect(body).toBeDefined();
    const shard = published.files.get(articleShardPath(page.id)) ?? new Uint8Array();
    const entry = readShardIndex(shard).entries.get(page.id);
    expect(entry?.file).toBe(pathOf(page));
    expect(entry?.length).toBe(body?.length);
    // The shard holds no copy of the page.
    expect(new TextDecoder().decode(shard)).not.toContain(page.title);

    const app = createApp({ manifest: published.manifest, assets: memoryAssets(published.files), now: () => BUILT });
    const response = await app.request(`https://news.example${pathOf(page)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Length")).toBe(String(body?.length));
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(body);
    const short = await app.request(`https://news.example/articles/${page.id}`);
    expect([short.status, short.headers.get("Location")]).toEqual([301, `https://news.example${pathOf(page)}`]);
  });

  it("is nothing for a build for wrangler dev: every body stays behind the Worker", async () => {
    const published = await publish();
    expect(published.servedAlone).toEqual([]);
    expect([...published.files.keys()].filter((path) => !/^\/[aflpst]\//.test(path))).toEqual([]);
  });

  it("gives each file served alone, in _headers, the headers the Worker sends for it", async () => {
    const published = await publish(10_000);
    expect(published.servedAlone.map((file) => file.kind).toSorted()).toContain("media");
    const rules = parseHeadersFile(renderHeadersFile(published.servedAlone));
    const app = createApp({ manifest: published.manifest, assets: memoryAssets(published.files), now: () => BUILT });
    for (const { path } of published.servedAlone) {
      const matching = rules.filter(([pattern]) => pattern.test(path));
      expect(matching, path).toHaveLength(1);
      const response = await app.request(`https://news.example${path}`);
      expect(response.status, path).toBe(200);
      const fromWorker = Object.fromEntries(
        Object.keys(matching[0]?.[1] ?? {}).map((name) => [name, response.headers.get(name)]),
      );
      expect(matching[0]?.[1], path).toEqual(fromWorker);
    }
  });
});

/** `_headers` as Cloudflare reads it: a path pattern line, then indented `Name: value` lines. */
function parseHeadersFile(text: string): [RegExp, Record<string, string>][] {
  const rules: [RegExp, Record<string, string>][] = [];
  for (const line of text.split("\n").filter((l) => l.trim() !== "")) {
    if (!line.startsWith(" ")) {
      const pattern = line.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"));
      rules.push([new RegExp(`^${pattern.join(".*")}$`), {}]);
      continue;
    }
    const [name = "", ...value] = line.trim().split(": ");
    const headers = rules.at(-1)?.[1];
    if (headers) headers[name] = value.join(": ");
  }
  return rules;
}
