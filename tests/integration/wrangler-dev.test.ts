import type { ChildProcess } from "node:child_process";
import { unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/free-port.ts";
import { removeTempDirs } from "../node/build/build-fixtures.ts";
import { makeProjectCopy, spawnWranglerDev } from "../node/build/project-copy.ts";
import { stopGroup } from "../reliability/process-tree.ts";
import { fileNameOf, numberedArticleText } from "../support/articles.ts";
import { until } from "../support/until.ts";

const TIMEOUT_MS = 120_000;

describe("wrangler dev while an article goes bad", () => {
  let dev: ChildProcess | undefined;
  afterAll(async () => {
    await stopGroup(dev?.pid);
    removeTempDirs();
  });

  it("keeps serving the last good build, then picks up the next good one", { timeout: TIMEOUT_MS }, async () => {
    const port = await findFreePort();
    const dir = makeProjectCopy("dev", 3);
    const articles = join(dir, "articles");
    let log = "";
    dev = await spawnWranglerDev(dir, port);
    dev.stdout?.on("data", (chunk: Buffer) => {
      log += chunk.toString();
    });
    dev.stderr?.on("data", (chunk: Buffer) => {
      log += chunk.toString();
    });
    const feedUrl = `http://127.0.0.1:${port}/feed.json`;
    // wrangler dev holds requests while a build is pending; never wait on one for long.
    const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(5000) });
    const itemCount = async () => ((await (await get(feedUrl)).json()) as { items: unknown[] }).items.length;

    const good = await until("the first build to be served", 60_000, async () => {
      const response = await get(feedUrl);
      return response.status === 200 ? await response.text() : undefined;
    });
    expect(JSON.parse(good).items).toHaveLength(3);

    const bad = join(articles, fileNameOf(50));
    const before = log.length;
    writeFileSync(bad, "Title\n\n2025-02-30 25:61:00\n\nAbstract: A.\n\nBody.\n");
    await until("wrangler to run the failing build", 30_000, async () =>
      log.includes("build failed") ? true : undefined,
    );
    expect(log).toContain(`${fileNameOf(50)}:3:`);
    // The failed build exits 0 under wrangler dev, which then reloads: look once that has landed.
    await until("wrangler to reload after the failed build", 30_000, async () => {
      const since = log.slice(before);
      return since.indexOf("Local server updated and ready", since.indexOf("build failed")) > 0 ? true : undefined;
    });
    for (const path of ["/feed.json", "/rss.xml", "/"]) {
      const response = await get(`http://127.0.0.1:${port}${path}`);
      expect(response.status, path).toBe(200);
    }
    expect(await (await get(feedUrl)).text()).toBe(good);

    unlinkSync(bad);
    writeFileSync(join(articles, fileNameOf(51)), numberedArticleText(51));
    await until("the next good build to be served", 30_000, async () => ((await itemCount()) === 4 ? true : undefined));
  });
});
