// Where this build's links point. The site's public address is set once, as BASE_URL under
// [vars] in wrangler.toml, where a Workers project keeps its settings; a BASE_URL variable in the
// build's environment wins (what a git-connected Cloudflare build sets as a build variable).
// Wrangler hands its custom build only WRANGLER_COMMAND, so the build reads the file itself.
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { type BaseUrlCheck, checkBaseUrl } from "../src/load/base-url.ts";

export const WRANGLER_CONFIG_FILE = "wrangler.toml";

/** Where `npm start` serves by default: the address of a local build when none is configured. */
export const LOCAL_BASE_URL = "http://127.0.0.1:8787";

/** What a user writes to set the address, in one line. */
export const HOW_TO_SET = `set BASE_URL = "https://your.domain" under [vars] in ${WRANGLER_CONFIG_FILE}, or a BASE_URL build variable`;

/**
 * The wrangler commands whose custom build is uploaded: wrangler passes the command to the
 * build as WRANGLER_COMMAND ("deploy", "versions upload"; "dev" and "types" build locally).
 */
const UPLOADING_COMMANDS: ReadonlySet<string> = new Set(["deploy", "versions upload"]);

type Env = Readonly<Record<string, string | undefined>>;

/** The wrangler command whose upload this build is for, or undefined for a local build. */
export function uploadingCommand(env: Env): string | undefined {
  const command = env.WRANGLER_COMMAND ?? "";
  return UPLOADING_COMMANDS.has(command) ? command : undefined;
}

/**
 * BASE_URL under [vars] in the text of wrangler.toml, or under [env.<name>.vars] for the
 * environment `name` (wrangler does not inherit vars into environments); undefined when unset.
 */
export function configuredBaseUrl(toml: string, name?: string): string | undefined {
  const config: unknown = parse(toml);
  const table = name === undefined ? config : field(field(config, "env"), name);
  const value = field(field(table, "vars"), "BASE_URL");
  return typeof value === "string" ? value : undefined;
}

function field(table: unknown, key: string): unknown {
  return typeof table === "object" && table !== null && key in table
    ? (table as Record<string, unknown>)[key]
    : undefined;
}

/** The address as configured: the environment's BASE_URL, else wrangler.toml's, with where it came from. */
export function readBaseUrlSetting(env: Env, configFile = WRANGLER_CONFIG_FILE) {
  if (env.BASE_URL) return { value: env.BASE_URL, from: "the environment" };
  // Wrangler's own way to name an environment that its custom build can see (--env it keeps).
  const name = env.CLOUDFLARE_ENV || undefined;
  const value = configuredBaseUrl(readFileSync(configFile, "utf8"), name);
  return { value: value || undefined, from: `[${name === undefined ? "" : `env.${name}.`}vars] in ${configFile}` };
}

/**
 * The origin every link of this build starts with, or why there is none. A build for upload
 * needs a public address and refuses a missing, local or malformed one, before anything is
 * built; a local build falls back to where `npm start` serves (`wrangler dev` serves each
 * request's links at its own address anyway, see src/serve/links-to-request-origin.ts).
 */
export function baseUrlForBuild(env: Env, setting: { readonly value?: string; readonly from: string }): BaseUrlCheck {
  const command = uploadingCommand(env);
  if (command === undefined) {
    if (setting.value === undefined) return { origin: LOCAL_BASE_URL };
    const checked = checkBaseUrl(setting.value);
    return "problem" in checked ? { problem: `${checked.problem} (BASE_URL from ${setting.from})` } : checked;
  }
  const checked = checkBaseUrl(setting.value, { forDeploy: true });
  if (!("problem" in checked)) return checked;
  const what =
    setting.value === undefined
      ? "the site's public address is not set, so its links would point nowhere"
      : `${checked.problem} (BASE_URL from ${setting.from})`;
  return { problem: `wrangler ${command}: ${what}\nnothing was built or uploaded; ${HOW_TO_SET}` };
}
