// Fresh isolates: start-up to first response against an empty Worker started alternately in
// the same minutes, the CPU of each route's first request in its own new isolate, and the
// isolate heap once every route has been answered.
//
// workerd listens before it has evaluated the script, and its first request in a process
// pays once-per-process costs (CPU even for an empty Worker, and more for the first read from
// a disk service). So a first request is timed only once the process has gone idle (the
// script is evaluated) and another Worker of the same process, on a second port, has answered
// a request and read an asset: what is left is the isolate's own first request, as in a warm
// process, next to a warm asset server, that starts one more isolate.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findFreePort } from "../scripts/free-port.ts";
import type { RunningServer } from "../scripts/process-group.ts";
import { readTreeCpuNanoseconds } from "../scripts/process-tree.ts";
import {
  EMPTY_WORKER_SOURCE,
  readIsolateHeapBytes,
  startWorkerd,
  type WorkerdOptions,
} from "../scripts/workerd-server.ts";
import { readManifest, type WorkerBuild } from "./build-worker.ts";

/** A path to measure, and what the report calls it. */
export interface Route {
  readonly label: string;
  readonly path: string;
}

export interface FreshResult {
  /** Spawn to the end of the first response, ours and the empty Worker's, one pair per route. */
  readonly startupMs: readonly number[];
  readonly emptyStartupMs: readonly number[];
  /** workerd's CPU (ms, all threads) for the first request of each route, each in a new isolate. */
  readonly firstRequestMs: ReadonlyMap<string, number>;
  /** The same for the empty Worker's first request: workerd's own share. */
  readonly emptyFirstRequestMs: readonly number[];
  /** V8 heap in use after answering every route once (with what the Worker keeps per isolate). */
  readonly heapBytes: number;
}

type Started = Omit<WorkerdOptions, "label" | "ready" | "warmUp">;

/** One request's CPU in the server's process tree (ms) and its wall time (ms). */
async function timeRequest(server: RunningServer, url: string): Promise<{ cpuMs: number; wallMs: number }> {
  const started = performance.now();
  const before = readTreeCpuNanoseconds(server.pid);
  const response = await fetch(url);
  await response.arrayBuffer();
  const cpuMs = (readTreeCpuNanoseconds(server.pid) - before) / 1e6;
  if (response.status !== 200) throw new Error(`${server.label} ${url}: answered ${response.status}; expected 200`);
  return { cpuMs, wallMs: performance.now() - started };
}

/** Waits until the process tree uses under 1 % of a core over 50 ms (10 s at most). */
async function waitForIdle(pid: number): Promise<void> {
  const deadline = performance.now() + 10_000;
  let last = readTreeCpuNanoseconds(pid);
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = readTreeCpuNanoseconds(pid);
    if (now - last < 0.5e6) return;
    last = now;
  }
}

/** Spawn to the end of the answer to the first request, which is for `path`. */
async function measureStartup(label: string, worker: Started, path: string): Promise<number> {
  const server = await startWorkerd({ label, ...worker, ready: "listening" });
  try {
    return server.startupMs + (await timeRequest(server, `${server.origin}${path}`)).wallMs;
  } finally {
    await server.stop();
  }
}

/**
 * CPU of the first request an isolate answers, which is for `path`, in a warmed-up process
 * (`warmUpPath` is read from the assets, when the Worker has them).
 */
async function measureFirstRequest(label: string, worker: Started, path: string, warmUpPath = "/"): Promise<number> {
  const server = await startWorkerd({ label, ...worker, ready: "listening", warmUp: true });
  try {
    await waitForIdle(server.pid);
    await timeRequest(server, `${server.warmUpOrigin}${worker.assetsDir ? warmUpPath : "/"}`);
    await waitForIdle(server.pid);
    return (await timeRequest(server, `${server.origin}${path}`)).cpuMs;
  } finally {
    await server.stop();
  }
}

export async function measureFresh(build: WorkerBuild, routes: readonly Route[], dir: string): Promise<FreshResult> {
  mkdirSync(dir, { recursive: true });
  const emptyScript = join(dir, "empty-worker.js");
  writeFileSync(emptyScript, EMPTY_WORKER_SOURCE);
  const ours: Started = {
    modules: [{ name: "index.js", path: build.scriptPath }],
    compatibilityDate: build.compatibilityDate,
    assetsDir: build.siteDir,
    dir,
  };
  const empty: Started = {
    modules: [{ name: "empty-worker.js", path: emptyScript }],
    compatibilityDate: build.compatibilityDate,
    dir,
  };
  // The 404 page: a whole file that every build publishes.
  const manifest = readManifest(build);
  const warmUpPath = manifest.files[manifest.notFound]?.path;
  const startupMs: number[] = [];
  const emptyStartupMs: number[] = [];
  const emptyFirstRequestMs: number[] = [];
  const firstRequestMs = new Map<string, number>();
  for (const [i, route] of routes.entries()) {
    // Alternate which starts first, so neither always meets a busier moment of the machine.
    const order = i % 2 === 0 ? (["empty", "ours"] as const) : (["ours", "empty"] as const);
    for (const which of order) {
      const worker = which === "ours" ? ours : empty;
      const startup = await measureStartup(`workerd-start-${which}`, worker, route.path);
      const cpu = await measureFirstRequest(`workerd-first-${which}`, worker, route.path, warmUpPath);
      if (which === "ours") {
        startupMs.push(startup);
        firstRequestMs.set(route.label, cpu);
      } else {
        emptyStartupMs.push(startup);
        emptyFirstRequestMs.push(cpu);
      }
    }
  }
  const inspectorPort = await findFreePort();
  const inspected = await startWorkerd({ label: "workerd-inspected", ...ours, ready: "listening", inspectorPort });
  try {
    for (const route of routes) await timeRequest(inspected, `${inspected.origin}${route.path}`);
    const heapBytes = await readIsolateHeapBytes(inspectorPort);
    return { startupMs, emptyStartupMs, firstRequestMs, emptyFirstRequestMs, heapBytes };
  } finally {
    await inspected.stop();
  }
}
