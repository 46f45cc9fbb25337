import { describe, expect, it } from "vitest";
import { appOf, archiveOf, BASE, metaOf, PER_PAGE, reportPath, tagsOf } from "./page-fixtures.ts";

const RTL_TITLE = "עדכון: שיחות השלום נמשכות";
const get = appOf([
  ...archiveOf(PER_PAGE),
  {
    title: RTL_TITLE,
    date: "2026-01-01 08:00:00",
    abstract: "ملخص قصير.",
    body: "פסקה ראשונה בעברית.\n\nA paragraph in English after it.",
  },
]);
const BROWSER = { headers: { Accept: "text/html,*/*;q=0.8" } };
const PAGES: readonly (readonly [string, RequestInit?])[] = [
  ["/"],
  ["/page/2"],
  [reportPath(4)],
  ["/rss.xml", BROWSER],
  ["/feed.json", BROWSER],
  ["/no-such-page"],
];

describe("every HTML page", () => {
  for (const [path, init] of PAGES) {
    it(`${path} carries what social previews read, and loads nothing from elsewhere`, async () => {
      const response = await get(path, init);
      const text = await response.text();
      const tags = await tagsOf(text);
      for (const key of ["og:title", "og:description", "og:type", "og:site_name", "twitter:card", "description"]) {
        expect(metaOf(tags, key), key).toMatch(/\S/);
      }
      expect(metaOf(tags, "viewport")).toBe("width=device-width, initial-scale=1");
      expect(tags.find((tag) => tag.name === "html")?.attributes.get("lang")).toBe("en");
      // No script but the JSON-LD data block, and every resource the page loads is ours.
      expect(tags.filter((tag) => tag.name === "script").map((tag) => tag.attributes.get("type"))).toEqual([
        "application/ld+json",
      ]);
      expect(tags.filter((tag) => ["img", "iframe", "object", "embed", "video", "audio"].includes(tag.name))).toEqual(
        [],
      );
      const loaded = tags.filter(
        (tag) =>
          tag.name === "link" &&
          ["stylesheet", "icon", "preload", "modulepreload"].includes(tag.attributes.get("rel") ?? ""),
      );
      for (const link of loaded) expect(link.attributes.get("href")).toMatch(new RegExp(`^${BASE}/`));
      // The one style sheet applies by the hash of its text as served; no other inline style would.
      const styles = [...text.matchAll(/<style>([^<]*)<\/style>/g)].map((match) => match[1] ?? "");
      expect(styles).toHaveLength(1);
      expect(text.match(/<style\b/g)).toHaveLength(1);
      expect(text).not.toMatch(/\sstyle=/);
      expect(response.headers.get("content-security-policy")).toBe(
        `default-src 'none'; style-src ${await hashSourceOf(styles[0] ?? "")}; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      );
    });
  }
});

describe("right-to-left titles", () => {
  it("are isolated with dir=auto in every list, so they cannot reorder the page", async () => {
    for (const [path, init] of [["/"], ["/rss.xml", BROWSER], ["/atom.xml", BROWSER]] as const) {
      const response = await get(path, init);
      const tags = await tagsOf(await response.text());
      const holders = tags.filter(
        (tag) => tag.text.includes(RTL_TITLE) && tag.name !== "title" && tag.name !== "script",
      );
      expect(holders.length, path).toBeGreaterThan(0);
      for (const holder of holders) expect(holder.attributes.get("dir"), `${path} <${holder.name}>`).toBe("auto");
    }
  });

  it("on the article page, title, abstract and each paragraph take their own direction", async () => {
    const home = await tagsOf(await (await get("/")).text());
    const href = home.find((tag) => tag.name === "a" && tag.text === RTL_TITLE)?.attributes.get("href") ?? "";
    const tags = await tagsOf(await (await get(href.slice(BASE.length))).text());
    expect(tags.find((tag) => tag.name === "h1")?.attributes.get("dir")).toBe("auto");
    expect(tags.find((tag) => tag.attributes.get("class") === "abstract")?.attributes.get("dir")).toBe("auto");
    const paragraphs = tags.filter((tag) => tag.name === "p" && /בעברית|in English/.test(tag.text));
    expect(paragraphs.map((p) => [p.text, p.attributes.get("dir")])).toEqual([
      ["פסקה ראשונה בעברית.", "auto"],
      ["A paragraph in English after it.", "auto"],
    ]);
  });
});

/** CSP 3 hash-source of a text: SHA-256 of its UTF-8 bytes, base64. */
async function hashSourceOf(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}
