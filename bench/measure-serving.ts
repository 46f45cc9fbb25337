// Loads servers side by side with the same wrk settings, alternating which goes first in
// each round, and reads each server's CPU from /proc around every run.

import type { RunningServer } from "../scripts/process-group.ts";
import { readTreeCpuSeconds } from "../scripts/process-tree.ts";
import { runWrk, type WrkSettings } from "./run-wrk.ts";

export interface Endpoint {
  readonly label: string;
  readonly path: string;
  /** Request headers per server label (a 304 needs each server's own ETag). */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly expectStatus: number;
}

export interface Sample {
  readonly requestsPerSecond: number;
  readonly cpuUsPerRequest: number;
  /** Connect, read, write errors and timeouts wrk counted. */
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
    cpuUsPerRequest: (cpuSeconds * 1e6) / result.requests,
    socketErrors: result.socketErrors,
  };
}

/** Checks once that each server answers each endpoint with the expected status before loading it. */
async function checkEndpoints(servers: readonly RunningServer[], endpoints: readonly Endpoint[]): Promise<void> {
  for (const endpoint of endpoints) {
    for (const server of servers) {
      const headers = (endpoint.headers.get(server.label) ?? []).map((h) => {
        const colon = h.indexOf(":");
        return [h.slice(0, colon), h.slice(colon + 1).trim()] as [string, string];
      });
      // As wrk asks, with no coding (fetch would ask for gzip unless told).
      const response = await fetch(`${server.origin}${endpoint.path}`, {
        headers: [["Accept-Encoding", "identity"], ...headers],
      });
      await response.arrayBuffer();
      if (response.status !== endpoint.expectStatus) {
        throw new Error(
          `${server.label} answered ${response.status} to ${endpoint.label} (${endpoint.path}); expected ${endpoint.expectStatus}`,
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
