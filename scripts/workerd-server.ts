// Runs a built Worker bundle in the workerd binary directly, with a generated Cap'n Proto
// config: no wrangler proxy and no Miniflare entry worker in front of it, as in production.
// The ASSETS binding is a Fetcher bound to a workerd `disk` service over the built folder
// (workerd.capnp, struct DiskDirectory): GET answers a file's bytes, a missing file is a 404,
// and it adds nothing else, like the asset server the Worker runs first in front of.

import { writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { findFreePort } from "./free-port.ts";
import { type Readiness, type RunningServer, startServer } from "./process-group.ts";
import { WORKERD_BINARY } from "./runtime-binaries.ts";

export interface WorkerdModule {
  readonly name: string;
  readonly path: string;
  /** An ES module (the default) or a text module (imported as a string). */
  readonly type?: "esModule" | "text";
}

export interface WorkerdOptions {
  readonly label: string;
  /** The port to serve on (127.0.0.1), if the Worker was built for it; a free one otherwise. */
  readonly port?: number;
  /** ES modules; the first is the main module. */
  readonly modules: readonly WorkerdModule[];
  readonly compatibilityDate: string;
  readonly dir: string;
  /** The folder the ASSETS binding serves, if the Worker has one. */
  readonly assetsDir?: string;
  readonly ready: Readiness;
  /** Also listen for the V8 inspector on this port (only to read heap usage). */
  readonly inspectorPort?: number;
  /**
   * Also serve, on a port of its own (`warmUpOrigin`), a Worker that answers from ASSETS
   * (when there are assets) or with "ok": a request there pays workerd's once-per-process
   * costs, the asset service's included, without running the Worker under test.
   */
  readonly warmUp?: boolean;
  readonly timeoutMs?: number;
  /** Show workerd's output (the Worker's uncaught errors, say) on this terminal, not in a log file beside the config. */
  readonly echo?: boolean;
}

export interface WorkerdServer extends RunningServer {
  readonly warmUpOrigin?: string;
}

/** A Worker that answers every request with "ok": the least a Worker can do. */
export const EMPTY_WORKER_SOURCE = 'export default { fetch() { return new Response("ok"); } };\n';

/** Passes each request on to its ASSETS binding, if it has one. */
const WARM_UP_WORKER_SOURCE =
  'export default { fetch(request, env) { return env.ASSETS ? env.ASSETS.fetch(request) : new Response("ok"); } };\n';

const capnpString = (text: string) => JSON.stringify(text);

export async function startWorkerd(options: WorkerdOptions): Promise<WorkerdServer> {
  const port = options.port ?? (await findFreePort());
  const warmUpPort = options.warmUp ? await findFreePort() : undefined;
  const modules = options.modules
    .map(
      (m) =>
        `(name = ${capnpString(m.name)}, ${m.type ?? "esModule"} = embed ${capnpString(relative(options.dir, m.path))})`,
    )
    .join(", ");
  // workerd reads a disk service's path relative to its working directory: absolute it is.
  const assets = options.assetsDir
    ? {
        service: `, (name = "assets", disk = (path = ${capnpString(resolve(options.assetsDir))}))`,
        binding: `(name = "ASSETS", service = "assets")`,
      }
    : { service: "", binding: "" };
  let warmUp = { service: "", socket: "" };
  if (warmUpPort !== undefined) {
    const warmUpScript = join(options.dir, "warm-up-worker.js");
    writeFileSync(warmUpScript, WARM_UP_WORKER_SOURCE);
    warmUp = {
      service: `, (name = "warm-up", worker = (modules = [(name = "warm-up-worker.js", esModule = embed ${capnpString(relative(options.dir, warmUpScript))})], bindings = [ ${assets.binding} ], compatibilityDate = ${capnpString(options.compatibilityDate)}))`,
      socket: `, (name = "warm-up", address = "127.0.0.1:${warmUpPort}", http = (), service = "warm-up")`,
    };
  }
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker)${assets.service}${warmUp.service} ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main")${warmUp.socket} ],
);
const worker :Workerd.Worker = (
  modules = [ ${modules} ],
  bindings = [ ${assets.binding} ],
  compatibilityDate = ${capnpString(options.compatibilityDate)},
);
`;
  // Cap'n Proto resolves embed paths relative to the config file, and only downwards or sideways.
  const configPath = join(options.dir, `${options.label.replace(/\W+/g, "-")}.capnp`);
  writeFileSync(configPath, config);
  const inspector = options.inspectorPort ? [`--inspector-addr=127.0.0.1:${options.inspectorPort}`] : [];
  const server = await startServer({
    label: options.label,
    command: WORKERD_BINARY,
    args: ["serve", ...inspector, configPath],
    ...(options.echo ? { echo: true } : { logFile: `${configPath}.log` }),
    origin: `http://127.0.0.1:${port}`,
    ready: options.ready,
    timeoutMs: options.timeoutMs ?? 300_000,
    // Polled often enough that start-up is read to a few ms.
    intervalMs: options.ready === "listening" ? 2 : 10,
  });
  return warmUpPort === undefined ? server : { ...server, warmUpOrigin: `http://127.0.0.1:${warmUpPort}` };
}

/** V8 heap in use by the Worker's isolate, read through the inspector (CDP Runtime.getHeapUsage). */
export async function readIsolateHeapBytes(inspectorPort: number): Promise<number> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const target = targets[0];
  if (!target) throw new Error(`workerd inspector on port ${inspectorPort} lists no isolate`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error("workerd inspector did not answer Runtime.getHeapUsage"));
    }, 10_000);
    socket.onerror = () => reject(new Error("cannot connect to the workerd inspector"));
    socket.onopen = () => {
      socket.send(JSON.stringify({ id: 1, method: "HeapProfiler.collectGarbage" }));
      socket.send(JSON.stringify({ id: 2, method: "Runtime.getHeapUsage" }));
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: { usedSize: number } };
      if (message.id !== 2 || !message.result) return;
      clearTimeout(timer);
      socket.close();
      resolve(message.result.usedSize);
    };
  });
}
