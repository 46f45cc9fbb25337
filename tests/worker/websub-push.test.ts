import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AssetFile, PublicationState, SiteManifest } from "../../src/model/site-manifest.ts";
import { EARLIEST } from "../../src/model/site-manifest.ts";
import { feedsToPing } from "../../src/push/changed-feeds.ts";
import { type HubClient, notifyHub, RETRY_DELAYS_MS } from "../../src/push/notify-hub.ts";
import { pingChangedFeeds } from "../../src/push/ping-changed-feeds.ts";
import { PING_INTERVAL_MS } from "../../src/push/ping-schedule.ts";
import { type Deployment, selectDeploymentFeeds } from "../../src/push/select-deployment-feeds.ts";
import { bundleOf, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";
import { publishInMemory } from "./support/published-app.ts";

const HUB = "https://hub.example/";
const ORIGIN = "https://news.example";
const SITE_FEEDS = ["/atom.xml", "/feed.json", "/rss.xml"];
/** A version uploaded long before every run here by a build that changed no feed. */
const NO_DEPLOYMENT: Deployment = { uploadedAt: "2020-01-01T00:00:00.000Z", changedFeeds: [] };

/** A hub stand-in: records every request and answers with the next of `statuses` (then 204). */
function recordingHub(statuses: readonly (number | "network error")[] = []) {
  const requests: { url: string; method: string; contentType: string | null; form: [string, string][] }[] = [];
  const sleeps: number[] = [];
  const errors: string[] = [];
  const answers = [...statuses];
  const client: HubClient = {
    fetch: async (url, init) => {
      const request = new Request(url, init);
      requests.push({
        url,
        method: request.method,
        contentType: request.headers.get("content-type"),
        form: [...(await request.formData()).entries()].map(([name, value]) => [name, String(value)]),
      });
      const answer = answers.shift() ?? 204;
      if (answer === "network error") throw new TypeError("Network connection lost.");
      return new Response(null, { status: answer });
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    logError: (message) => errors.push(message),
  };
  /** The topics notified, as the hub reads them from the form body. */
  const topics = () => requests.map((r) => Object.fromEntries(r.form)["hub.url"]).sort();
  return { client, requests, sleeps, errors, topics };
}

// Two articles out, a third scheduled for 12:00:30 on March 5th.
const at = (time: string) => Date.parse(`2025-03-05T${time}Z`);
const bundle = bundleOf([
  plainArticle(1, "2025-03-01 10:00:00"),
  plainArticle(2, "2025-03-02 10:00:00"),
  plainArticle(3, "2025-03-05 12:00:30"),
]);
const withHub = (await publishInMemory(bundle, { ...testSite(ORIGIN), websubHub: HUB })).manifest;
const withoutHub = (await publishInMemory(bundle, testSite(ORIGIN))).manifest;

describe("the scheduled run notifies the WebSub hub", () => {
  it("of each site feed, by its URL, in the run that follows the article's instant", async () => {
    const hub = recordingHub();
    const outcomes = await pingChangedFeeds(withHub, NO_DEPLOYMENT, at("12:01:00"), hub.client);
    expect(hub.topics()).toEqual(SITE_FEEDS.map((path) => `${ORIGIN}${path}`));
    expect(outcomes.every((outcome) => outcome.ok && outcome.attempts === 1)).toBe(true);
    for (const request of hub.requests) {
      expect(request.url).toBe(HUB);
      expect(request.method).toBe("POST");
      expect(request.contentType).toBe("application/x-www-form-urlencoded");
      expect(request.form.map(([name]) => name)).toEqual(["hub.mode", "hub.url"]);
      expect(request.form[0]).toEqual(["hub.mode", "publish"]);
    }
  });

  it("not in the runs before or after that one, nor when nothing was published in the minute", async () => {
    for (const time of ["12:00:00", "12:02:00", "13:00:00"]) {
      const hub = recordingHub();
      expect(await pingChangedFeeds(withHub, NO_DEPLOYMENT, at(time), hub.client), time).toEqual([]);
      expect(hub.requests, time).toEqual([]);
    }
    const hub = recordingHub();
    await pingChangedFeeds(withHub, NO_DEPLOYMENT, Date.parse("2025-03-03T00:00:00Z"), hub.client);
    expect(hub.requests).toEqual([]);
  });

  it("never without a hub, even in the minute an article is published", async () => {
    expect(withoutHub.websubHub).toBeUndefined();
    const hub = recordingHub();
    expect(await pingChangedFeeds(withoutHub, NO_DEPLOYMENT, at("12:01:00"), hub.client)).toEqual([]);
    expect(hub.requests).toEqual([]);
  });
});

describe("after a deployment, the scheduled runs notify the WebSub hub", () => {
  const topicsOf = (paths: readonly string[]) => paths.map((path) => `${ORIGIN}${path}`);
  const deployed = (uploadedAt: string, changedFeeds: readonly string[]): Deployment => ({ uploadedAt, changedFeeds });
  /** The topics the run scheduled at `time` sends, one request each. */
  const announced = async (manifest: SiteManifest, deployment: Deployment, time: number) => {
    const hub = recordingHub();
    await pingChangedFeeds(manifest, deployment, time, hub.client);
    expect(hub.requests).toHaveLength(new Set(hub.topics()).size);
    return hub.topics();
  };
  const CHANGED = ["/atom.xml", "/rss.xml"];

  it("of the feeds the deployment changed, in the two runs after the upload and in no other", async () => {
    // Production's timestamps carry microseconds.
    const deployment = deployed("2025-03-05T11:30:20.123456Z", CHANGED);
    expect(await announced(withHub, deployment, at("11:30:00"))).toEqual([]);
    expect(await announced(withHub, deployment, at("11:31:00"))).toEqual(topicsOf(CHANGED));
    expect(await announced(withHub, deployment, at("11:32:00"))).toEqual(topicsOf(CHANGED));
    expect(await announced(withHub, deployment, at("11:33:00"))).toEqual([]);
    expect(await announced(withHub, deployment, at("18:00:00"))).toEqual([]);
  });

  it("counting the runs from the upload's instant, so there are always exactly two", () => {
    const uploadedAt = at("11:30:00");
    const deployment = deployed(new Date(uploadedAt).toISOString(), CHANGED);
    expect(selectDeploymentFeeds(deployment, uploadedAt)).toEqual([]);
    expect(selectDeploymentFeeds(deployment, uploadedAt + 1)).toEqual(CHANGED);
    expect(selectDeploymentFeeds(deployment, uploadedAt + 2 * PING_INTERVAL_MS)).toEqual(CHANGED);
    expect(selectDeploymentFeeds(deployment, uploadedAt + 2 * PING_INTERVAL_MS + 1)).toEqual([]);
    expect(selectDeploymentFeeds(deployment, uploadedAt - PING_INTERVAL_MS)).toEqual([]);
  });

  it("of a feed on both lists once, with the ones the article's publication changed", async () => {
    // The second run after the upload is the one after the article's instant, 12:00:30.
    const deployment = deployed("2025-03-05T11:59:10Z", ["/rss.xml", "/tags/energy/rss.xml"]);
    expect(await announced(withHub, deployment, at("12:01:00"))).toEqual(
      topicsOf([...SITE_FEEDS, "/tags/energy/rss.xml"]),
    );
    expect(await announced(withHub, deployment, at("12:00:00"))).toEqual(
      topicsOf(["/rss.xml", "/tags/energy/rss.xml"]),
    );
  });

  it("of nothing more when the deployment changed no feed", async () => {
    const deployment = deployed("2025-03-05T11:59:10Z", []);
    expect(await announced(withHub, deployment, at("12:00:00"))).toEqual([]);
    expect(await announced(withHub, deployment, at("12:01:00"))).toEqual(topicsOf(SITE_FEEDS));
  });

  it("never without a hub, nor when the version's timestamp cannot be read", async () => {
    expect(await announced(withoutHub, deployed("2025-03-05T11:30:20Z", CHANGED), at("11:31:00"))).toEqual([]);
    expect(await announced(withHub, deployed("", CHANGED), at("11:31:00"))).toEqual([]);
    expect(await announced(withHub, deployed("yesterday", CHANGED), at("11:31:00"))).toEqual([]);
  });

  it("reading the upload time from the version metadata binding wrangler.toml declares", () => {
    // Locally, miniflare gives the binding a fresh id and the time it was set up.
    const { id, tag, timestamp } = env.CF_VERSION_METADATA;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof tag).toBe("string");
    expect(Date.parse(timestamp)).toBeLessThanOrEqual(Date.now());
  });
});

describe("which feeds a run announces", () => {
  const feed = (n: number): AssetFile => ({
    path: `/s/${n}`,
    contentType: "application/rss+xml; charset=utf-8",
    kind: "feed",
    etag: `"${n}"`,
    lastModifiedMs: 0,
    length: 1,
  });
  const page = (n: number): AssetFile => ({ ...feed(n), contentType: "text/html; charset=utf-8", kind: "index" });
  const state = (from: number, routes: Record<string, number>): PublicationState => ({
    from,
    pageCount: 1,
    completePages: 0,
    routes,
    previews: {},
  });
  const T = at("12:01:00");
  // files: 0-2 feeds of the first state, 3 the home page, 4-7 feeds and 8 the page of later states.
  const manifest: SiteManifest = {
    baseUrl: ORIGIN,
    files: [feed(0), feed(1), feed(2), page(3), feed(4), feed(5), feed(6), feed(7), page(8)],
    fixedRoutes: {},
    notFound: 3,
    pagesPerShard: 16,
    feedPagesPerShard: 1,
    websubHub: HUB,
    states: [
      state(EARLIEST, { "/rss.xml": 0, "/tags/energy/rss.xml": 1, "/tags/grid/rss.xml": 2, "/": 3 }),
      // Two publications in one minute: the run compares the state before it with the last.
      state(T - 40_000, { "/rss.xml": 4, "/tags/energy/rss.xml": 1, "/tags/grid/rss.xml": 2, "/": 8 }),
      state(T, {
        "/rss.xml": 5,
        "/tags/energy/rss.xml": 1,
        "/tags/grid/rss.xml": 6,
        "/tags/kyiv/rss.xml": 7,
        "/": 8,
      }),
    ],
  };

  it("exactly the feeds, site or topic, whose file differs from the state before the minute", () => {
    expect(feedsToPing(manifest, T)).toEqual(["/rss.xml", "/tags/grid/rss.xml", "/tags/kyiv/rss.xml"]);
  });

  it("a state that begins on a run's instant belongs to that run, not the next", () => {
    expect(feedsToPing(manifest, T + PING_INTERVAL_MS)).toEqual([]);
    expect(feedsToPing(manifest, T - 40_000)).toEqual(["/rss.xml"]);
    expect(feedsToPing(manifest, T - 40_001)).toEqual([]);
  });

  it("nothing when the states differ in no feed", () => {
    const pageOnly: SiteManifest = {
      ...manifest,
      states: [state(EARLIEST, { "/rss.xml": 0, "/": 3 }), state(T, { "/rss.xml": 0, "/": 8 })],
    };
    expect(feedsToPing(pageOnly, T)).toEqual([]);
  });
});

describe("a notification the hub does not take", () => {
  const TOPIC = `${ORIGIN}/rss.xml`;

  it("is tried again after 1, 2 and 4 s on a network error, a 5xx or a 429", async () => {
    const hub = recordingHub(["network error", 503, 429]);
    expect(await notifyHub(HUB, TOPIC, hub.client)).toEqual({ topic: TOPIC, ok: true, attempts: 4 });
    expect(hub.sleeps).toEqual([1000, 2000, 4000]);
    expect(hub.requests.map((r) => r.form)).toEqual(
      Array(4).fill([
        ["hub.mode", "publish"],
        ["hub.url", TOPIC],
      ]),
    );
    expect(hub.errors).toEqual([]);
  });

  it("is logged, naming the hub and the topic, when the last attempt fails too", async () => {
    const hub = recordingHub([500, 502, 503, 504]);
    expect(await notifyHub(HUB, TOPIC, hub.client)).toEqual({ topic: TOPIC, ok: false, attempts: 4 });
    expect(hub.sleeps).toEqual(RETRY_DELAYS_MS);
    expect(hub.errors).toHaveLength(1);
    expect(hub.errors[0]).toContain(HUB);
    expect(hub.errors[0]).toContain(TOPIC);
    expect(hub.errors[0]).toContain("HTTP 504 after 4 attempt(s)");
  });

  it("is not tried again when the hub refuses it (4xx)", async () => {
    const hub = recordingHub([400]);
    expect(await notifyHub(HUB, TOPIC, hub.client)).toEqual({ topic: TOPIC, ok: false, attempts: 1 });
    expect(hub.sleeps).toEqual([]);
    expect(hub.errors[0]).toContain("HTTP 400 after 1 attempt(s)");
  });
});
