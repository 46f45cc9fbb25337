// Request fuzzing against the built Worker in workerd: `npm run fuzz` (100,000 requests,
// at most 5 minutes) or `npm run fuzz -- --short` (CI: 30,000 requests, at most 40 s).
// `-- --runtime miniflare` puts Miniflare's entry worker in front, as `wrangler dev` does.
// Env: FUZZ_REQUESTS, FUZZ_SECONDS, FUZZ_SEED override the defaults. Exits 1 on any problem.

import { parseArgs } from "node:util";
import { readTreeRssBytes } from "../../scripts/process-tree.ts";
import { type Runtime, startBuiltWorker } from "../support/built-worker.ts";
import { Random } from "../support/random.ts";
import { findProblems } from "./check-response.ts";
import { RawConnection } from "./raw-http.ts";
import { generateRequest } from "./request-generator.ts";
import { learnSite } from "./site-knowledge.ts";

const { values } = parseArgs({
  options: { short: { type: "boolean", default: false }, runtime: { type: "string", default: "workerd" } },
});
const runtime: Runtime = values.runtime === "miniflare" ? "miniflare" : "workerd";
const short = values.short || process.env.FUZZ_SHORT === "1";
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? (short ? 30_000 : 100_000));
const SECONDS = Number(process.env.FUZZ_SECONDS ?? (short ? 40 : 300));
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
const CONNECTIONS = 16;
const TIMEOUT_MS = 10_000;

const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

const worker = await startBuiltWorker(runtime);
let failed = false;
try {
  const site = await learnSite(worker.origin);
  const memoryBefore = readTreeRssBytes(worker.runtimePid, "workerd");
  const random = new Random(SEED);
  const statuses = new Map<string, number>();
  const problems = new Map<string, { count: number; examples: string[] }>();
  const note = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const problem = (reason: string, label: string) => {
    const entry = problems.get(reason) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < 3) entry.examples.push(label);
    problems.set(reason, entry);
  };
  let sent = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;

  const runConnection = async () => {
    const connection = new RawConnection(worker.port, TIMEOUT_MS);
    while (sent < TOTAL && performance.now() < deadline) {
      sent++;
      const request = generateRequest(random, site);
      const outcome = await connection.send(request.bytes, request.method === "HEAD");
      if (outcome.kind === "response") {
        const source = outcome.response.headers.has("x-content-type-options") ? "app" : "runtime";
        note(statuses, `${outcome.response.status} ${source}${request.malformed ? ", malformed request" : ""}`);
        for (const reason of findProblems(outcome.response, request.method, worker.origin))
          problem(reason, request.label);
        if (request.malformed) connection.close();
      } else {
        note(statuses, `${outcome.kind}${request.malformed ? ", malformed request" : ""}`);
        if (!request.malformed) problem(`${outcome.kind}: ${outcome.detail}`, request.label);
      }
    }
    connection.close();
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, runConnection));
  const seconds = (performance.now() - started) / 1000;
  const memoryAfter = readTreeRssBytes(worker.runtimePid, "workerd");

  console.log(
    `fuzz${short ? " (short)" : ""} on ${runtime}: seed ${SEED}, ${CONNECTIONS} connections, ${site.paths.length} known paths`,
  );
  console.log(`requests tried: ${sent} in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s)`);
  console.log("statuses seen:");
  for (const [key, count] of [...statuses].sort()) console.log(`  ${key}: ${count}`);
  console.log(`workerd memory (RSS): before ${mib(memoryBefore)}, after ${mib(memoryAfter)}`);
  if (problems.size === 0) console.log("problems: none");
  for (const [reason, { count, examples }] of problems) {
    failed = true;
    console.log(`PROBLEM ${reason}: ${count}×, e.g. ${examples.join(" | ")}`);
  }
  if (sent < Math.min(TOTAL, 1000)) {
    failed = true;
    console.log(`PROBLEM only ${sent} requests were sent`);
  }
} finally {
  await worker.stop();
}
process.exitCode = failed ? 1 : 0;
