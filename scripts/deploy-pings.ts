// The deploy script's WebSub step (scripts/deploy.ts): before the upload, which subscription
// feeds the new build serves differently from the live site; after it, a notification to the
// hub for each of those, and none when there are none.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { notifyHub } from "../src/push/notify-hub.ts";
import { siteConfig } from "../src/site-config.ts";
import { DEPLOY_MARKER } from "./deploy-guard.ts";
import { readGeneratedModule } from "./generated-module.ts";
import { builtFeedsAt, feedsChangedOnLiveSite } from "./live-feeds.ts";

const MANIFEST_FILE = "src/generated/site-manifest.ts";

/** What the hub is to hear about once the deployment is live. */
export interface ChangedFeeds {
  readonly hub: string;
  readonly paths: readonly string[];
}

/**
 * With a hub configured and a real deployment (not --dry-run): builds what `wrangler deploy`
 * will build (the same sources and BASE_URL give the same bytes, and wrangler's own build then
 * finds every file written), and asks the live site which of the feeds in force now it does
 * not serve with those bytes. Undefined without a hub or for a dry run; exits if the build fails.
 */
export async function feedsChangedByDeploy(plan: {
  readonly args: readonly string[];
  readonly origin: string;
}): Promise<ChangedFeeds | undefined> {
  const hub = siteConfig.websubHub;
  const dryRun = plan.args.some((arg) => arg === "--dry-run" || arg.startsWith("--dry-run="));
  if (hub === undefined || dryRun) return undefined;
  const { WRANGLER_COMMAND: _, [DEPLOY_MARKER]: __, ...env } = process.env;
  const build = spawnSync(process.execPath, [join(import.meta.dirname, "build-articles.ts")], {
    stdio: "inherit",
    env: { ...env, BASE_URL: plan.origin },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const manifest = readGeneratedModule(readFileSync(MANIFEST_FILE, "utf8"));
  const feeds = builtFeedsAt(manifest, Date.now());
  return { hub, paths: await feedsChangedOnLiveSite(plan.origin, feeds, fetch) };
}

/** One publish notification per changed feed, each retried as the Worker's are; failures logged. */
export async function notifyHubOfFeeds(origin: string, { hub, paths }: ChangedFeeds): Promise<void> {
  if (paths.length === 0) {
    process.stdout.write(`WebSub: no subscription feed changed, so ${hub} was not notified\n`);
    return;
  }
  const outcomes = await Promise.all(paths.map((path) => notifyHub(hub, `${origin}${path}`)));
  const notified = outcomes.filter((outcome) => outcome.ok).map((outcome) => outcome.topic);
  process.stdout.write(
    `WebSub: notified ${hub} of ${notified.length} of ${paths.length} changed feed(s)${notified.length ? `: ${notified.join(" ")}` : ""}\n`,
  );
}
