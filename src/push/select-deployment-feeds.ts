import { PING_INTERVAL_MS } from "./ping-schedule.ts";

/** What the running version knows of its own deployment. */
export interface Deployment {
  /**
   * When the running version was uploaded: its version metadata's `timestamp` (ISO 8601).
   * For `wrangler deploy` and a git-connected build this is also when it went live.
   */
  readonly uploadedAt: string;
  /**
   * The feed paths the uploading build found the live site serving with other bytes
   * (scripts/deployment-pings.ts): the topics this deployment changed. Empty for every build
   * that uploads nothing.
   */
  readonly changedFeeds: readonly string[];
}

/**
 * How many scheduled runs after a version's upload announce the feeds its deployment changed.
 * A new version takes some seconds to be live everywhere, so the first run after the upload
 * may still be the old version's, and a hub answering that run's notification may still fetch
 * the old bytes. The second run begins at least one interval after the upload, when the new
 * version serves every request. A second notification of a feed that did change costs the hub
 * one fetch; a missing one leaves subscribers behind until they poll.
 */
export const DEPLOYMENT_RUNS = 2;

/**
 * The feeds the run scheduled at `scheduledTime` announces because the running version's
 * deployment changed them: all of them in the first DEPLOYMENT_RUNS runs after the upload,
 * that is when the upload falls in [scheduledTime − DEPLOYMENT_RUNS intervals, scheduledTime),
 * and none in any other run. Stateless, like the scheduled publications' pings: the version's
 * own upload time is the only record. An unreadable timestamp announces nothing rather than
 * the same feeds in every run.
 */
export function selectDeploymentFeeds(
  deployment: Deployment,
  scheduledTime: number,
  intervalMs = PING_INTERVAL_MS,
): readonly string[] {
  const sinceUpload = scheduledTime - Date.parse(deployment.uploadedAt);
  return sinceUpload > 0 && sinceUpload <= DEPLOYMENT_RUNS * intervalMs ? deployment.changedFeeds : [];
}
