// Where this build's links point. Shared by scripts/deploy.ts, which checks BASE_URL for a
// deployment and hands it on, and the build, which wrangler runs for every deploy and which
// refuses one that did not come through the deploy script.
import { checkBaseUrl } from "../src/load/base-url.ts";

/** Set by scripts/deploy.ts to the BASE_URL origin it checked for a deployment. */
export const DEPLOY_MARKER = "FEED_PUBLISHER_DEPLOY_BASE_URL";

/** What to run instead, in one line. */
export const DEPLOY_COMMAND = "npm run deploy -- --var BASE_URL:https://your.domain";

/** `npm start` serves here, so a local build's links work without any setting. */
export const LOCAL_BASE_URL = "http://127.0.0.1:8787";

/**
 * The wrangler commands whose custom build uploads the result: wrangler passes the command
 * to the build as WRANGLER_COMMAND ("deploy" for `wrangler deploy`, "versions upload" for
 * `wrangler versions upload`; "dev" and "types" only build locally).
 */
const UPLOADING_COMMANDS = new Set(["deploy", "versions upload"]);

/**
 * The origin every link of this build starts with, or why there is none. A build for upload
 * takes the one the deploy script checked; any other build takes BASE_URL from the
 * environment, or the address `npm start` serves at.
 */
export function baseUrlForBuild(
  env: Readonly<Record<string, string | undefined>>,
): { readonly origin: string } | { readonly problem: string } {
  if (UPLOADING_COMMANDS.has(env.WRANGLER_COMMAND ?? "")) {
    const checked = env[DEPLOY_MARKER];
    if (!checked) {
      return {
        problem: `wrangler ${env.WRANGLER_COMMAND} was started directly, so BASE_URL was not checked and nothing was built; deploy with: ${DEPLOY_COMMAND}`,
      };
    }
    return checkBaseUrl(checked);
  }
  return checkBaseUrl(env.BASE_URL || LOCAL_BASE_URL);
}
