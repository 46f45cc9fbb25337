import type { SiteManifest } from "../model/site-manifest.ts";
import { feedsToPing } from "./changed-feeds.ts";
import { defaultHubClient, type HubClient, notifyHub, type PingOutcome } from "./notify-hub.ts";
import { type Deployment, selectDeploymentFeeds } from "./select-deployment-feeds.ts";

/**
 * The Worker's scheduled run at `scheduledTime`: notifies the site's hub of every feed a
 * publication since the previous run changed, and, in the first runs after this version's
 * upload, of every feed its deployment changed; one request per topic, all at once, so a feed
 * on both lists is announced once. Nothing without a hub or without such a change.
 */
export async function pingChangedFeeds(
  manifest: SiteManifest,
  deployment: Deployment,
  scheduledTime: number,
  client: HubClient = defaultHubClient,
): Promise<PingOutcome[]> {
  const hub = manifest.websubHub;
  if (hub === undefined) return [];
  const paths = new Set([...feedsToPing(manifest, scheduledTime), ...selectDeploymentFeeds(deployment, scheduledTime)]);
  return Promise.all([...paths].sort().map((path) => notifyHub(hub, `${manifest.baseUrl}${path}`, client)));
}
