// Bench results as a run would produce them, with numbers a test sets.
import type { WorkerBuild } from "../../../bench/build-worker.ts";
import type { Sample } from "../../../bench/measure-serving.ts";
import { type SizeResult, WORKERD, WORKERD_FLOOR } from "../../../bench/results.ts";

export const MIB = 1024 * 1024;

export function build(overrides: Partial<WorkerBuild> = {}): WorkerBuild {
  return {
    dir: "/tmp/x",
    scriptPath: "/tmp/x/index.js",
    siteDir: "/tmp/x/dist/site",
    compatibilityDate: "2026-01-01",
    publishMs: 1_000,
    bundleMs: 500,
    bundleOneAssetMs: 300,
    progressShownAtMs: null,
    scriptBytes: 100_000,
    scriptGzipBytes: 30_000,
    peakRssBytes: 300 * MIB,
    upload: { script: [], assets: [{ path: "assets/s/a", bytes: 1_000, sha256: "00" }] },
    ...overrides,
  };
}

const sample = (cpuUsPerRequest: number): Sample => ({ requestsPerSecond: 1_000, cpuUsPerRequest, socketErrors: 0 });

/** One corpus size with every measurement made; `overrides` replaces any of them. */
export function size(articles: number, overrides: Partial<SizeResult> = {}): SizeResult {
  const endpoint = { label: "index /", path: "/", headers: new Map(), expectStatus: 200 };
  return {
    articles,
    corpusBytes: articles * 5_000,
    builds: { ok: true, value: [build()] },
    hugoMs: { ok: true, value: [10_000] },
    fresh: {
      ok: true,
      value: {
        startupMs: [110],
        emptyStartupMs: [100],
        firstRequestMs: new Map([["index /", 1.5]]),
        emptyFirstRequestMs: [1],
        heapBytes: 2 * MIB,
      },
    },
    serving: {
      ok: true,
      value: {
        endpoints: [endpoint],
        samples: new Map([
          [
            "index /",
            new Map([
              [WORKERD, [sample(120)]],
              [WORKERD_FLOOR, [sample(100)]],
            ]),
          ],
        ]),
        bodyBytes: new Map([["/", 5_000]]),
      },
    },
    wranglerDevMs: { ok: true, value: 20_000 },
    delta: undefined,
    rebuild: undefined,
    ...overrides,
  };
}
