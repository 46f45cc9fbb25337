import { checkBaseUrl } from "../src/load/base-url.ts";
import { DEPLOY_COMMAND } from "./deploy-guard.ts";

/** The `wrangler deploy` arguments to run and the checked BASE_URL origin; or why not to deploy. */
export type DeployPlan = { readonly args: string[]; readonly origin: string } | { readonly problem: string };

/**
 * Takes BASE_URL out of the arguments (`--var BASE_URL:…`, `--var=BASE_URL:…`, or among several
 * `--var` values) or else the BASE_URL environment variable, checks it for a deployment, and
 * returns the other arguments and its origin, which the build writes into every link.
 */
export function planDeploy(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): DeployPlan {
  const args: string[] = [];
  let fromArgs: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg !== "--var" && !arg.startsWith("--var=")) {
      args.push(arg);
      continue;
    }
    // wrangler's --var takes one or more KEY:VALUE words (yargs array option).
    const values = arg === "--var" ? [] : [arg.slice("--var=".length)];
    while (arg === "--var" && i + 1 < argv.length && !(argv[i + 1] ?? "").startsWith("-")) values.push(argv[++i] ?? "");
    const others = values.filter((value) => !value.startsWith("BASE_URL:"));
    for (const value of values) if (value.startsWith("BASE_URL:")) fromArgs = value.slice("BASE_URL:".length);
    if (others.length > 0) args.push("--var", ...others);
  }
  const setting = fromArgs ?? env.BASE_URL;
  const checked = checkBaseUrl(setting, { forDeploy: true });
  if ("problem" in checked) return { problem: `${checked.problem}\nnothing was deployed; run: ${DEPLOY_COMMAND}` };
  return { args: ["deploy", ...args], origin: checked.origin };
}
