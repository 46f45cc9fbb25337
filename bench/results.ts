import type { WorkerBuild } from "./build-worker.ts";
import type { Environment } from "./environment.ts";
import type { DeltaResult } from "./measure-delta.ts";
import type { DevRestartResult } from "./measure-dev-restart.ts";
import type { FreshResult } from "./measure-fresh.ts";
import type { LargeBodyResult } from "./measure-large-body.ts";
import type { NoopRebuildResult } from "./measure-noop-rebuild.ts";
import type { RebuildResult } from "./measure-rebuild.ts";
import type { Endpoint, Samples } from "./measure-serving.ts";
import type { TrafficDayResult } from "./measure-traffic-day.ts";
import type { BenchOptions } from "./options.ts";

export const WORKERD = "workerd";
export const WORKERD_FLOOR = "workerd floor (Map lookup)";

/** A measurement, or why it could not be made at this size (the error, shortened). */
export type Measured<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export interface Serving {
  readonly endpoints: readonly Endpoint[];
  readonly samples: Samples;
  /** Body bytes of each 200 endpoint, by path. */
  readonly bodyBytes: ReadonlyMap<string, number>;
}

export interface SizeResult {
  readonly articles: number;
  readonly corpusBytes: number;
  readonly builds: Measured<readonly WorkerBuild[]>;
  readonly hugoMs: Measured<readonly number[]>;
  readonly fresh: Measured<FreshResult>;
  readonly serving: Measured<Serving>;
  /** `wrangler dev`: spawn to the first 200 of "/". */
  readonly wranglerDevMs: Measured<number>;
  /** Only at the size where one more article and one edit are measured. */
  readonly delta: Measured<DeltaResult> | undefined;
  readonly rebuild: Measured<RebuildResult> | undefined;
  /** Only there too: a rebuild with nothing changed, committed and not. */
  readonly noopRebuild?: Measured<NoopRebuildResult> | undefined;
  /** Only at the largest size: `wrangler dev` started again over its previous build. */
  readonly devRestart?: Measured<DevRestartResult> | undefined;
  /** Only at options.trafficSize: a day of a news site, Worker invocations before and after. */
  readonly trafficDay?: Measured<TrafficDayResult> | undefined;
}

export interface BenchResult {
  readonly options: BenchOptions;
  readonly environment: Environment;
  readonly loadBefore: string;
  readonly loadAfter: string;
  readonly durationMinutes: number;
  readonly sizes: readonly SizeResult[];
  /** Concurrent GETs of a 24 MiB image against a tiny one, once a run; undefined when not in it. */
  readonly largeBody?: Measured<LargeBodyResult> | undefined;
}
