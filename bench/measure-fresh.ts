// Fresh isolates: start-up to first response against an empty Worker started alternately in
// the same minutes, the CPU of each route's first request in its own new isolate, and the
// isolate heap once every route has been answered.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findFreePort } from "../tests/support/free-port.ts";
import { readTreeCpuNanoseconds } from "../tests/support/process-tree.ts";
import type { WorkerBuild } from "./build-worker.ts";
import type { Route } from "./results.ts";
import { readIsolateHeapBytes, startWorkerd } from "./workerd-server.ts";

/** A path no route serves: answering it loads the script without rendering any body. */
const UNSERVED = "/bench-not-found";

export interface FreshResult {
  /** Spawn to first response, ours and the empty Worker's, one pair per route, alternating. */
  readonly startupMs: readonly number[];
  readonly emptyStartupMs: readonly number[];
  /** workerd's CPU (ms, all threads) for the first request of each route, each in a new isolate. */
  readonly firstRequestMs: ReadonlyMap<string, number>;
  /** The same for the empty Worker's first request after its readiness probe: workerd's share. */
  readonly emptyFirstRequestMs: readonly number[];
  /** V8 heap in use after answering every route once (bodies kept, as the Worker does). */
  readonly heapBytes: number;
}

function writeEmptyWorker(dir: string): string {
  const script = join(dir, "empty-worker.js");
  writeFileSync(script, 'export default { fetch() { return new Response("ok"); } };\n');
  return script;
}

async function timeRequest(pid: number, url: string): Promise<number> {
  const before = readTreeCpuNanoseconds(pid);
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: answered ${response.status}; expected 200`);
  return (readTreeCpuNanoseconds(pid) - before) / 1e6;
}

export async function measureFresh(build: WorkerBuild, routes: readonly Route[], dir: string): Promise<FreshResult> {
  mkdirSync(dir, { recursive: true });
  const empty = writeEmptyWorker(dir);
  const modules = [{ name: "index.js", path: build.scriptPath }];
  const startupMs: number[] = [];
  const emptyStartupMs: number[] = [];
  const emptyFirstRequestMs: number[] = [];
  const firstRequestMs = new Map<string, number>();
  for (const [i, route] of routes.entries()) {
    // Alternate which starts first, so neither always meets a busier moment of the machine.
    const order = i % 2 === 0 ? (["empty", "ours"] as const) : (["ours", "empty"] as const);
    for (const which of order) {
      if (which === "empty") {
        const server = await startWorkerd({
          label: "workerd-empty",
          modules: [{ name: "empty-worker.js", path: empty }],
          compatibilityDate: build.compatibilityDate,
          dir,
          readyPath: UNSERVED,
        });
        try {
          emptyStartupMs.push(server.startupMs);
          emptyFirstRequestMs.push(await timeRequest(server.pid, `${server.origin}${route.path}`));
        } finally {
          await server.stop();
        }
        continue;
      }
      const server = await startWorkerd({
        label: "workerd-fresh",
        modules,
        compatibilityDate: build.compatibilityDate,
        dir,
        readyPath: UNSERVED,
        readyStatus: 404,
      });
      try {
        startupMs.push(server.startupMs);
        firstRequestMs.set(route.label, await timeRequest(server.pid, `${server.origin}${route.path}`));
      } finally {
        await server.stop();
      }
    }
  }
  const inspectorPort = await findFreePort();
  const inspected = await startWorkerd({
    label: "workerd-inspected",
    modules,
    compatibilityDate: build.compatibilityDate,
    dir,
    readyPath: UNSERVED,
    readyStatus: 404,
    inspectorPort,
  });
  try {
    for (const route of routes) await timeRequest(inspected.pid, `${inspected.origin}${route.path}`);
    const heapBytes = await readIsolateHeapBytes(inspectorPort);
    return { startupMs, emptyStartupMs, firstRequestMs, emptyFirstRequestMs, heapBytes };
  } finally {
    await inspected.stop();
  }
}
