import { unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../scripts/process-group.ts";
import { fileNameOf, IMPOSSIBLE_DATE_ARTICLE, numberedArticleText } from "../support/articles.ts";
import { makeProjectCopy, removeTempDirs } from "../support/project-copy.ts";
import { startTestWranglerDev } from "../support/test-wrangler-dev.ts";
import { until } from "../support/until.ts";

const TIMEOUT_MS = 120_000;

describe("wrangler dev while an article goes bad", () => {
  let dev: RunningServer | undefined;
  afterAll(async () => {
    await dev?.stop();
    removeTempDirs();
  });

  it("keeps serving the last good build, then picks up the next good one", { timeout: TIMEOUT_MS }, async () => {
    const dir = makeProjectCopy("dev", 3);
    const articles = join(dir, "articles");
    const server = await startTestWranglerDev(dir);
    dev = server;
    const feedUrl = `${server.origin}/feed.json`;
    // wrangler dev holds requests while a build is pending; never wait on one for long.
    const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(5000) });
    const itemCount = async () => ((await (await get(feedUrl)).json()) as { items: unknown[] }).items.length;

    const good = await until("the first build to be served", 60_000, async () => {
      const response = await get(feedUrl);
      return response.status === 200 ? await response.text() : undefined;
    });
    expect(JSON.parse(good).items).toHaveLength(3);

    const bad = join(articles, fileNameOf(50));
    const before = server.log().length;
    writeFileSync(bad, IMPOSSIBLE_DATE_ARTICLE);
    await until("wrangler to run the failing build", 30_000, async () =>
      server.log().includes("build failed") ? true : undefined,
    );
    expect(server.log()).toContain(`${fileNameOf(50)}:3:`);
    // The failed build exits 0 under wrangler dev, which then reloads: look once that has landed.
    await until("wrangler to reload after the failed build", 30_000, async () => {
      const since = server.log().slice(before);
      return since.indexOf("Local server updated and ready", since.indexOf("build failed")) > 0 ? true : undefined;
    });
    for (const path of ["/feed.json", "/rss.xml", "/"]) {
      const response = await get(`${server.origin}${path}`);
      expect(response.status, path).toBe(200);
    }
    expect(await (await get(feedUrl)).text()).toBe(good);

    unlinkSync(bad);
    writeFileSync(join(articles, fileNameOf(51)), numberedArticleText(51));
    await until("the next good build to be served", 30_000, async () => ((await itemCount()) === 4 ? true : undefined));
  });
});
