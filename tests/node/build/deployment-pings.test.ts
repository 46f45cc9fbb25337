import { spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deploymentPingsModule } from "../../../scripts/deployment-pings.ts";
import { findFreePort } from "../../../scripts/free-port.ts";
import { readGeneratedModule } from "../../../scripts/generated-module.ts";
import type { SiteManifest } from "../../../src/model/site-manifest.ts";
import { articleText, fileNameOf } from "../../support/articles.ts";
import { BUILD_CLOCK, fixedClockArgs, redirectedFetchArgs } from "../../support/build-fixtures.ts";
import { childEnv, makeProjectCopy, removeTempDirs } from "../../support/project-copy.ts";
import { TEST_SITE_CONFIG, testSiteConfigModule } from "../../support/test-site.ts";
import { type LiveSiteStandIn, startLiveSite } from "./live-site-stand-in.ts";

/** The public address the builds write; their requests to it reach a stand-in on 127.0.0.1. */
const ORIGIN = "https://news.example";
const HUB = "https://hub.example/";
const SITE_FEEDS = ["/atom.xml", "/feed.json", "/rss.xml"];
const topicFeeds = (tag: string) => SITE_FEEDS.map((path) => `/tags/${tag}${path}`);

/** Article n, tagged `tag`. */
const taggedArticle = (n: number, tag: string, title = `Article number ${n}`) =>
  articleText({
    title,
    date: `2025-03-0${n} 10:00:00`,
    fields: [`Tags: ${tag}`],
    abstract: `Summary of article ${n}.`,
    paragraphs: [`Body of article ${n}.`],
  });

/**
 * Runs the copy's real build at BUILD_CLOCK for `origin` as `wrangler <command>` runs it, its
 * requests for ORIGIN going to `liveOrigin`. Not spawnSync: the live site stand-in answers
 * from this process.
 */
function build(dir: string, command: string | undefined, liveOrigin: string, origin = ORIGIN) {
  const env = childEnv({
    BASE_URL: origin,
    ...(command === undefined ? {} : { WRANGLER_COMMAND: command }),
  });
  const child = spawn(
    process.execPath,
    [...fixedClockArgs(BUILD_CLOCK), ...redirectedFetchArgs(ORIGIN, liveOrigin), "scripts/build-articles.ts"],
    { cwd: dir, env },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (status) => resolve({ status, stdout, stderr })),
  );
}

describe("a build that wrangler uploads, on a site with a WebSub hub", () => {
  let dir = "";
  let live: LiveSiteStandIn | undefined;
  const read = (name: string) => readFileSync(join(dir, "src/generated", name), "utf8");
  const manifest = (): SiteManifest => readGeneratedModule(read("site-manifest.ts"));
  const webSubLines = (stdout: string) => stdout.split("\n").filter((line) => line.startsWith("WebSub:"));

  beforeAll(async () => {
    dir = makeProjectCopy("deployment-pings", 0);
    writeFileSync(join(dir, "src/site-config.ts"), testSiteConfigModule({ ...TEST_SITE_CONFIG, websubHub: HUB }));
    writeFileSync(join(dir, "articles", fileNameOf(1)), taggedArticle(1, "Energy"));
    writeFileSync(join(dir, "articles", fileNameOf(2)), taggedArticle(2, "Grid"));
    // What is deployed now: a plain build of the same articles.
    const previous = await build(dir, undefined, "http://127.0.0.1:9");
    expect(previous.status, previous.stderr).toBe(0);
    live = await startLiveSite(manifest(), BUILD_CLOCK);
  });
  afterAll(async () => {
    await live?.close();
    removeTempDirs();
  });

  it("writes exactly the feeds the live site serves with other bytes, and says how many", async () => {
    if (!live) throw new Error("no live site");
    // A new title for the Grid article: the site's feeds and Grid's change, Energy's do not.
    writeFileSync(join(dir, "articles", fileNameOf(2)), taggedArticle(2, "Grid", "A corrected title"));
    for (const command of ["deploy", "versions upload"]) {
      const seenBefore = live.seen.length;
      const run = await build(dir, command, live.origin);
      expect(run.status, run.stderr).toBe(0);
      const changed = [...SITE_FEEDS, ...topicFeeds("grid")].sort();
      expect(read("deployment-pings.ts")).toBe(deploymentPingsModule(changed));
      expect(webSubLines(run.stdout)).toEqual([
        `WebSub: 6 of 9 feed(s) differ from what ${ORIGIN} serves now; the Worker will notify ${HUB} of them in its first 2 scheduled runs after the upload: ${changed.join(" ")}`,
      ]);
      // Every feed in force was asked about with the new build's tags, the unchanged ones answered 304.
      const asked = live.seen.slice(seenBefore);
      expect(asked.map((request) => request.path).sort()).toEqual([...changed, ...topicFeeds("energy")].sort());
      expect(asked.filter((request) => request.status === 304).map((request) => request.path)).toEqual(
        expect.arrayContaining(topicFeeds("energy")),
      );
      expect(asked.filter((request) => request.status === 304)).toHaveLength(3);
    }
  });

  it("writes none once the live site serves this build, nor for a build that uploads nothing", async () => {
    if (!live) throw new Error("no live site");
    live.serve(manifest());
    const redeploy = await build(dir, "deploy", live.origin);
    expect(redeploy.status, redeploy.stderr).toBe(0);
    expect(read("deployment-pings.ts")).toBe(deploymentPingsModule([]));
    expect(webSubLines(redeploy.stdout)).toEqual([
      `WebSub: ${ORIGIN} already serves all 9 feed(s) as built, so ${HUB} will hear of none after the upload`,
    ]);

    // A local build after an uploading one that found changes: the list is emptied, and the live site is not asked.
    writeFileSync(join(dir, "src/generated/deployment-pings.ts"), deploymentPingsModule(["/rss.xml"]));
    const seenBefore = live.seen.length;
    for (const command of ["dev", undefined]) {
      const run = await build(dir, command, live.origin);
      expect(run.status, run.stderr).toBe(0);
      expect(read("deployment-pings.ts"), String(command)).toBe(deploymentPingsModule([]));
      expect(webSubLines(run.stdout), String(command)).toEqual([]);
    }
    expect(live.seen.length).toBe(seenBefore);
  });

  it("writes every feed in force when no site answers yet (a first deployment)", async () => {
    rmSync(join(dir, "src/generated/deployment-pings.ts"));
    const run = await build(dir, "deploy", `http://127.0.0.1:${await findFreePort()}`);
    expect(run.status, run.stderr).toBe(0);
    const every = [...SITE_FEEDS, ...topicFeeds("energy"), ...topicFeeds("grid")].sort();
    expect(read("deployment-pings.ts")).toBe(deploymentPingsModule(every));
    expect(webSubLines(run.stdout)).toHaveLength(1);
    expect(webSubLines(run.stdout)[0]).toContain("9 of 9 feed(s) differ");
  });
});
