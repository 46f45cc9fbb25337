import { env } from "cloudflare:workers";
import { createApp } from "./app.ts";
import { builtForWranglerDev } from "./generated/build-kind.ts";
import { feedsChangedByDeployment } from "./generated/deployment-pings.ts";
import { manifest } from "./generated/site-manifest.ts";
import { pingChangedFeeds } from "./push/ping-changed-feeds.ts";
import { withLinksToRequestOrigin } from "./serve/links-to-request-origin.ts";

// Built while the script is evaluated, before any request: a request then only runs its route.
const app = createApp({ manifest, assets: env.ASSETS });
// Hono compiles its route matcher on the first match; do that now too, not on a reader's request.
app.router.match("GET", "/");

export default {
  // Under `wrangler dev` every link leads back to wherever it serves; deployed, links are as built.
  fetch: builtForWranglerDev ? withLinksToRequestOrigin(app.fetch, manifest.baseUrl) : app.fetch,
  // The cron of wrangler.toml: tell the WebSub hub about feeds a publication just changed, and,
  // right after this version was uploaded, the feeds its deployment changed.
  scheduled(controller, env, ctx) {
    const deployment = { uploadedAt: env.CF_VERSION_METADATA.timestamp, changedFeeds: feedsChangedByDeployment };
    ctx.waitUntil(pingChangedFeeds(manifest, deployment, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;
