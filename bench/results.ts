import type { WorkerBuild } from "./build-worker.ts";
import type { Environment } from "./environment.ts";
import type { Endpoint, Samples } from "./measure-serving.ts";
import type { MirroredFile } from "./nginx-server.ts";
import type { BenchOptions } from "./options.ts";

export const WORKERD = "workerd";
export const NGINX = "nginx";
export const WRANGLER_DEV = "wrangler dev";
export const WORKERD_FLOOR = "workerd floor (Map lookup)";
export const WORKERD_GZIP = "workerd + gzip (prototype)";

export interface SizeResult {
  readonly articles: number;
  readonly corpusBytes: number;
  readonly builds: readonly WorkerBuild[];
  readonly hugoMs: readonly number[];
  readonly startupMs: number;
  readonly rssStartBytes: number;
  readonly rssLoadedBytes: number;
  readonly heapBytes: number;
  /** Server CPU (ms) of the first request for each endpoint in a fresh isolate (renders the body). */
  readonly coldMs: ReadonlyMap<string, number>;
  readonly endpoints: readonly Endpoint[];
  readonly files: readonly MirroredFile[];
  readonly serving: Samples;
  readonly servers: readonly string[];
}

export interface CompressionResult {
  readonly articles: number;
  readonly endpoints: readonly Endpoint[];
  readonly samples: Samples;
  readonly servers: readonly string[];
  /** First and second gzip request of the prototype for each endpoint (compress once, then reuse). */
  readonly firstGzipMs: ReadonlyMap<string, number>;
  readonly wireBytes: ReadonlyMap<string, { identity: number; gzip: number; workerGzip: number }>;
}

export interface BenchResult {
  readonly options: BenchOptions;
  readonly environment: Environment;
  readonly loadBefore: string;
  readonly loadAfter: string;
  readonly durationMinutes: number;
  readonly baseline: { readonly startupMs: number; readonly rssBytes: number; readonly heapBytes: number };
  readonly sizes: readonly SizeResult[];
  readonly compression: CompressionResult | undefined;
}
