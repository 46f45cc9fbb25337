import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { parse } from "smol-toml";
import { findFreePort } from "../../scripts/free-port.ts";
import { WRANGLER_CLI } from "../../scripts/runtime-binaries.ts";
import { startWorkerd } from "../../scripts/workerd-server.ts";
import { copyProject } from "./project-copy.ts";

export interface BuiltWorker {
  readonly origin: string;
  readonly port: number;
  /** The process whose workerd descendants (or itself) are the runtime. */
  readonly runtimePid: number;
  stop(): Promise<void>;
}

/**
 * - "workerd": the bundle alone in workerd, its socket serving the Worker directly, as the
 *   runtime runs it in production (run_worker_first); ASSETS is workerd's own disk service
 *   over the built folder, standing in for the asset server, a plain byte store here.
 * - "miniflare": the same bundle behind Miniflare's entry worker, router and asset worker,
 *   configured from wrangler.toml's [assets] as `wrangler dev` does.
 */
export type Runtime = "workerd" | "miniflare";

/** What the bundle needs to be served: its folder, the assets folder and wrangler.toml's settings. */
interface Bundle {
  readonly outDir: string;
  readonly assetsDir: string;
  readonly compatibilityDate: string;
  /** [assets] html_handling and not_found_handling, for the asset worker. */
  readonly htmlHandling: string;
  readonly notFoundHandling: string;
}

/**
 * The Worker exactly as it deploys: in a private copy of the project (so the checkout's
 * dist/site/ and src/generated/ stay as they are), `wrangler deploy --dry-run` builds the
 * articles into the assets folder and bundles, then the bundle is served on 127.0.0.1.
 */
export async function startBuiltWorker(runtime: Runtime = "workerd"): Promise<BuiltWorker> {
  const copy = copyProject("built-worker");
  try {
    const port = await findFreePort();
    const bundle = buildBundle(copy.dir, `http://127.0.0.1:${port}`);
    const serve = runtime === "workerd" ? serveWithWorkerd : serveWithMiniflare;
    const server = await serve(bundle, port);
    return {
      origin: `http://127.0.0.1:${port}`,
      port,
      runtimePid: server.pid,
      async stop() {
        await server.stop();
        copy.remove();
      },
    };
  } catch (error) {
    copy.remove();
    throw error;
  }
}

function buildBundle(projectDir: string, origin: string): Bundle {
  const outDir = join(projectDir, "dist", "bundle");
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };
  // Built as a local build linking to where it will be served: a deploy refuses a loopback
  // address. Wrangler then only bundles it, as `wrangler deploy` bundles what its build wrote.
  const build = spawnSync(process.execPath, ["scripts/build-articles.ts"], {
    cwd: projectDir,
    encoding: "utf8",
    env: { ...env, BASE_URL: origin },
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  const config = readFileSync(join(projectDir, "wrangler.toml"), "utf8");
  writeFileSync(join(projectDir, "wrangler.toml"), config.replace(/^\[build\]\n(?:[^[#\n].*\n)*/m, ""));
  const bundle = spawnSync(process.execPath, [WRANGLER_CLI, "deploy", "--dry-run", "--outdir", outDir], {
    cwd: projectDir,
    encoding: "utf8",
    env,
  });
  if (bundle.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${bundle.stdout}\n${bundle.stderr}`);
  const parsed = parse(config) as Record<string, unknown>;
  const assets = (parsed.assets ?? {}) as Record<string, unknown>;
  const setting = (table: Record<string, unknown>, name: string) => {
    const value = table[name];
    if (typeof value !== "string") throw new Error(`wrangler.toml: no ${name}`);
    return value;
  };
  return {
    outDir,
    assetsDir: join(projectDir, setting(assets, "directory")),
    compatibilityDate: setting(parsed, "compatibility_date"),
    htmlHandling: setting(assets, "html_handling"),
    notFoundHandling: setting(assets, "not_found_handling"),
  };
}

interface Server {
  readonly pid: number;
  stop(): Promise<void>;
}

/** The bundle in workerd itself, with the assets folder as a read-only disk service (scripts/workerd-server.ts). */
async function serveWithWorkerd({ outDir, assetsDir, compatibilityDate }: Bundle, port: number): Promise<Server> {
  return startWorkerd({
    label: "workerd",
    port,
    modules: [{ name: "index.js", path: join(outDir, "index.js") }],
    compatibilityDate,
    dir: outDir,
    assetsDir,
    ready: { path: "/" },
    timeoutMs: 30_000,
    echo: true,
  });
}

async function serveWithMiniflare(bundle: Bundle, port: number): Promise<Server> {
  // Miniflare 5 takes each Worker's settings in its own config; wrangler (and the vitest pool)
  // still write the v4 options below and convert them, so this does too.
  const options = convertV4MiniflareOptions({
    // The bundle as one module, as wrangler hands it over: bare imports such as "stream"
    // (from feed's dependencies) are left to workerd, not resolved on disk by Miniflare.
    modules: [{ type: "ESModule", path: join(bundle.outDir, "index.js") }],
    modulesRoot: bundle.outDir,
    compatibilityDate: bundle.compatibilityDate,
    host: "127.0.0.1",
    port,
    // wrangler.toml's [assets] (binding ASSETS, run_worker_first), as `wrangler dev` hands it over.
    assets: {
      directory: bundle.assetsDir,
      binding: "ASSETS",
      routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
      assetConfig: {
        html_handling: bundle.htmlHandling as "none",
        not_found_handling: bundle.notFoundHandling as "none",
      },
    },
  });
  const miniflare = new Miniflare(options);
  await miniflare.ready;
  return { pid: process.pid, stop: () => miniflare.dispose() };
}
