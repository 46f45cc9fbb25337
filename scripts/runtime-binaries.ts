// Where the wrangler CLI and the workerd binary are, found the way Node finds the packages
// (their package.json and workerd's own API) rather than by a path into node_modules, so
// every suite, the benchmarks and the deploy script run the one workerd `wrangler dev` runs.
// package.json's overrides give @cloudflare/vitest-plugin the same wrangler and miniflare,
// so `npm ls workerd` lists a single version.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const fromProject = createRequire(import.meta.url);
const wranglerManifest = fromProject.resolve("wrangler/package.json");

/** wrangler's CLI script (package.json `bin.wrangler`), to run with `process.execPath`. */
export const WRANGLER_CLI = join(
  dirname(wranglerManifest),
  (JSON.parse(readFileSync(wranglerManifest, "utf8")) as { bin: { wrangler: string } }).bin.wrangler,
);

/**
 * The platform's workerd executable, as the workerd package exports it, resolved from wrangler
 * so it is the build wrangler itself runs (the package's `bin` is a Node launcher, not the binary
 * a process listing names `workerd`).
 */
export const WORKERD_BINARY = (createRequire(wranglerManifest)("workerd") as { default: string }).default;
