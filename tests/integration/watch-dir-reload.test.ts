import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../scripts/process-group.ts";
import { makeProjectCopy, removeTempDirs } from "../support/project-copy.ts";
import { TEST_SITE_CONFIG, testSiteConfigModule } from "../support/test-site.ts";
import { startTestWranglerDev } from "../support/test-wrangler-dev.ts";
import { until } from "../support/until.ts";

const TIMEOUT_MS = 150_000;

let dev: RunningServer | undefined;
const wranglerSaid = () => `wrangler dev said:\n${dev?.log() ?? ""}`;

// The list itself is checked, without wrangler, in tests/node/build/watch-dir.test.ts.
describe("wrangler dev rebuilds on what watch_dir names", () => {
  afterAll(async () => {
    await dev?.stop();
    removeTempDirs();
  });

  it("serves an edit to src/site-config.ts and to a template, and never rebuilds on its own output", {
    timeout: TIMEOUT_MS,
  }, async () => {
    const dir = makeProjectCopy("watch");
    const server = await startTestWranglerDev(dir);
    dev = server;
    const get = async (path: string) =>
      (await fetch(`${server.origin}${path}`, { signal: AbortSignal.timeout(5000) })).text();
    const serving = (path: string, text: string) => async () => ((await get(path)).includes(text) ? true : undefined);

    await until("the first build to be served", 60_000, serving("/", `<title>${TEST_SITE_CONFIG.title}`), wranglerSaid);

    writeFileSync(
      join(dir, "src/site-config.ts"),
      testSiteConfigModule({ ...TEST_SITE_CONFIG, title: "Edited Title" }),
    );
    await until("the edited title to be served", 30_000, serving("/", "<title>Edited Title"), wranglerSaid);

    const template = join(dir, "src/render/pages/not-found-page.ts");
    writeFileSync(template, readFileSync(template, "utf8").replace("<h1>Not found</h1>", "<h1>Nothing here</h1>"));
    await until(
      "the edited template to be served",
      30_000,
      serving("/no-such-page", "<h1>Nothing here</h1>"),
      wranglerSaid,
    );

    // Every rebuild was set off by one of our two edits, none by what a build wrote.
    const triggers = [...server.log().matchAll(/The file (.+) changed, restarting build/g)].map((m) => m[1] ?? "");
    expect(triggers.length).toBeGreaterThanOrEqual(2);
    expect(triggers.filter((path) => !/site-config\.ts$|not-found-page\.ts$/.test(path))).toEqual([]);
  });
});
