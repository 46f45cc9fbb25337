import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Miniflare } from "miniflare";
import { DEPLOY_MARKER } from "../../scripts/deploy-guard.ts";
import { findFreePort } from "../support/free-port.ts";
import { stopGroup } from "./process-tree.ts";

const ROOT = resolve(import.meta.dirname, "../..");

export interface BuiltWorker {
  readonly origin: string;
  readonly port: number;
  /** The process whose workerd descendants (or itself) are the runtime. */
  readonly runtimePid: number;
  stop(): Promise<void>;
}

/**
 * - "workerd": the bundle alone in workerd, its socket serving the Worker directly, as the
 *   runtime runs it in production.
 * - "miniflare": the same bundle behind Miniflare's entry worker, as `wrangler dev` serves it.
 */
export type Runtime = "workerd" | "miniflare";

const WRANGLERS_WORKERD = "node_modules/wrangler/node_modules/@cloudflare/workerd-linux-64/bin/workerd";

/**
 * The Worker exactly as it deploys: `wrangler deploy --dry-run` builds the articles and
 * bundles, then the bundle is served on 127.0.0.1.
 */
export async function startBuiltWorker(runtime: Runtime = "workerd"): Promise<BuiltWorker> {
  const outDir = mkdtempSync(join(tmpdir(), "feed-publisher-bundle-"));
  const port = await findFreePort();
  const bundle = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outDir],
    // The build takes a deploy's BASE_URL from the deploy script's mark (scripts/deploy-guard.ts);
    // a dry run served on 127.0.0.1 is no deploy, and links to where it will be served.
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", [DEPLOY_MARKER]: `http://127.0.0.1:${port}` },
    },
  );
  if (bundle.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`wrangler deploy --dry-run failed:\n${bundle.stdout}\n${bundle.stderr}`);
  }
  const compatibilityDate =
    /^compatibility_date = "([^"]+)"/m.exec(readFileSync(join(ROOT, "wrangler.toml"), "utf8"))?.[1] ?? "2026-07-30";
  const serve = runtime === "workerd" ? serveWithWorkerd : serveWithMiniflare;
  const server = await serve(outDir, compatibilityDate, port).catch((error: unknown) => {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    runtimePid: server.pid,
    async stop() {
      await server.stop();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

interface Server {
  readonly pid: number;
  stop(): Promise<void>;
}

/** workerd's own config format (workerd/workerd.capnp): one socket straight to the Worker. */
async function serveWithWorkerd(outDir: string, compatibilityDate: string, port: number): Promise<Server> {
  writeFileSync(
    join(outDir, "workerd.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "index.js", esModule = embed "index.js")],
  compatibilityDate = "${compatibilityDate}",
);
`,
  );
  const child = spawn(join(ROOT, WRANGLERS_WORKERD), ["serve", join(outDir, "workerd.capnp")], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("workerd did not start");
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (up) return { pid, stop: () => stopGroup(pid) };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await stopGroup(pid);
  throw new Error("workerd did not answer within 30 s");
}

async function serveWithMiniflare(outDir: string, compatibilityDate: string, port: number): Promise<Server> {
  const miniflare = new Miniflare({
    // The bundle as one module, as wrangler hands it over: bare imports such as "stream"
    // (from feed's dependencies) are left to workerd, not resolved on disk by Miniflare.
    modules: [{ type: "ESModule", path: join(outDir, "index.js") }],
    modulesRoot: outDir,
    compatibilityDate,
    host: "127.0.0.1",
    port,
  });
  await miniflare.ready;
  return { pid: process.pid, stop: () => miniflare.dispose() };
}
