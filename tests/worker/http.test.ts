import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { articlePath } from "../../src/model/paths.ts";
import { bundleOf, idOf, plainArticle } from "../support/articles.ts";
import { TEST_WORKER_ORIGIN, testSite } from "../support/test-site.ts";
import { publishedApp } from "./support/published-app.ts";
import { shippedArticles } from "./support/shipped-articles.ts";

const BASE = "https://news.example";
const FEED_READER_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8";

const PUBLISHED_AT = Date.UTC(2025, 0, 1, 10);
const SCHEDULED_AT = Date.UTC(2025, 5, 1, 12);
const bundle = bundleOf([
  plainArticle(1, "2025-01-01 10:00:00", "Old news"),
  plainArticle(2, "2025-06-01 12:00:00", "Scheduled news"),
]);

const OLD_NEWS = `/articles/${idOf(1)}/old-news`;
const SCHEDULED_NEWS = `/articles/${idOf(2)}/scheduled-news`;

function appAt(now: number) {
  const app = publishedApp({ bundle, site: testSite(BASE), now: () => now });
  return (path: string, init: RequestInit = {}) => app.request(`${BASE}${path}`, init);
}

const beforeSchedule = appAt(Date.UTC(2025, 4, 1));

describe("the deployed Worker", () => {
  // What articles/ holds is the site owner's: the expectations come from its files.
  it("serves the articles of articles/: each at its page once published, the newest on / and in every feed", async () => {
    const now = Date.now();
    const newestFirst = shippedArticles.toSorted((a, b) => b.published.epochMs - a.published.epochMs);
    for (const article of newestFirst) {
      const page = await exports.default.fetch(`${TEST_WORKER_ORIGIN}${articlePath(article)}`);
      expect(page.status, articlePath(article)).toBe(article.published.epochMs <= now ? 200 : 404);
    }
    const newest = newestFirst.find((article) => article.published.epochMs <= now);
    for (const path of ["/", "/rss.xml", "/atom.xml", "/feed.json"]) {
      const response = await exports.default.fetch(`${TEST_WORKER_ORIGIN}${path}`);
      expect(response.status, path).toBe(200);
      const body = await response.text();
      if (newest) expect(body, path).toContain(articlePath(newest));
    }
  });
});

describe("responses for feed readers", () => {
  it.each(["/rss.xml", "/atom.xml", "/feed.json"])("%s is dated by its newest published article", async (path) => {
    const response = await beforeSchedule(path, { headers: { Accept: FEED_READER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get("last-modified")).toBe("Wed, 01 Jan 2025 10:00:00 GMT");
  });

  it("gives the same ETag for the same body and a different one for a different body", async () => {
    const first = await beforeSchedule("/rss.xml");
    const again = await appAt(Date.UTC(2025, 4, 2))("/rss.xml");
    const later = await appAt(SCHEDULED_AT)("/rss.xml");
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(later.headers.get("etag")).not.toBe(first.headers.get("etag"));
    expect(later.headers.get("last-modified")).toBe("Sun, 01 Jun 2025 12:00:00 GMT");
  });
});

describe("conditional requests (RFC 9110 §13)", () => {
  async function validators(path: string) {
    const response = await beforeSchedule(path);
    return { etag: response.headers.get("etag") ?? "", lastModified: response.headers.get("last-modified") ?? "" };
  }

  it.each([
    ["the exact tag", (etag: string) => etag],
    ["the weak form", (etag: string) => `W/${etag}`],
    ["a list holding it", (etag: string) => `"other", ${etag}, W/"more"`],
    ["*", () => "*"],
  ])("If-None-Match with %s gives 304 with no body and the 200's validators", async (_name, header) => {
    for (const path of ["/rss.xml", "/atom.xml", "/feed.json", "/", OLD_NEWS]) {
      const { etag, lastModified } = await validators(path);
      const full = await beforeSchedule(path);
      const response = await beforeSchedule(path, { headers: { "If-None-Match": header(etag) } });
      expect(response.status, path).toBe(304);
      expect(await response.text()).toBe("");
      expect(response.headers.get("etag")).toBe(etag);
      expect(response.headers.get("last-modified")).toBe(lastModified);
      expect(response.headers.get("cache-control")).toBe(full.headers.get("cache-control"));
    }
  });

  it("If-None-Match with other tags gives the full 200", async () => {
    const response = await beforeSchedule("/rss.xml", { headers: { "If-None-Match": '"stale", W/"older"' } });
    expect(response.status).toBe(200);
  });

  it("If-Modified-Since at or after Last-Modified gives 304, before it 200", async () => {
    const { lastModified } = await validators("/feed.json");
    expect((await beforeSchedule("/feed.json", { headers: { "If-Modified-Since": lastModified } })).status).toBe(304);
    const earlier = "Tue, 31 Dec 2024 10:00:00 GMT";
    expect((await beforeSchedule("/feed.json", { headers: { "If-Modified-Since": earlier } })).status).toBe(200);
  });

  it("accepts the obsolete RFC 850 and asctime date forms", async () => {
    for (const date of ["Wednesday, 01-Jan-25 10:00:00 GMT", "Wed Jan  1 10:00:00 2025"]) {
      expect((await beforeSchedule("/atom.xml", { headers: { "If-Modified-Since": date } })).status, date).toBe(304);
    }
  });

  it("lets If-None-Match win over If-Modified-Since when they disagree", async () => {
    const { lastModified } = await validators("/rss.xml");
    const response = await beforeSchedule("/rss.xml", {
      headers: { "If-None-Match": '"not-current"', "If-Modified-Since": lastModified },
    });
    expect(response.status).toBe(200);
  });

  it("ignores malformed conditional headers instead of failing", async () => {
    const malformed: Record<string, string>[] = [
      { "If-None-Match": 'W/"unterminated, ,,, "' },
      { "If-None-Match": "garbage\tvalue; =" },
      { "If-Modified-Since": "yesterday" },
      { "If-Modified-Since": "Sun, 31 Feb 2025 10:00:00 GMT" },
    ];
    for (const headers of malformed) {
      const response = await beforeSchedule("/rss.xml", { headers });
      expect(response.status, JSON.stringify(headers)).toBe(200);
    }
  });
});

describe("unknown paths", () => {
  it("answers unknown paths and slugs with the HTML 404 page", async () => {
    for (const path of ["/nope", "/articles/no-such-article", "/articles/", "/rss.xml/extra"]) {
      const response = await beforeSchedule(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await response.text()).toContain("<h1>Not found</h1>");
    }
  });
});

describe("scheduled publishing", () => {
  const afterSchedule = appAt(SCHEDULED_AT + 1000);

  it("hides a future article from every feed, the index and its page until its instant", async () => {
    for (const path of ["/rss.xml", "/atom.xml", "/feed.json", "/"]) {
      const body = await (await beforeSchedule(path)).text();
      expect(body, path).toContain("Old news");
      expect(body, path).not.toContain("Scheduled news");
    }
    expect((await beforeSchedule(SCHEDULED_NEWS)).status).toBe(404);
  });

  it("publishes it at its instant without a new deploy", async () => {
    for (const path of ["/rss.xml", "/atom.xml", "/feed.json", "/"]) {
      expect(await (await afterSchedule(path)).text(), path).toContain("Scheduled news");
    }
    expect((await afterSchedule(SCHEDULED_NEWS)).status).toBe(200);
    const feed = (await (await afterSchedule("/feed.json")).json()) as { items: { id: string }[] };
    expect(feed.items.map((item) => item.id)).toEqual([idOf(2), idOf(1)]);
  });

  it("never lets a cache keep a response past the next publication", async () => {
    const tenSecondsBefore = appAt(SCHEDULED_AT - 10_000);
    for (const path of ["/rss.xml", "/", OLD_NEWS, SCHEDULED_NEWS]) {
      const response = await tenSecondsBefore(path);
      expect(response.headers.get("cache-control"), path).toBe("public, max-age=10");
    }
  });

  it("never dates Last-Modified or the feeds in the future", async () => {
    const response = await beforeSchedule("/rss.xml");
    expect(Date.parse(response.headers.get("last-modified") ?? "")).toBeLessThanOrEqual(Date.UTC(2025, 4, 1));
    expect(await response.text()).toContain("<lastBuildDate>Wed, 01 Jan 2025 10:00:00 GMT</lastBuildDate>");
    const atom = await (await beforeSchedule("/atom.xml")).text();
    expect(atom).toContain("<updated>2025-01-01T10:00:00Z</updated>");
  });

  it("never dates Last-Modified after the clock, even if the build's clock ran ahead", async () => {
    const app = publishedApp({
      bundle: { ...bundle, revisedAt: Date.UTC(2030, 0, 1) },
      site: testSite(BASE),
      now: () => PUBLISHED_AT + 60_000,
    });
    const response = await app.request(`${BASE}/rss.xml`, {});
    expect(response.headers.get("last-modified")).toBe("Wed, 01 Jan 2025 10:01:00 GMT");
  });
});

describe("Last-Modified follows edits, not only publications", () => {
  const EDITED_AT = Date.UTC(2025, 2, 1);
  const edited = publishedApp({
    bundle: { ...bundle, articleRevisedAt: { [idOf(1)]: EDITED_AT } },
    site: testSite(BASE),
    now: () => Date.UTC(2025, 4, 1),
  });
  const lastModified = async (path: string) =>
    (await edited.request(`${BASE}${path}`, {})).headers.get("last-modified");

  it("moves for the edited article's page and every list that shows it", async () => {
    for (const path of [OLD_NEWS, "/rss.xml", "/feed.json", "/"]) {
      expect(await lastModified(path), path).toBe("Sat, 01 Mar 2025 00:00:00 GMT");
    }
  });

  it("so an If-Modified-Since from before the edit gets the new body", async () => {
    const response = await edited.request(`${BASE}${OLD_NEWS}`, {
      headers: { "If-Modified-Since": "Wed, 01 Jan 2025 10:00:00 GMT" },
    });
    expect(response.status).toBe(200);
  });
});

describe("failures", () => {
  it("answer a plain 500 with the security headers and no stack trace", async () => {
    const brokenClock = () => {
      throw new Error("the clock is broken");
    };
    const app = publishedApp({ bundle, site: testSite(BASE), now: brokenClock });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const response = await app.request(`${BASE}/rss.xml`);
      expect(response.status).toBe(500);
      expect(await response.text()).toBe("Internal Server Error\n");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(String(errors[0])).toContain("GET /rss.xml");
    } finally {
      console.error = original;
    }
  });
});
