import { type SiteManifest, stateIndexAt } from "../model/site-manifest.ts";
import { PING_INTERVAL_MS } from "./ping-schedule.ts";

/**
 * The feed paths whose bytes differ between the state in force at `from` and the one in force
 * at `to`, sorted: the topics (W3C WebSub §6) a hub must hear about. None when no state began
 * in (from, to]. A path is a feed when its file is of kind "feed": the site's feeds and every
 * topic's alike.
 */
export function feedsChangedBetween(manifest: SiteManifest, from: number, to: number): string[] {
  const before = manifest.states[stateIndexAt(manifest.states, from)];
  const now = manifest.states[stateIndexAt(manifest.states, to)];
  if (before === undefined || now === undefined || before === now) return [];
  return Object.entries(now.routes)
    .filter(([path, file]) => manifest.files[file]?.kind === "feed" && before.routes[path] !== file)
    .map(([path]) => path)
    .sort();
}

/**
 * The feeds the run scheduled at `scheduledTime` notifies the hub of: those changed by a state
 * that began since the previous run, one interval earlier. Stateless, so a run needs no record
 * of the last; a run that never happened leaves its publications unannounced (readers that
 * poll still see them).
 */
export function feedsToPing(manifest: SiteManifest, scheduledTime: number, intervalMs = PING_INTERVAL_MS): string[] {
  return feedsChangedBetween(manifest, scheduledTime - intervalMs, scheduledTime);
}
