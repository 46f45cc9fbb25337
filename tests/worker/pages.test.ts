import { describe, expect, it } from "vitest";
import { type ArticleSource, bundleOf, idOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { tagsOf } from "./pages/page-fixtures.ts";
import { publishedApp } from "./support/published-app.ts";

const BASE = "https://news.example";

const PAYLOAD: ArticleSource = {
  id: idOf(7),
  title: `<script>alert("title")</script><img src=x onerror=alert(1)> "quoted" & 'single'`,
  date: "2025-03-03 15:30:00",
  abstract: `</title><script>alert("abstract")</script><a href="javascript:alert(1)" onclick="x()">`,
  paragraphs: [
    `<svg onload=alert(2)></svg> </p><iframe src="https://evil.example"></iframe>`,
    `</script><script>alert(3)</script> ]]> {"@context":"x"} </div>`,
  ],
};
const PAYLOAD_PATH = `/articles/${idOf(7)}/script-alert-title-script-img-src-x-onerror-alert-1-quoted-single`;
const OLD_NEWS_PATH = `/articles/${idOf(1)}/old-news`;
const bundle = bundleOf([plainArticle(1, "2025-01-01 10:00:00", "Old news"), PAYLOAD]);
const app = publishedApp({ bundle, site: testSite(BASE), now: () => Date.UTC(2026, 0, 1) });
const get = (path: string) => app.request(`${BASE}${path}`, {});

/** Every element of a page, read by workerd's own HTML parser. */
async function elementsOf(response: Response) {
  return tagsOf(await response.text());
}

async function feedArticleUrl(slugOwnerId: string): Promise<string> {
  const feed = (await (await get("/feed.json")).json()) as { items: { id: string; url: string }[] };
  return feed.items.find((item) => item.id === slugOwnerId)?.url ?? "";
}

describe("a page never turns article text into markup", () => {
  for (const path of ["/", PAYLOAD_PATH]) {
    it(`${path} has no script but JSON-LD, no event attribute, no element from the text`, async () => {
      const response = await get(path);
      expect(response.status).toBe(200);
      const elements = await elementsOf(response);
      const scripts = elements.filter((e) => e.name === "script");
      expect(scripts.map((s) => s.attributes.get("type"))).toEqual(["application/ld+json"]);
      expect(elements.flatMap((e) => [...e.attributes.keys()]).filter((name) => name.startsWith("on"))).toEqual([]);
      expect(elements.filter((e) => ["iframe", "svg", "img"].includes(e.name))).toEqual([]);
      expect(elements.some((e) => [...e.attributes.values()].some((v) => v.startsWith("javascript:")))).toBe(false);
      const jsonLd = JSON.parse(scripts[0]?.text ?? "");
      expect(jsonLd["@context"]).toBe("https://schema.org");
    });
  }

  it("shows the payload as the text it is", async () => {
    const page = await (await get(PAYLOAD_PATH)).text();
    expect(page).toContain("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(page).toContain("&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;");
  });
});

describe("the summary page", () => {
  it("has the title, a <time datetime>, the abstract set apart, the text and a link home", async () => {
    const elements = await elementsOf(await get(OLD_NEWS_PATH));
    expect(elements.find((e) => e.name === "h1")?.text).toBe("Old news");
    const time = elements.find((e) => e.name === "time");
    expect(time?.attributes.get("datetime")).toBe("2025-01-01T10:00:00Z");
    expect(time?.text).toBe("January 1, 2025 at 10:00 UTC");
    expect(elements.find((e) => e.attributes.get("class") === "abstract")?.text).toBe("Summary of article 1.");
    expect(elements.filter((e) => e.name === "p").map((p) => p.text)).toContain("Second paragraph of article 1.");
    expect(elements.some((e) => e.name === "a" && e.attributes.get("href") === `${BASE}/`)).toBe(true);
  });

  it("carries the metadata search engines, social previews and feed readers look for", async () => {
    const elements = await elementsOf(await get(OLD_NEWS_PATH));
    const meta = (key: string) =>
      elements
        .find((e) => e.name === "meta" && (e.attributes.get("property") ?? e.attributes.get("name")) === key)
        ?.attributes.get("content");
    const link = (rel: string) => elements.filter((e) => e.name === "link" && e.attributes.get("rel") === rel);

    expect(elements.find((e) => e.name === "html")?.attributes.get("lang")).toBe("en");
    expect(elements.find((e) => e.name === "title")?.text).toContain("Old news");
    expect(meta("description")).toBe("Summary of article 1.");
    expect(link("canonical")[0]?.attributes.get("href")).toBe(await feedArticleUrl(idOf(1)));
    expect(meta("og:type")).toBe("article");
    expect(meta("og:title")).toContain("Old news");
    expect(meta("og:url")).toBe(`${BASE}${OLD_NEWS_PATH}`);
    expect(link("alternate").map((l) => [l.attributes.get("type"), l.attributes.get("href")])).toEqual([
      ["application/rss+xml", `${BASE}/rss.xml`],
      ["application/atom+xml", `${BASE}/atom.xml`],
      ["application/feed+json", `${BASE}/feed.json`],
      ["text/x-opml", `${BASE}/feeds.opml`],
    ]);
    const jsonLd = JSON.parse(elements.find((e) => e.name === "script")?.text ?? "");
    expect(jsonLd).toMatchObject({
      "@type": "NewsArticle",
      headline: "Old news",
      datePublished: "2025-01-01T10:00:00Z",
    });
  });
});

describe("the index", () => {
  it("lists the newest articles first with their links, times and abstracts, and links every feed", async () => {
    const elements = await elementsOf(await get("/"));
    const links = elements.filter((e) => e.name === "a");
    const articleLinks = links.filter((a) => a.attributes.get("href")?.startsWith(`${BASE}/articles/`));
    expect(articleLinks.map((a) => a.text)).toEqual([expect.stringContaining("alert"), "Old news"]);
    const hrefs = links.map((a) => a.attributes.get("href"));
    for (const feed of ["/rss.xml", "/atom.xml", "/feed.json"]) expect(hrefs).toContain(`${BASE}${feed}`);
    expect(elements.filter((e) => e.name === "time").map((t) => t.attributes.get("datetime"))).toEqual([
      "2025-03-03T15:30:00Z",
      "2025-01-01T10:00:00Z",
    ]);
  });
});
