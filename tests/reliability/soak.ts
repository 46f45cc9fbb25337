// Soak: wrk at 256 connections for 60 s across every endpoint, 200s and 304s mixed, against
// the built Worker in workerd, after a 40 s warm-up at the same load: `npm run soak`, or
// `npm run soak -- --short` (CI: 25 s warm-up, 20 s soak).
// `-- --runtime miniflare` puts Miniflare's entry worker in front, as `wrangler dev` does.
// Env: SOAK_SECONDS, SOAK_WARMUP_SECONDS, SOAK_CONNECTIONS override. Exits 1 on socket errors, unexpected
// statuses, or runtime memory that grows from the first to the last window.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { readTreeRssBytes } from "../../scripts/process-tree.ts";
import { type Runtime, startBuiltWorker } from "../support/built-worker.ts";
import { learnSite } from "./site-knowledge.ts";
import { renderWrkScript } from "./wrk-script.ts";

const { values } = parseArgs({
  options: { short: { type: "boolean", default: false }, runtime: { type: "string", default: "workerd" } },
});
const short = values.short || process.env.SOAK_SHORT === "1";
const runtime: Runtime = values.runtime === "miniflare" ? "miniflare" : "workerd";
const SECONDS = Number(process.env.SOAK_SECONDS ?? (short ? 20 : 60));
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 256);
/**
 * workerd's resident memory climbs at first under this load whatever the Worker (a hello-world
 * Worker's too), then levels off; a leak is growth after that, so the windows are compared
 * after a warm-up at the same load.
 */
const WARMUP_SECONDS = Number(process.env.SOAK_WARMUP_SECONDS ?? (short ? 25 : 40));
/** The windows compared for memory: the first and the last 10 s (5 s in the short form). */
const WINDOW_SECONDS = short ? 5 : 10;
/** Growth tolerated between the windows' means: allocator noise, not a leak. */
const MAX_GROWTH = 0.1;
const ALLOWED = new Set([200, 304, 404]);

const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);

function runWrk(origin: string, scriptPath: string, seconds: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const wrk = spawn(
      "wrk",
      ["-t2", `-c${CONNECTIONS}`, `-d${seconds}s`, "--timeout", "10s", "--latency", "-s", scriptPath, `${origin}/`],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    wrk.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    wrk.once("error", reject);
    wrk.once("exit", (code) => resolve({ code, output }));
  });
}

const worker = await startBuiltWorker(runtime);
const scratch = mkdtempSync(join(tmpdir(), "feed-publisher-soak-"));
let failed = false;
const fail = (message: string) => {
  failed = true;
  console.log(`PROBLEM ${message}`);
};
try {
  const site = await learnSite(worker.origin);
  const scriptPath = join(scratch, "soak.lua");
  writeFileSync(scriptPath, renderWrkScript(site));
  const idle = readTreeRssBytes(worker.runtimePid, "workerd");
  const warmup = WARMUP_SECONDS > 0 ? await runWrk(worker.origin, scriptPath, WARMUP_SECONDS) : undefined;
  const warmupErrors = /ERRORS (.*)/.exec(warmup?.output ?? "")?.[1];
  const warm = readTreeRssBytes(worker.runtimePid, "workerd");
  const samples: { at: number; bytes: number }[] = [];
  const started = performance.now();
  const sampler = setInterval(() => {
    samples.push({ at: (performance.now() - started) / 1000, bytes: readTreeRssBytes(worker.runtimePid, "workerd") });
  }, 500);
  const { code, output } = await runWrk(worker.origin, scriptPath, SECONDS);
  clearInterval(sampler);

  const total = Number(/TOTAL requests=(\d+)/.exec(output)?.[1] ?? 0);
  const duration = Number(/duration_us=(\d+)/.exec(output)?.[1] ?? 1) / 1e6;
  const statuses = [...(/STATUSES(.*)/.exec(output)?.[1] ?? "").matchAll(/(\d+)=(\d+)/g)].map(([, s, n]) => [
    Number(s),
    Number(n),
  ]);
  const errors = /ERRORS (.*)/.exec(output)?.[1] ?? "missing";
  const latency = /LATENCY_US (.*)/.exec(output)?.[1] ?? "";
  const first = samples.filter((s) => s.at < WINDOW_SECONDS).map((s) => s.bytes);
  const last = samples.filter((s) => s.at > SECONDS - WINDOW_SECONDS && s.at <= SECONDS).map((s) => s.bytes);
  const growth = mean(last) / mean(first) - 1;

  console.log(
    `soak${short ? " (short)" : ""} on ${runtime}: wrk -t2 -c${CONNECTIONS} -d${SECONDS}s after ${WARMUP_SECONDS} s warm-up, ${site.paths.length + 1} paths`,
  );
  if (warmupErrors !== undefined) console.log(`warm-up socket errors: ${warmupErrors}`);
  console.log(
    `requests: ${total} in ${duration.toFixed(1)} s (${Math.round(total / duration)}/s); latency µs ${latency}`,
  );
  console.log(`statuses: ${statuses.map(([s, n]) => `${s}: ${n}`).join(", ")}`);
  console.log(`socket errors: ${errors}`);
  console.log(
    `workerd memory (RSS): idle ${mib(idle)}, after warm-up ${mib(warm)}, first ${WINDOW_SECONDS} s mean ${mib(mean(first))}, last ${WINDOW_SECONDS} s mean ${mib(mean(last))} (${(growth * 100).toFixed(1)} %), peak ${mib(Math.max(...samples.map((s) => s.bytes)))}`,
  );

  const trend = samples.filter((_, i) => i % 10 === 9).map((s) => `${s.at.toFixed(0)}s ${mib(s.bytes)}`);
  console.log(`memory every 5 s: ${trend.join(", ")}`);

  if (code !== 0) fail(`wrk exited with ${code}`);
  if (!/connect=0 read=0 write=0 timeout=0/.test(errors)) fail(`socket errors: ${errors}`);
  for (const [status, count] of statuses) if (!ALLOWED.has(status ?? 0)) fail(`unexpected status ${status}: ${count}×`);
  for (const status of [200, 304]) if (!statuses.some(([s]) => s === status)) fail(`no ${status} at all`);
  if (total === 0) fail("no requests completed");
  if (first.length === 0 || last.length === 0) fail("memory was not sampled");
  if (growth > MAX_GROWTH) fail(`runtime memory grew ${(growth * 100).toFixed(1)} % (limit ${MAX_GROWTH * 100} %)`);
} finally {
  await worker.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
