// `npm run deploy`: checks BASE_URL, then runs `wrangler deploy`, whose build writes it into
// every link (the Worker reads no BASE_URL at run time).
// Usage: node scripts/deploy.ts --var BASE_URL:https://your.domain [other wrangler deploy options]
// (or BASE_URL in the environment). A missing, local, scheme-less or path-carrying BASE_URL
// stops here, before anything is built or uploaded; wrangler.toml's local default is never
// deployed. The build refuses a deploy that did not come through here (scripts/deploy-guard.ts).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { DEPLOY_MARKER } from "./deploy-guard.ts";
import { planDeploy } from "./deploy-plan.ts";

const plan = planDeploy(process.argv.slice(2), process.env);
if ("problem" in plan) {
  process.stderr.write(`${plan.problem}\n`);
  process.exit(1);
}
const wrangler = join(import.meta.dirname, "../node_modules/wrangler/bin/wrangler.js");
const run = spawnSync(process.execPath, [wrangler, ...plan.args], {
  stdio: "inherit",
  env: { ...process.env, [DEPLOY_MARKER]: plan.origin },
});
process.exit(run.status ?? 1);
