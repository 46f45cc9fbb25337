// Met or missed, per target and corpus size, from one run's numbers. Only decisions here:
// write-report.ts formats them. A size the target names but the run did not include is "not
// measured"; a size it does not name is shown for the trend but not judged.
import type { WorkerBuild } from "./build-worker.ts";
import { type Measured, type SizeResult, WORKERD, WORKERD_FLOOR } from "./results.ts";
import { cpuRatio, median } from "./stats.ts";

const MIB = 1024 * 1024;

export type Unit = "bytes" | "ms" | "ratio" | "files" | "percent";
export type Status = "met" | "missed" | "not measured" | "not judged";

export interface Target {
  readonly id: string;
  readonly text: string;
  readonly unit: Unit;
  readonly max: number;
  /** Sizes at which it is judged; every size when absent. */
  readonly judgedAt?: readonly number[];
}

export interface Verdict {
  readonly target: Target;
  readonly articles: number;
  readonly status: Status;
  /** The measured number (NaN when it could not be measured). */
  readonly value: number;
  /** What the number is of (a route, a count), or why there is no number. */
  readonly note: string;
}

export const TARGETS = {
  scriptGzip: { id: "script", text: "script ≤ 1 MiB gzip", unit: "bytes", max: 1 * MIB },
  assetFiles: { id: "asset-files", text: "asset files ≤ 20,000", unit: "files", max: 20_000, judgedAt: [100_000] },
  largestAsset: {
    id: "largest-asset",
    text: "largest asset ≤ 25 MiB",
    unit: "bytes",
    max: 25 * MIB,
    judgedAt: [100_000],
  },
  startup: { id: "startup", text: "start-up to first response ≤ 1.2× an empty Worker's", unit: "ratio", max: 1.2 },
  heap: { id: "heap", text: "isolate heap ≤ 16 MiB", unit: "bytes", max: 16 * MIB },
  firstRequest: {
    id: "first-request",
    text: "first request of each route, fresh isolate, ≤ 2 ms CPU",
    unit: "ms",
    max: 2,
  },
  steady200: { id: "steady-200", text: "a 200 ≤ 1.5× the floor Worker's CPU per request", unit: "ratio", max: 1.5 },
  steady304: { id: "steady-304", text: "a 304 ≤ 1.1× the floor Worker's CPU per request", unit: "ratio", max: 1.1 },
  build: {
    id: "build",
    text: "full build ≤ 0.5× Hugo's time",
    unit: "ratio",
    max: 0.5,
    judgedAt: [10_000, 100_000],
  },
  buildMemory: { id: "build-memory", text: "build memory ≤ 2 GiB", unit: "bytes", max: 2048 * MIB },
  // Any line at all meets it: the number is when the first one was drawn.
  progress: {
    id: "progress",
    text: "a build running > 2 s shows a progress line on a terminal",
    unit: "ms",
    max: Number.POSITIVE_INFINITY,
  },
  wranglerDev: {
    id: "wrangler-dev",
    text: "`wrangler dev` ready ≤ 30 s",
    unit: "ms",
    max: 30_000,
    judgedAt: [100_000],
  },
  rebuild: {
    id: "rebuild",
    text: "rebuild after editing one article ≤ 5 s",
    unit: "ms",
    max: 5_000,
    judgedAt: [10_000],
  },
  noopRebuild: {
    id: "noop-rebuild",
    text: "rebuild with nothing changed ≤ 3 s, committed or not",
    unit: "ms",
    max: 3_000,
    judgedAt: [10_000],
  },
  noopWrites: {
    id: "noop-writes",
    text: "rebuild with nothing changed writes no file",
    unit: "files",
    max: 0,
    judgedAt: [10_000],
  },
  devRestart: {
    id: "wrangler-dev-rebuilt",
    text: "`wrangler dev` ready over a previous build ≤ 30 s, committed or not",
    unit: "ms",
    max: 30_000,
    judgedAt: [100_000],
  },
  delta: {
    id: "delta",
    text: "one more article changes ≤ 1 % of the uploaded bytes",
    unit: "percent",
    max: 1,
    judgedAt: [10_000],
  },
} as const satisfies Record<string, Target>;

/**
 * A number and what it is of (`applies: false` when the target says nothing about this case),
 * or why there is none.
 */
type Reading = { readonly value: number; readonly note: string; readonly applies?: false } | { readonly error: string };

const lastBuild = (builds: readonly WorkerBuild[]) => builds.at(-1) as WorkerBuild;

export function medianBuild(builds: readonly WorkerBuild[]) {
  return {
    publish: median(builds.map((b) => b.publishMs)),
    bundle: median(builds.map((b) => b.bundleMs)),
    full: median(builds.map((b) => b.publishMs + b.bundleMs)),
  };
}

/** Whether the progress line showed in a build that ran long enough to need one. */
function readProgress(build: WorkerBuild): Reading {
  const took = `${(build.publishMs / 1000).toFixed(1)} s build`;
  if (build.progressShownAtMs === undefined) return { error: "the build did not run on a terminal" };
  if (build.publishMs <= 2_000) return { value: Number.NaN, note: `a ${took}`, applies: false };
  return build.progressShownAtMs === null
    ? { value: Number.NaN, note: `no progress line in a ${took}` }
    : { value: build.progressShownAtMs, note: `first drawn then, in a ${took}` };
}

/** Undefined when the run does not measure it at this size (one more article, the rebuild). */
function read<T>(measured: Measured<T> | undefined, pick: (value: T) => Reading): Reading | undefined {
  if (!measured) return undefined;
  return measured.ok ? pick(measured.value) : { error: measured.error };
}

/** The largest of several named numbers, named. */
function worst(entries: readonly (readonly [string, number])[]): Reading {
  const top = entries.reduce((a, b) => (b[1] > a[1] ? b : a), entries[0] ?? ["none", Number.NaN]);
  return { value: top[1], note: top[0] };
}

function readTarget(id: string, size: SizeResult): Reading | undefined {
  switch (id) {
    case "script":
      return read(size.builds, (b) => ({ value: lastBuild(b).scriptGzipBytes, note: "" }));
    case "asset-files":
      return read(size.builds, (b) => ({ value: lastBuild(b).upload.assets.length, note: "" }));
    case "largest-asset":
      return read(size.builds, (b) => {
        const largest = lastBuild(b).upload.assets.reduce((a, f) => (f.bytes > a.bytes ? f : a));
        return { value: largest.bytes, note: largest.path };
      });
    case "startup":
      return read(size.fresh, (f) => ({
        value: median(f.startupMs) / median(f.emptyStartupMs),
        note: `${Math.round(median(f.startupMs))} vs ${Math.round(median(f.emptyStartupMs))} ms`,
      }));
    case "heap":
      return read(size.fresh, (f) => ({ value: f.heapBytes, note: "after every route's first request" }));
    case "first-request":
      return read(size.fresh, (f) => worst([...f.firstRequestMs]));
    case "steady-200":
    case "steady-304":
      return read(size.serving, (s) =>
        worst(
          s.endpoints
            .filter((e) => (e.expectStatus === 304) === (id === "steady-304"))
            .map((e) => {
              const samples = s.samples.get(e.label);
              return [e.label, cpuRatio(samples?.get(WORKERD) ?? [], samples?.get(WORKERD_FLOOR) ?? [])] as const;
            }),
        ),
      );
    case "build": {
      if (!size.builds.ok) return { error: size.builds.error };
      const ours = medianBuild(size.builds.value).full;
      return read(size.hugoMs, (h) => ({
        value: ours / median(h),
        note: `${(ours / 1000).toFixed(1)} vs ${(median(h) / 1000).toFixed(1)} s`,
      }));
    }
    case "build-memory":
      return read(size.builds, (b) => ({ value: Math.max(...b.map((x) => x.peakRssBytes)), note: "" }));
    case "progress":
      return read(size.builds, (b) => readProgress(lastBuild(b)));
    case "rebuild":
      return read(size.rebuild, (r) => ({
        value: r.ms,
        note: `${r.writtenFiles} of ${r.publishedFiles} files written`,
      }));
    case "noop-rebuild":
      return read(size.noopRebuild, (r) =>
        worst([
          ["committed", r.committed.ms],
          ["uncommitted", r.uncommitted.ms],
        ]),
      );
    case "noop-writes":
      return read(size.noopRebuild, (r) => ({
        value: r.committed.writtenFiles + r.uncommitted.writtenFiles,
        note: "committed and uncommitted",
      }));
    case "wrangler-dev-rebuilt":
      return read(size.devRestart, (r) =>
        worst([
          ["committed", r.committedMs],
          ["uncommitted", r.uncommittedMs],
        ]),
      );
    case "wrangler-dev":
      return read(size.wranglerDevMs, (ms) => ({ value: ms, note: "" }));
    case "delta":
      return read(size.delta, (d) => ({
        value: (100 * d.changedBytes) / d.totalBytes,
        note: `${d.changedFiles} file(s), ${d.changedBytes.toLocaleString("en-US")} of ${d.totalBytes.toLocaleString("en-US")} bytes`,
      }));
    default:
      throw new Error(`bench/decide-targets.ts: no measure for target "${id}"; expected one of TARGETS`);
  }
}

export function decideTargets(sizes: readonly SizeResult[]): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const target of Object.values(TARGETS) as Target[]) {
    const measuredSizes = sizes.map((s) => s.articles);
    const judgedAt = target.judgedAt ?? measuredSizes;
    for (const size of sizes) {
      const reading = readTarget(target.id, size);
      if (reading === undefined) continue;
      const judged = judgedAt.includes(size.articles);
      if ("error" in reading) {
        // Unmeasured where it is judged is a miss, with the reason; elsewhere only the reason.
        verdicts.push({
          target,
          articles: size.articles,
          status: judged ? "missed" : "not judged",
          value: Number.NaN,
          note: reading.error,
        });
        continue;
      }
      const met = reading.value <= target.max;
      verdicts.push({
        target,
        articles: size.articles,
        status: judged && reading.applies !== false ? (met ? "met" : "missed") : "not judged",
        value: reading.value,
        note: reading.note,
      });
    }
    for (const articles of judgedAt.filter((n) => !measuredSizes.includes(n))) {
      verdicts.push({
        target,
        articles,
        status: "not measured",
        value: Number.NaN,
        note: "this size was not in the run",
      });
    }
  }
  return verdicts;
}
