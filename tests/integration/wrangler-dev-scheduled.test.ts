import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deploymentPingsModule } from "../../scripts/deployment-pings.ts";
import { findFreePort } from "../../scripts/free-port.ts";
import type { RunningServer } from "../../scripts/process-group.ts";
import { LOCAL_BASE_URL } from "../../scripts/site-address.ts";
import { PING_CRON } from "../../src/push/ping-schedule.ts";
import { fileNameOf } from "../support/articles.ts";
import { redirectedFetchArgs } from "../support/build-fixtures.ts";
import { type HubStandIn, notifiedTopics, startHubStandIn } from "../support/hub-stand-in.ts";
import { makeProjectCopy, removeTempDirs } from "../support/project-copy.ts";
import { TEST_SITE_CONFIG, testSiteConfigModule } from "../support/test-site.ts";
import { startTestWranglerDev } from "../support/test-wrangler-dev.ts";
import { until } from "../support/until.ts";

const TIMEOUT_MS = 150_000;
/** Long after any build's clock, so the article is still scheduled when the build runs. */
const SCHEDULED_AT = Date.UTC(2099, 0, 1, 10, 0, 30);
const SCHEDULED_ARTICLE = `A scheduled article\n\n2099-01-01 10:00:30\n\nAbstract: Published later.\n\nBody.\n`;

/**
 * Runs the scheduled handler as the cron would at `time`: miniflare's trigger takes the
 * scheduled time (ms) as `time`; wrangler's /__scheduled takes only `cron` and runs it now.
 * Either answers once the run has ended, its waitUntil work included (workerd reports a
 * scheduled event's outcome after it), so every ping it sent has reached the hub.
 */
async function runScheduledAt(get: (path: string) => Promise<Response>, time: number, wranglerSaid: () => string) {
  const response = await get(`/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(PING_CRON)}&time=${time}`);
  expect(response.status, wranglerSaid()).toBe(200);
  expect(await response.text()).toBe("ok");
}

const servers: RunningServer[] = [];
const hubs: HubStandIn[] = [];
afterAll(async () => {
  await Promise.all([...servers.map((server) => server.stop()), ...hubs.map((hub) => hub.close())]);
  removeTempDirs();
});

/** A copy of the project whose site names `hubUrl` as its WebSub hub. */
function projectWithHub(prefix: string, hubUrl: string): string {
  const dir = makeProjectCopy(prefix, 2);
  writeFileSync(join(dir, "src/site-config.ts"), testSiteConfigModule({ ...TEST_SITE_CONFIG, websubHub: hubUrl }));
  return dir;
}

describe("wrangler dev --test-scheduled with a WebSub hub configured", () => {
  it("notifies the hub of each site feed in the run after the article's instant, and never otherwise", {
    timeout: TIMEOUT_MS,
  }, async () => {
    const hub = await startHubStandIn();
    hubs.push(hub);
    const dir = projectWithHub("scheduled", hub.url);
    writeFileSync(join(dir, "articles", fileNameOf(90)), SCHEDULED_ARTICLE);
    const server = await startTestWranglerDev(dir, { args: ["--test-scheduled"] });
    servers.push(server);
    const { origin } = server;
    const wranglerSaid = () => `wrangler dev said:\n${server.log()}`;
    const get = (path: string) => fetch(`${origin}${path}`, { signal: AbortSignal.timeout(10_000) });
    await until(
      "the build to be served",
      60_000,
      async () => ((await get("/feed.json")).ok ? true : undefined),
      wranglerSaid,
    );

    const runAt = (time: number) => runScheduledAt(get, time, wranglerSaid);

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

describe("wrangler dev serving a build made as wrangler deploy makes it", () => {
  it("notifies the hub of the deployment's feeds in the two minutes after its version's timestamp", {
    timeout: TIMEOUT_MS,
  }, async () => {
    const hub = await startHubStandIn();
    hubs.push(hub);
    const dir = projectWithHub("deployment-pings", hub.url);
    // The build runs as for `wrangler deploy` (wrangler dev would say "dev"), for a public
    // origin whose requests go to a port where nothing answers: a first deployment.
    const toml = join(dir, "wrangler.toml");
    writeFileSync(toml, readFileSync(toml, "utf8").replace(/^command = '/m, "command = 'WRANGLER_COMMAND=deploy "));
    const origin = "https://news.example";
    const nowhere = `http://127.0.0.1:${await findFreePort()}`;
    const server = await startTestWranglerDev(dir, {
      args: ["--test-scheduled"],
      env: { BASE_URL: origin, NODE_OPTIONS: redirectedFetchArgs(origin, nowhere).join(" ") },
    });
    servers.push(server);
    const wranglerSaid = () => `wrangler dev said:\n${server.log()}`;
    const get = (path: string) => fetch(`${server.origin}${path}`, { signal: AbortSignal.timeout(10_000) });
    await until(
      "the build to be served",
      60_000,
      async () => ((await get("/feed.json")).ok ? true : undefined),
      wranglerSaid,
    );
    const siteFeeds = ["/atom.xml", "/feed.json", "/rss.xml"];
    expect(readFileSync(join(dir, "src/generated/deployment-pings.ts"), "utf8")).toBe(deploymentPingsModule(siteFeeds));

    // Miniflare stamps the version with the time it set the Worker up, a moment ago: a run
    // long before it or more than two minutes after it sends nothing, one just after it sends
    // every feed the build found changed.
    const now = Date.now();
    await runScheduledAt(get, Date.UTC(2000, 0, 1), wranglerSaid);
    await runScheduledAt(get, now + 3 * 60_000, wranglerSaid);
    expect(hub.requests, wranglerSaid()).toEqual([]);
    await runScheduledAt(get, now + 30_000, wranglerSaid);
    expect(notifiedTopics(hub.requests), wranglerSaid()).toEqual(siteFeeds.map((path) => `${origin}${path}`));
  });
});
