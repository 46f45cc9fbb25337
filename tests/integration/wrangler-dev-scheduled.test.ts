import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../scripts/process-group.ts";
import { LOCAL_BASE_URL } from "../../scripts/site-address.ts";
import { PING_CRON } from "../../src/push/ping-schedule.ts";
import { type HubStandIn, notifiedTopics, startHubStandIn } from "../node/build/hub-stand-in.ts";
import { fileNameOf } from "../support/articles.ts";
import { makeProjectCopy, removeTempDirs } from "../support/project-copy.ts";
import { TEST_SITE_CONFIG, testSiteConfigModule } from "../support/test-site.ts";
import { startTestWranglerDev } from "../support/test-wrangler-dev.ts";
import { until } from "../support/until.ts";

const TIMEOUT_MS = 150_000;
/** Long after any build's clock, so the article is still scheduled when the build runs. */
const SCHEDULED_AT = Date.UTC(2099, 0, 1, 10, 0, 30);
const SCHEDULED_ARTICLE = `A scheduled article\n\n2099-01-01 10:00:30\n\nAbstract: Published later.\n\nBody.\n`;

describe("wrangler dev --test-scheduled with a WebSub hub configured", () => {
  let dev: RunningServer | undefined;
  let hub: HubStandIn | undefined;
  afterAll(async () => {
    await dev?.stop();
    await hub?.close();
    removeTempDirs();
  });

  it("notifies the hub of each site feed in the run after the article's instant, and never otherwise", {
    timeout: TIMEOUT_MS,
  }, async () => {
    hub = await startHubStandIn();
    const dir = makeProjectCopy("scheduled", 2);
    writeFileSync(join(dir, "src/site-config.ts"), testSiteConfigModule({ ...TEST_SITE_CONFIG, websubHub: hub.url }));
    writeFileSync(join(dir, "articles", fileNameOf(90)), SCHEDULED_ARTICLE);
    const server = await startTestWranglerDev(dir, { args: ["--test-scheduled"] });
    dev = server;
    const { origin } = server;
    const wranglerSaid = () => `wrangler dev said:\n${server.log()}`;
    const get = (path: string) => fetch(`${origin}${path}`, { signal: AbortSignal.timeout(10_000) });
    await until(
      "the build to be served",
      60_000,
      async () => ((await get("/feed.json")).ok ? true : undefined),
      wranglerSaid,
    );

    /**
     * Runs the scheduled handler as the cron would at `time`: miniflare's trigger takes the
     * scheduled time (ms) as `time`; wrangler's /__scheduled takes only `cron` and runs it now.
     * Either answers once the run has ended, its waitUntil work included (workerd reports a
     * scheduled event's outcome after it), so every ping it sent has reached the hub.
     */
    const runAt = async (time: number) => {
      const response = await get(`/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(PING_CRON)}&time=${time}`);
      expect(response.status, wranglerSaid()).toBe(200);
      expect(await response.text()).toBe("ok");
    };

    // The minute before the article's, the one after the run that announces it, and now.
    await runAt(SCHEDULED_AT - 30_000);
    await runAt(SCHEDULED_AT + 90_000);
    const now = await get(`/__scheduled?cron=${encodeURIComponent(PING_CRON)}`);
    expect(await now.text(), wranglerSaid()).toBe("Ran scheduled event");
    expect(hub.requests).toEqual([]);

    // The run whose minute holds the article: the three site feeds, once each, at the address
    // the site was built for (the copy sets none), which is what subscribers subscribed to.
    await runAt(SCHEDULED_AT + 30_000);
    expect(notifiedTopics(hub.requests), wranglerSaid()).toEqual(
      ["/atom.xml", "/feed.json", "/rss.xml"].map((path) => `${LOCAL_BASE_URL}${path}`),
    );
    for (const request of hub.requests) {
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/hub");
      expect(request.contentType).toBe("application/x-www-form-urlencoded");
      expect(request.form.map(([name]) => name)).toEqual(["hub.mode", "hub.url"]);
      expect(request.form[0]).toEqual(["hub.mode", "publish"]);
    }
  });
});
