import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import type { Article, ArticleImage } from "../../src/model/article.ts";
import { publishSite } from "../../src/publish/publish-site.ts";
import { idOf } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { publishedApp } from "./support/published-app.ts";
import { assertWellFormedXml } from "./support/xml.ts";

const site = testSite("https://news.example");

/** A real 4×3-pixel PNG, 72 bytes. */
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAD0lEQVR42mNgCN+OQDg5AO5fDKljyp3YAAAAAElFTkSuQmCC"),
  (ch) => ch.charCodeAt(0),
);
const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", PNG));
const HEX = Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
const PATH = `/media/${HEX}/grid.png`;
const SERVED: ArticleImage = { url: PATH, mediaType: "image/png", length: PNG.length, width: 4, height: 3 };
const REMOTE_URL = "https://images.example.org/photos/kyiv.jpg?size=large&v=2";
const REMOTE: ArticleImage = { url: REMOTE_URL, mediaType: "image/jpeg" };

function article(n: number, image?: ArticleImage): Article {
  return {
    id: idOf(n),
    slug: `article-${n}`,
    legacySlug: `article-${n}`,
    title: `Article ${n}`,
    published: { epochMs: Date.UTC(2025, 0, n, 9), offsetMinutes: 0 },
    abstract: `Summary ${n}.`,
    paragraphs: [`Text ${n}.`],
    ...(image ? { image } : {}),
  };
}

const WITH_SERVED = article(3, SERVED);
const WITH_REMOTE = article(2, REMOTE);
const WITHOUT = article(1);
const articles = [WITH_SERVED, WITH_REMOTE, WITHOUT];
const media = new Map([[PATH, PNG]]);
const app = publishedApp({ site, bundle: { articles, revisedAt: Date.UTC(2024, 0, 1) }, media });
const pageOf = (a: Article) => `https://news.example/articles/${a.id}/${a.slug}`;

interface ReadPage {
  /** Each <meta property|name> with its content, in order. */
  readonly meta: readonly [string, string][];
  readonly images: readonly Record<string, string>[];
  readonly structuredData: Record<string, unknown>;
  readonly style: string;
}

/** What a crawler or browser reads from a page (workerd's HTML parser); attribute values as written. */
async function readPage(response: Response): Promise<ReadPage> {
  const meta: [string, string][] = [];
  const images: Record<string, string>[] = [];
  let json = "";
  let style = "";
  let inScript = false;
  let inStyle = false;
  await new HTMLRewriter()
    .on("meta", {
      element(e) {
        const key = e.getAttribute("property") ?? e.getAttribute("name");
        if (key !== null) meta.push([key, e.getAttribute("content") ?? ""]);
      },
    })
    .on("img", {
      element(e) {
        images.push(Object.fromEntries([...e.attributes]));
      },
    })
    .on('script[type="application/ld+json"]', {
      element(e) {
        inScript = true;
        e.onEndTag(() => {
          inScript = false;
        });
      },
      text(chunk) {
        if (inScript) json += chunk.text;
      },
    })
    .on("style", {
      element(e) {
        inStyle = true;
        e.onEndTag(() => {
          inStyle = false;
        });
      },
      text(chunk) {
        if (inStyle) style += chunk.text;
      },
    })
    .transform(response)
    .text();
  return { meta, images, structuredData: JSON.parse(json), style };
}

const metaValue = (page: ReadPage, key: string) => page.meta.filter(([k]) => k === key).map(([, v]) => v);

describe("an article with an image the site serves", () => {
  it("shows it on the page with its size reserved and an empty alt", async () => {
    const page = await readPage(await app.request(pageOf(WITH_SERVED)));
    expect(page.images).toEqual([
      { class: "picture", src: `https://news.example${PATH}`, width: "4", height: "3", alt: "" },
    ]);
    // Scaled down to the column keeping its ratio: the reserved box and the picture agree.
    expect(page.style).toMatch(/\.picture\{[^}]*max-width:100%;height:auto/);
  });

  it("names it to social previews and search engines, with its type and size", async () => {
    const page = await readPage(await app.request(pageOf(WITH_SERVED)));
    const url = `https://news.example${PATH}`;
    expect(metaValue(page, "og:image")).toEqual([url]);
    expect(metaValue(page, "og:image:type")).toEqual(["image/png"]);
    expect(metaValue(page, "og:image:width")).toEqual(["4"]);
    expect(metaValue(page, "og:image:height")).toEqual(["3"]);
    expect(metaValue(page, "twitter:card")).toEqual(["summary_large_image"]);
    expect(metaValue(page, "twitter:image")).toEqual([url]);
    expect(page.structuredData.image).toEqual({
      "@type": "ImageObject",
      url,
      encodingFormat: "image/png",
      width: 4,
      height: 3,
    });
  });

  it("is served as its bytes, with their true length", async () => {
    const response = await app.request(`https://news.example${PATH}`);
    expect(response.status).toBe(200);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body).toEqual(PNG);
    expect(response.headers.get("Content-Length")).toBe(String(PNG.length));
  });

  it("is the 404 page at any other path under /media/", async () => {
    for (const path of [
      `/media/${HEX}/other.png`,
      `/media/0000000000000000/grid.png`,
      `/media/${HEX}/grid.png/`,
      `/media/${HEX}/grid%2Epng`,
      `/media/${HEX}`,
      "/media/",
    ]) {
      const response = await app.request(`https://news.example${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("Content-Type"), path).toBe("text/html; charset=utf-8");
      expect(await response.text(), path).toContain("<!DOCTYPE html>");
    }
  });
});

describe("an article with an image elsewhere", () => {
  it("is not shown on the page, whose policy allows only its own images", async () => {
    const response = await app.request(pageOf(WITH_REMOTE));
    expect(response.headers.get("Content-Security-Policy")).toContain("img-src 'self'");
    const page = await readPage(response);
    expect(page.images).toEqual([]);
  });

  it("is named in the page's metadata, with what is known of it", async () => {
    const page = await readPage(await app.request(pageOf(WITH_REMOTE)));
    // As written in the attribute: & escaped once.
    const written = REMOTE_URL.replaceAll("&", "&amp;");
    expect(metaValue(page, "og:image")).toEqual([written]);
    expect(metaValue(page, "og:image:type")).toEqual(["image/jpeg"]);
    expect(metaValue(page, "og:image:width")).toEqual([]);
    expect(metaValue(page, "twitter:card")).toEqual(["summary_large_image"]);
    expect(metaValue(page, "twitter:image")).toEqual([written]);
    expect(page.structuredData.image).toEqual({
      "@type": "ImageObject",
      url: REMOTE_URL,
      encodingFormat: "image/jpeg",
    });
  });
});

describe("an article without an image", () => {
  it("keeps the small card and names no image", async () => {
    const page = await readPage(await app.request(pageOf(WITHOUT)));
    expect(metaValue(page, "twitter:card")).toEqual(["summary"]);
    expect(page.meta.filter(([key]) => key.includes("image"))).toEqual([]);
    expect(page.images).toEqual([]);
    expect(page.structuredData.image).toBeUndefined();
  });
});

describe("images in the feeds", () => {
  const feedText = async (path: string) => (await app.request(`https://news.example${path}`)).text();

  it("RSS: a served image is an enclosure with its true length and type; a remote one is media:content", async () => {
    const xml = await feedText("/rss.xml");
    expect(() => assertWellFormedXml(xml)).not.toThrow();
    const items = parseRssFeed(xml).items ?? [];
    const byLink = (a: Article) => items.find((item) => item.link === pageOf(a));
    expect(byLink(WITH_SERVED)?.enclosures).toEqual([
      { url: `https://news.example${PATH}`, length: PNG.length, type: "image/png" },
    ]);
    expect(byLink(WITH_SERVED)?.media).toBeUndefined();
    expect(byLink(WITH_REMOTE)?.enclosures).toBeUndefined();
    expect(byLink(WITH_REMOTE)?.media?.contents).toEqual([{ url: REMOTE_URL, medium: "image", type: "image/jpeg" }]);
    expect(byLink(WITHOUT)?.enclosures).toBeUndefined();
    expect(byLink(WITHOUT)?.media).toBeUndefined();
    // The enclosure's length is the length the file is served with.
    const served = await app.request(`https://news.example${PATH}`, { method: "HEAD" });
    expect(Number(served.headers.get("Content-Length"))).toBe(byLink(WITH_SERVED)?.enclosures?.[0]?.length);
  });

  it("RSS declares the Media RSS namespace on its root only when an item uses it", async () => {
    const xml = await feedText("/rss.xml");
    expect(xml).toMatch(/<rss version="2\.0" xmlns:media="http:\/\/search\.yahoo\.com\/mrss\/"[^>]*>/);
    const without = publishedApp({ site, bundle: { articles: [WITH_SERVED, WITHOUT], revisedAt: 0 }, media });
    const plain = await (await without.request("https://news.example/rss.xml")).text();
    expect(() => assertWellFormedXml(plain)).not.toThrow();
    expect(plain).not.toContain("xmlns:media");
    expect(plain).toContain("<enclosure ");
  });

  it("Atom: each image is an enclosure link, with a length only when the site serves it", async () => {
    const xml = await feedText("/atom.xml");
    expect(() => assertWellFormedXml(xml)).not.toThrow();
    const entries = parseAtomFeed(xml).entries ?? [];
    const enclosuresOf = (a: Article) =>
      entries
        .find((entry) => entry.id === `tag:${site.tagAuthority}:${a.id}`)
        ?.links?.filter((link) => link.rel === "enclosure");
    expect(enclosuresOf(WITH_SERVED)).toEqual([
      { rel: "enclosure", type: "image/png", length: PNG.length, href: `https://news.example${PATH}` },
    ]);
    expect(enclosuresOf(WITH_REMOTE)).toEqual([{ rel: "enclosure", type: "image/jpeg", href: REMOTE_URL }]);
    expect(enclosuresOf(WITHOUT)).toEqual([]);
  });

  it("JSON Feed: each item's image is its absolute URL", async () => {
    const items = parseJsonFeed(await feedText("/feed.json")).items ?? [];
    expect(items.map((item) => [item.id, item.image])).toEqual([
      [WITH_SERVED.id, `https://news.example${PATH}`],
      [WITH_REMOTE.id, REMOTE_URL],
      [WITHOUT.id, undefined],
    ]);
  });
});

describe("publishing media", () => {
  /** Built after every article's instant, so each image is published from the start. */
  const AFTER_ALL = Date.UTC(2026, 0, 1);
  const publish = (list: readonly Article[], files: ReadonlyMap<string, Uint8Array>) =>
    publishSite({ site, bundle: { articles: list, revisedAt: 0 }, icons: new Map(), media: files, from: AFTER_ALL });

  it("refuses a served image without its bytes, and bytes no article shows", async () => {
    await expect(publish([WITH_SERVED], new Map())).rejects.toThrow(`image ${PATH} is not among the media files`);
    await expect(publish([WITHOUT], media)).rejects.toThrow(`media file ${PATH} is no article's image`);
  });

  it("stores a picture two articles show once, under one route", async () => {
    const published = await publish([WITH_SERVED, { ...article(4, SERVED) }], media);
    const index = published.manifest.fixedRoutes[PATH];
    expect(index).toBeDefined();
    expect(published.manifest.files[index ?? -1]?.kind).toBe("media");
    expect(Object.keys(published.manifest.fixedRoutes).filter((path) => path.startsWith("/media/"))).toEqual([PATH]);
  });

  it("serves a scheduled article's image only from its instant, by no path before", async () => {
    const shownAt = WITH_SERVED.published.epochMs;
    const bundle = { articles: [WITH_SERVED, WITHOUT], revisedAt: Date.UTC(2024, 0, 1) };
    const before = await publishSite({
      site,
      bundle,
      icons: new Map(),
      media,
      from: shownAt - 1,
      servedAlone: { maxFiles: 1000 },
    });
    expect(before.manifest.fixedRoutes[PATH]).toBeUndefined();
    // Not at its own address either, where the asset server would answer it to anyone.
    expect(before.files.has(PATH)).toBe(false);
    expect(before.servedAlone.map((file) => file.path)).not.toContain(PATH);
    const at = (instant: number) => publishedApp({ site, bundle, media, now: () => instant });
    expect((await at(shownAt - 1000).request(PATH)).status).toBe(404);
    const head = await at(shownAt - 1000).request(PATH, { method: "HEAD" });
    expect([head.status, head.headers.get("Content-Type")]).toEqual([404, "text/html; charset=utf-8"]);
    const response = await at(shownAt).request(PATH);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });

  it("stores a published image at its own address, unless its name announces another type", async () => {
    const served = await publishSite({
      site,
      bundle: { articles: [WITH_SERVED], revisedAt: 0 },
      icons: new Map(),
      media,
      from: AFTER_ALL,
      servedAlone: { maxFiles: 1000 },
    });
    expect(served.files.get(PATH)).toEqual(PNG);
    expect(served.servedAlone).toContainEqual({ path: PATH, contentType: "image/png", kind: "media" });
    const misnamed = PATH.replace("grid.png", "grid.jpg");
    const other = await publishSite({
      site,
      bundle: { articles: [article(3, { ...SERVED, url: misnamed })], revisedAt: 0 },
      icons: new Map(),
      media: new Map([[misnamed, PNG]]),
      from: AFTER_ALL,
      servedAlone: { maxFiles: 1000 },
    });
    // A PNG named .jpg: the asset server would call it image/jpeg, so only the Worker serves it.
    expect(other.files.has(misnamed)).toBe(false);
    expect(other.manifest.fixedRoutes[misnamed]).toBeDefined();
  });
});
