// Runs a built Worker bundle in the workerd binary directly, with a generated Cap'n Proto
// config: no wrangler proxy and no Miniflare entry worker in front of it, as in production.

import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { findFreePort } from "../tests/support/free-port.ts";
import { type RunningServer, spawnServer } from "./spawn-server.ts";

/** The workerd that wrangler itself bundles and runs, so its compatibility dates agree. */
export function resolveWorkerdBinary(): string {
  const fromWrangler = createRequire(createRequire(import.meta.url).resolve("wrangler/package.json"));
  return (fromWrangler("workerd") as { default: string }).default;
}

export interface WorkerdModule {
  readonly name: string;
  readonly path: string;
  /** An ES module (the default) or a text module (imported as a string). */
  readonly type?: "esModule" | "text";
}

export interface WorkerdOptions {
  readonly label: string;
  /** ES modules; the first is the main module. */
  readonly modules: readonly WorkerdModule[];
  readonly compatibilityDate: string;
  readonly dir: string;
  readonly readyPath: string;
  readonly readyStatus?: number;
  /** Also listen for the V8 inspector on this port (only to read heap usage). */
  readonly inspectorPort?: number;
  /** How long to wait for the first answer; a script of hundreds of MB loads slowly. */
  readonly timeoutMs?: number;
}

function toCapnpString(text: string): string {
  return JSON.stringify(text);
}

export async function startWorkerd(options: WorkerdOptions): Promise<RunningServer> {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const modules = options.modules
    .map(
      (m) =>
        `(name = ${toCapnpString(m.name)}, ${m.type ?? "esModule"} = embed ${toCapnpString(relative(options.dir, m.path))})`,
    )
    .join(", ");
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ ${modules} ],
  compatibilityDate = ${toCapnpString(options.compatibilityDate)},
);
`;
  // Cap'n Proto resolves embed paths relative to the config file, and only downwards or sideways.
  const configPath = join(options.dir, `${options.label.replace(/\W+/g, "-")}.capnp`);
  writeFileSync(configPath, config);
  const inspector = options.inspectorPort ? [`--inspector-addr=127.0.0.1:${options.inspectorPort}`] : [];
  return spawnServer({
    label: options.label,
    command: resolveWorkerdBinary(),
    args: ["serve", ...inspector, configPath],
    logFile: `${configPath}.log`,
    origin,
    readyPath: options.readyPath,
    readyStatus: options.readyStatus,
    timeoutMs: options.timeoutMs ?? 300_000,
  });
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
