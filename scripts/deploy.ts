// `npm run deploy`: checks BASE_URL, then runs `wrangler deploy`, whose build writes it into
// every link (the Worker reads no BASE_URL at run time).
// Usage: node scripts/deploy.ts --var BASE_URL:https://your.domain [other wrangler deploy options]
// (or BASE_URL in the environment). A missing, local, scheme-less or path-carrying BASE_URL
// stops here, before anything is built or uploaded; wrangler.toml's local default is never
// deployed. The build refuses a deploy that did not come through here (scripts/deploy-guard.ts).
// With a WebSub hub in src/site-config.ts (and no --dry-run), it then tells the hub which
// subscription feeds the deployment changed (docs/feeds.md#push-websub).
import { spawnSync } from "node:child_process";
import { DEPLOY_MARKER } from "./deploy-guard.ts";
import { feedsChangedByDeploy, notifyHubOfFeeds } from "./deploy-pings.ts";
import { planDeploy } from "./deploy-plan.ts";
import { WRANGLER_CLI } from "./runtime-binaries.ts";

const plan = planDeploy(process.argv.slice(2), process.env);
if ("problem" in plan) {
  process.stderr.write(`${plan.problem}\n`);
  process.exit(1);
}
// Asked before the upload, of the site as it still is; undefined when there is nothing to ask.
const changed = await feedsChangedByDeploy(plan);
const run = spawnSync(process.execPath, [WRANGLER_CLI, ...plan.args], {
  stdio: "inherit",
  env: { ...process.env, [DEPLOY_MARKER]: plan.origin },
});
if (run.status === 0 && changed) await notifyHubOfFeeds(plan.origin, changed);
process.exit(run.status ?? 1);
