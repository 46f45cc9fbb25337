// One wrk run, parsed: requests, rate and latency percentiles (wrk --latency output).
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface WrkSettings {
  readonly threads: number;
  readonly connections: number;
  readonly durationSeconds: number;
}

export interface WrkResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly bytesRead: number;
  /** Connect, read, write errors and timeouts; reported, since a loaded machine may show a few. */
  readonly socketErrors: number;
}

const UNIT_MS: Readonly<Record<string, number>> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const UNIT_BYTES: Readonly<Record<string, number>> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

function readLatency(output: string, percentile: string): number {
  const match = new RegExp(`^\\s+${percentile}%\\s+([\\d.]+)(us|ms|s|m)$`, "m").exec(output);
  if (!match) throw new Error(`wrk printed no ${percentile}% latency:\n${output}`);
  return Number(match[1]) * (UNIT_MS[match[2] as string] ?? Number.NaN);
}

export function parseWrkOutput(output: string): WrkResult {
  const total = /^\s+(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB|TB) read$/m.exec(output);
  const rate = /^Requests\/sec:\s+([\d.]+)$/m.exec(output);
  if (!total || !rate) throw new Error(`cannot read wrk's output:\n${output}`);
  const failures = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  if (failures) throw new Error(`wrk saw failed requests (${failures[0]}):\n${output}`);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requests: Number(total[1]),
    requestsPerSecond: Number(rate[1]),
    p50Ms: readLatency(output, "50"),
    p99Ms: readLatency(output, "99"),
    bytesRead: Number(total[2]) * (UNIT_BYTES[total[3] as string] ?? Number.NaN),
    socketErrors: socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

export async function runWrk(url: string, headers: readonly string[], settings: WrkSettings): Promise<WrkResult> {
  const args = [
    `-t${settings.threads}`,
    `-c${settings.connections}`,
    `-d${settings.durationSeconds}s`,
    "--latency",
    ...headers.flatMap((header) => ["-H", header]),
    url,
  ];
  const { stdout } = await run("wrk", args, { timeout: (settings.durationSeconds + 30) * 1000 });
  return parseWrkOutput(stdout);
}
