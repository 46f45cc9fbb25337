import type { SiteManifest } from "../model/site-manifest.ts";
import { feedsToPing } from "./changed-feeds.ts";
import { defaultHubClient, type HubClient, notifyHub, type PingOutcome } from "./notify-hub.ts";

/**
 * The Worker's scheduled run at `scheduledTime`: notifies the site's hub of every feed a
 * publication since the previous run changed, one request per topic, all at once. Nothing
 * without a hub or without such a publication.
 */
export async function pingChangedFeeds(
  manifest: SiteManifest,
  scheduledTime: number,
  client: HubClient = defaultHubClient,
): Promise<PingOutcome[]> {
  const hub = manifest.websubHub;
  if (hub === undefined) return [];
  const paths = feedsToPing(manifest, scheduledTime);
  return Promise.all(paths.map((path) => notifyHub(hub, `${manifest.baseUrl}${path}`, client)));
}
