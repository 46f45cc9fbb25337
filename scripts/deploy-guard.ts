// Shared by scripts/deploy.ts, which sets the marker, and the build, which wrangler runs for
// every deploy and which refuses one that did not come through the deploy script.

/** Set by scripts/deploy.ts to the BASE_URL origin it checked. */
export const DEPLOY_MARKER = "FEED_PUBLISHER_DEPLOY_BASE_URL";

/** What to run instead, in one line. */
export const DEPLOY_COMMAND = "npm run deploy -- --var BASE_URL:https://your.domain";

/**
 * The wrangler commands whose custom build uploads the result: wrangler passes the command
 * to the build as WRANGLER_COMMAND ("deploy" for `wrangler deploy`, "versions upload" for
 * `wrangler versions upload`; "dev" and "types" only build locally).
 */
const UPLOADING_COMMANDS = new Set(["deploy", "versions upload"]);

/** Why this build must not run, or undefined when it may. */
export function refuseUncheckedDeploy(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (!UPLOADING_COMMANDS.has(env.WRANGLER_COMMAND ?? "")) return undefined;
  if (env[DEPLOY_MARKER]) return undefined;
  return `wrangler ${env.WRANGLER_COMMAND} was started directly, so BASE_URL was not checked and nothing was built; deploy with: ${DEPLOY_COMMAND}`;
}
