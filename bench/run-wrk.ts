// One wrk run, parsed: requests, rate and socket errors.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface WrkSettings {
  readonly threads: number;
  readonly connections: number;
  readonly durationSeconds: number;
}

interface WrkResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Connect, read, write errors and timeouts; reported, since a loaded machine may show a few. */
  readonly socketErrors: number;
}

function parseWrkOutput(output: string): WrkResult {
  const total = /^\s+(\d+) requests in [\d.]+\w+, [\d.]+\w+ read$/m.exec(output);
  const rate = /^Requests\/sec:\s+([\d.]+)$/m.exec(output);
  if (!total || !rate) throw new Error(`cannot read wrk's output:\n${output}`);
  const failures = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  if (failures) throw new Error(`wrk saw failed requests (${failures[0]}):\n${output}`);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requests: Number(total[1]),
    requestsPerSecond: Number(rate[1]),
    socketErrors: socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

export async function runWrk(url: string, headers: readonly string[], settings: WrkSettings): Promise<WrkResult> {
  const args = [
    `-t${settings.threads}`,
    `-c${settings.connections}`,
    `-d${settings.durationSeconds}s`,
    ...headers.flatMap((header) => ["-H", header]),
    url,
  ];
  const { stdout } = await run("wrk", args, { timeout: (settings.durationSeconds + 30) * 1000 });
  return parseWrkOutput(stdout);
}
