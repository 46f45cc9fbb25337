import { describe, expect, it } from "vitest";
import { appOf, archiveOf, BASE, linksOf, PER_PAGE, reportPath, sitemapUrls, tagsOf } from "./page-fixtures.ts";

const ARCHIVE = archiveOf(PER_PAGE + 1);
const get = appOf(ARCHIVE);

describe("/sitemap.xml", () => {
  it("lists every list page, the list of feeds and every published article once, with the Last-Modified each is served with", async () => {
    const response = await get("/sitemap.xml");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const urls = await sitemapUrls(get);
    expect(urls.map((u) => u.loc).slice(0, 3)).toEqual([`${BASE}/`, `${BASE}/page/1`, `${BASE}/page/2`]);
    expect(urls).toHaveLength(4 + ARCHIVE.length);
    expect(urls.map((u) => u.loc)).toContain(`${BASE}/feeds`);
    expect(new Set(urls.map((u) => u.loc)).size).toBe(urls.length);
    for (const url of urls) {
      expect(url.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const page = await get(url.loc.slice(BASE.length));
      expect(page.status, url.loc).toBe(200);
      expect(Date.parse(page.headers.get("last-modified") ?? ""), url.loc).toBe(Date.parse(url.lastmod));
    }
  });

  it("leaves out articles that are not published yet", async () => {
    const early = appOf(ARCHIVE, Date.UTC(2025, 0, 3, 12));
    const urls = await sitemapUrls(early);
    expect(urls.map((u) => u.loc)).toEqual([
      `${BASE}/`,
      `${BASE}/page/1`,
      `${BASE}/feeds`,
      `${BASE}${reportPath(0)}`,
      `${BASE}${reportPath(1)}`,
      `${BASE}${reportPath(2)}`,
    ]);
  });
});

describe("/robots.txt", () => {
  it("allows everything and points at the sitemap by absolute URL", async () => {
    const response = await get("/robots.txt");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const lines = (await response.text()).split("\n");
    expect(lines).toContain("User-agent: *");
    expect(lines).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(lines.filter((line) => line.startsWith("Disallow:"))).toEqual([]);
  });
});

describe("the favicon", () => {
  it("is an SVG served same-origin, and every page links it", async () => {
    const icon = await get("/favicon.svg");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");
    expect(await icon.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const path of ["/", "/page/2", reportPath(3), "/no-such-page"]) {
      const tags = await tagsOf(await (await get(path)).text());
      expect(linksOf(tags, "icon"), path).toEqual([`${BASE}/favicon.svg`]);
    }
  });

  it("answers /favicon.ico, which browsers and readers fetch unasked, with a real ICO file", async () => {
    const icon = await get("/favicon.ico");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/x-icon");
    expect(icon.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    const bytes = new Uint8Array(await icon.arrayBuffer());
    // ICONDIR: reserved 0, type 1 (icon), then the number of images.
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(bytes[4]).toBeGreaterThanOrEqual(1);
  });

  it("serves the PNG icons the feeds name, at the sizes their names promise", async () => {
    for (const [path, size] of [
      ["/icon-64.png", 64],
      ["/icon-144.png", 144],
      ["/icon-512.png", 512],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toBe("image/png");
      const view = new DataView(await response.arrayBuffer());
      // PNG signature, then the IHDR chunk's width and height (big-endian) at bytes 16 and 20.
      expect(view.getUint32(0), path).toBe(0x89504e47);
      expect([view.getUint32(16), view.getUint32(20)], path).toEqual([size, size]);
    }
  });
});
