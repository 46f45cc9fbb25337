// Loads servers side by side with the same wrk settings, alternating which goes first in
// each round, and reads each server's CPU from /proc around every run.
import { readTreeCpuSeconds } from "../scripts/process-tree.ts";
import { runWrk, type WrkSettings } from "./run-wrk.ts";
import type { RunningServer } from "./spawn-server.ts";
import { median } from "./stats.ts";

export interface Endpoint {
  readonly label: string;
  readonly path: string;
  /** Request headers per server label (a 304 needs each server's own ETag). */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly expectStatus: number;
  /** Content-Encoding each server must answer with, if any (per server label). */
  readonly expectEncoding?: ReadonlyMap<string, string>;
}

export interface Sample {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuUsPerRequest: number;
  readonly bytesPerResponse: number;
  readonly socketErrors: number;
}

/** samples[endpoint label][server label][round] */
export type Samples = Map<string, Map<string, Sample[]>>;

async function measureOnce(server: RunningServer, endpoint: Endpoint, settings: WrkSettings): Promise<Sample> {
  const before = readTreeCpuSeconds(server.pid);
  const result = await runWrk(`${server.origin}${endpoint.path}`, endpoint.headers.get(server.label) ?? [], settings);
  const cpuSeconds = readTreeCpuSeconds(server.pid) - before;
  return {
    requestsPerSecond: result.requestsPerSecond,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    cpuUsPerRequest: (cpuSeconds * 1e6) / result.requests,
    bytesPerResponse: result.bytesRead / result.requests,
    socketErrors: result.socketErrors,
  };
}

/** Checks once that each server answers each endpoint as expected before loading it. */
export async function checkEndpoints(servers: readonly RunningServer[], endpoints: readonly Endpoint[]): Promise<void> {
  for (const endpoint of endpoints) {
    for (const server of servers) {
      const headers = (endpoint.headers.get(server.label) ?? []).map((h) => {
        const colon = h.indexOf(":");
        return [h.slice(0, colon), h.slice(colon + 1).trim()] as [string, string];
      });
      const response = await fetch(`${server.origin}${endpoint.path}`, { headers });
      await response.arrayBuffer();
      const encoding = response.headers.get("content-encoding") ?? "identity";
      const expectedEncoding = endpoint.expectEncoding?.get(server.label) ?? encoding;
      if (response.status !== endpoint.expectStatus || encoding !== expectedEncoding) {
        throw new Error(
          `${server.label} answered ${response.status} (${encoding}) to ${endpoint.label} (${endpoint.path}); expected ${endpoint.expectStatus} (${expectedEncoding})`,
        );
      }
    }
  }
}

export async function measureServing(
  servers: readonly RunningServer[],
  endpoints: readonly Endpoint[],
  rounds: number,
  settings: WrkSettings,
  onProgress: (message: string) => void,
): Promise<Samples> {
  await checkEndpoints(servers, endpoints);
  const samples: Samples = new Map(endpoints.map((e) => [e.label, new Map(servers.map((s) => [s.label, []]))]));
  for (let round = 0; round < rounds; round++) {
    for (const endpoint of endpoints) {
      // Alternate who goes first, so neither server always runs on a warmer (or busier) machine.
      const order = round % 2 === 0 ? servers : [...servers].reverse();
      for (const server of order) {
        const sample = await measureOnce(server, endpoint, settings);
        samples.get(endpoint.label)?.get(server.label)?.push(sample);
        onProgress(
          `round ${round + 1}/${rounds} ${endpoint.label} ${server.label}: ${sample.requestsPerSecond.toFixed(0)} req/s, ${sample.cpuUsPerRequest.toFixed(0)} µs CPU/req`,
        );
      }
    }
  }
  return samples;
}

/** A median over rounds has the same fields as one round. */
export type Summary = Sample;

export function summarize(samples: readonly Sample[]): Summary {
  const of = (pick: (s: Sample) => number) => median(samples.map(pick));
  return {
    requestsPerSecond: of((s) => s.requestsPerSecond),
    p50Ms: of((s) => s.p50Ms),
    p99Ms: of((s) => s.p99Ms),
    cpuUsPerRequest: of((s) => s.cpuUsPerRequest),
    bytesPerResponse: of((s) => s.bytesPerResponse),
    socketErrors: samples.reduce((sum, s) => sum + s.socketErrors, 0),
  };
}

/** Median over rounds of the ratio within each round: a/b for rate and for CPU per request. */
export function ratiosOf(a: readonly Sample[], b: readonly Sample[]): { rate: number; cpu: number } {
  const rounds = Math.min(a.length, b.length);
  const rate: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const x = a[i] as Sample;
    const y = b[i] as Sample;
    rate.push(x.requestsPerSecond / y.requestsPerSecond);
    cpu.push(x.cpuUsPerRequest / y.cpuUsPerRequest);
  }
  return { rate: median(rate), cpu: median(cpu) };
}
