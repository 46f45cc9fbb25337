// Lists as long as the archive go through loops, never spread into a call: past about 125,000
// arguments a call throws RangeError, and a large archive has that many articles or pages.
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/model/article.ts";
import { EARLIEST } from "../../src/model/site-manifest.ts";
import { latestOf } from "../../src/model/time.ts";
import { AssetStore } from "../../src/publish/asset-store.ts";
import { createPublishContext } from "../../src/publish/publish-context.ts";
import { publishTopics } from "../../src/publish/publish-topics.ts";
import { bundleOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";

const COUNT = 150_000;

describe("lists of 150,000", () => {
  it("give their latest instant, and the floor when it is later", () => {
    const instants = Array.from({ length: COUNT }, (_, i) => i);
    instants[COUNT / 2] = COUNT * 10;
    expect(latestOf(instants, 0)).toBe(COUNT * 10);
    expect(latestOf(instants, COUNT * 20)).toBe(COUNT * 20);
    expect(latestOf([], 7)).toBe(7);
  });

  it("of one topic's articles, one to a page, name every page for the sitemap", async () => {
    const site = { ...testSite("https://news.example"), itemsPerFeed: 1 };
    const [model] = bundleOf([plainArticle(1, "2025-01-01 09:00:00")]).articles as [Article];
    const articles: Article[] = Array.from({ length: COUNT }, (_, i) => ({
      ...model,
      id: i.toString(16).padStart(16, "0"),
      published: { ...model.published, epochMs: model.published.epochMs - i * 60_000 },
    }));
    const group = { kind: "tags" as const, topic: { label: "Energy", slug: "energy" }, articles };
    const context = createPublishContext(site, { articles, revisedAt: 0 }, EARLIEST, new AssetStore());
    const topics = await publishTopics(context, "tags", articles, [group]);
    // The /tags index, the topic's page, then each of its list pages.
    expect(topics.pages.length).toBe(2 + COUNT);
    expect(topics.pages.at(-1)?.url).toBe(`https://news.example/tags/energy/page/${COUNT}`);
  });
});
