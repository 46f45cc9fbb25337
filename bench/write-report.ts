// BENCHMARKS.md from one run's results and the verdicts of bench/decide-targets.ts: this file
// only formats.
import { decideTargets, medianBuild, type Unit, type Verdict } from "./decide-targets.ts";
import { CONCURRENT_GETS, LARGE_BODY_ROUNDS, LARGE_BODY_SAMPLE_MS } from "./measure-large-body.ts";
import type { TrafficDayResult } from "./measure-traffic-day.ts";
import { type BenchResult, type Measured, type SizeResult, WORKERD, WORKERD_FLOOR } from "./results.ts";
import { cpuRatio, median, summarize } from "./stats.ts";
import { describeDay } from "./traffic-day.ts";
import { FREE_DAILY_REQUESTS, type RoutingTally } from "./traffic-tally.ts";

const MIB = 1024 * 1024;
const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–");
const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const mib = (bytes: number) => fixed(bytes / MIB, 1);
const seconds = (ms: number) => fixed(ms / 1000, 1);
const row = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;
const table = (head: readonly string[], rows: readonly (readonly (string | number)[])[]) =>
  [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");
const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

function show(value: number, unit: Unit): string {
  switch (unit) {
    case "bytes":
      return `${fixed(value / MIB, value < 10 * MIB ? 2 : 1)} MiB`;
    case "ms":
      return value >= 1_000 ? `${seconds(value)} s` : `${fixed(value, 1)} ms`;
    case "ratio":
      return `${fixed(value)}×`;
    case "files":
      return int(value);
    case "percent":
      return `${fixed(value, 1)} %`;
  }
}

const STATUS = { met: "met", missed: "**missed**", "not measured": "not measured", "not judged": "(not judged)" };

function verdictCell(v: Verdict | undefined): string {
  if (!v) return "";
  const value = Number.isFinite(v.value) ? `: ${show(v.value, v.target.unit)}` : "";
  const note = v.note ? ` (${cell(v.note)})` : "";
  return `${STATUS[v.status]}${value}${note}`;
}

function targetsTable(result: BenchResult): string {
  const verdicts = decideTargets(result.sizes);
  const sizes = [...new Set(verdicts.map((v) => v.articles))].sort((a, b) => a - b);
  const targets = [...new Set(verdicts.map((v) => v.target))];
  return table(
    ["target", ...sizes.map((n) => `${int(n)} articles`)],
    targets.map((t) => [
      t.text,
      ...sizes.map((n) => verdictCell(verdicts.find((v) => v.target === t && v.articles === n))),
    ]),
  );
}

function value<T>(measured: Measured<T> | undefined, format: (value: T) => string): string {
  return measured?.ok ? format(measured.value) : "–";
}

function scaleTable(result: BenchResult): string {
  const head = [
    "articles",
    "corpus MiB",
    "publish s",
    "bundle s",
    "bundle, one asset s",
    "full build s",
    "Hugo s",
    "build peak RSS MiB",
    "script MiB raw / gzip",
    "asset files",
    "assets MiB / largest MiB",
    "start-up ms ours / empty",
    "isolate heap MiB",
    "wrangler dev ready s",
  ];
  const rows = result.sizes.map((s) => {
    const build = s.builds.ok ? s.builds.value.at(-1) : undefined;
    const assetBytes = build?.upload.assets.map((a) => a.bytes) ?? [];
    return [
      int(s.articles),
      mib(s.corpusBytes),
      value(s.builds, (b) => seconds(medianBuild(b).publish)),
      value(s.builds, (b) => seconds(medianBuild(b).bundle)),
      value(s.builds, (b) => seconds(median(b.map((x) => x.bundleOneAssetMs)))),
      value(s.builds, (b) => seconds(medianBuild(b).full)),
      value(s.hugoMs, (h) => seconds(median(h))),
      value(s.builds, (b) => mib(Math.max(...b.map((x) => x.peakRssBytes)))),
      build ? `${fixed(build.scriptBytes / MIB, 2)} / ${fixed(build.scriptGzipBytes / MIB, 2)}` : "–",
      build ? int(build.upload.assets.length) : "–",
      build ? `${mib(assetBytes.reduce((a, b) => a + b, 0))} / ${fixed(Math.max(...assetBytes) / MIB, 2)}` : "–",
      value(s.fresh, (f) => `${int(median(f.startupMs))} / ${int(median(f.emptyStartupMs))}`),
      value(s.fresh, (f) => fixed(f.heapBytes / MIB, 2)),
      value(s.wranglerDevMs, seconds),
    ];
  });
  return table(head, rows);
}

function changesTable(result: BenchResult): string {
  const rows = result.sizes.flatMap((s) => {
    if (!s.delta && !s.rebuild) return [];
    return [
      [
        int(s.articles),
        value(s.delta, (d) => int(d.changedFiles)),
        value(s.delta, (d) => int(d.changedBytes)),
        value(s.delta, (d) => int(d.totalBytes)),
        value(s.rebuild, (r) => seconds(r.ms)),
        value(s.rebuild, (r) => `${int(r.writtenFiles)} of ${int(r.publishedFiles)}`),
      ],
    ];
  });
  if (rows.length === 0) return "Not measured in this run.";
  return table(
    [
      "articles",
      "one more: files new or changed",
      "bytes new or changed",
      "bytes uploaded in all",
      "rebuild after one edit s",
      "files the rebuild wrote",
    ],
    rows,
  );
}

function noopTable(result: BenchResult): string {
  const rows = result.sizes.flatMap((s) => {
    if (!s.noopRebuild && !s.devRestart) return [];
    return [
      [
        int(s.articles),
        value(s.noopRebuild, (r) => `${seconds(r.committed.ms)} / ${seconds(r.uncommitted.ms)}`),
        value(s.noopRebuild, (r) => `${int(r.committed.writtenFiles)} / ${int(r.uncommitted.writtenFiles)}`),
        value(s.devRestart, (r) => `${seconds(r.committedMs)} / ${seconds(r.uncommittedMs)}`),
        value(s.devRestart, (r) => r.previousBuildMs.map(seconds).join(" / ")),
      ],
    ];
  });
  if (rows.length === 0) return "Not measured in this run.";
  return table(
    [
      "articles",
      "no-op rebuild s, committed / uncommitted",
      "files it wrote",
      "wrangler dev ready over a previous build s, committed / uncommitted",
      "the previous builds s",
    ],
    rows,
  );
}

function firstRequestTable(result: BenchResult): string {
  const routes = [
    ...new Set(result.sizes.flatMap((s) => (s.fresh.ok ? [...s.fresh.value.firstRequestMs.keys()] : []))),
  ];
  return table(
    ["articles", ...routes, "empty Worker, any path"],
    result.sizes.map((s) => [
      int(s.articles),
      ...routes.map((r) => value(s.fresh, (f) => fixed(f.firstRequestMs.get(r) ?? Number.NaN, 1))),
      value(s.fresh, (f) => fixed(median(f.emptyFirstRequestMs), 1)),
    ]),
  );
}

function steadyTable(size: SizeResult): string {
  if (!size.serving.ok) return `Not measured: ${cell(size.serving.error)}`;
  const { endpoints, samples, bodyBytes } = size.serving.value;
  return table(
    [
      "request",
      "body bytes",
      "ours CPU µs/req",
      "floor CPU µs/req",
      "ours ÷ floor CPU",
      "ours req/s",
      "floor req/s",
      "socket errors ours / floor",
    ],
    endpoints.map((e) => {
      const ours = samples.get(e.label)?.get(WORKERD) ?? [];
      const floor = samples.get(e.label)?.get(WORKERD_FLOOR) ?? [];
      return [
        e.label,
        e.expectStatus === 304 ? "0" : int(bodyBytes.get(e.path) ?? Number.NaN),
        int(summarize(ours).cpuUsPerRequest),
        int(summarize(floor).cpuUsPerRequest),
        `${fixed(cpuRatio(ours, floor))}×`,
        int(summarize(ours).requestsPerSecond),
        int(summarize(floor).requestsPerSecond),
        `${summarize(ours).socketErrors} / ${summarize(floor).socketErrors}`,
      ];
    }),
  );
}

function largeBodyTable(result: BenchResult): string {
  const measured = result.largeBody;
  if (!measured) return "Not measured in this run.";
  if (!measured.ok) return `Not measured: ${cell(measured.error)}`;
  const runs = [
    ["24 MiB image", measured.value.large],
    ["1 KiB image", measured.value.tiny],
  ] as const;
  return table(
    ["GET", "complete bodies", "isolate MiB, idle / peak", "workerd RSS MiB, idle / peak", "samples"],
    runs.map(([what, run]) => [
      `${what} (${int(run.bytes)} bytes)`,
      int(run.complete),
      `${mib(run.idleIsolateBytes)} / ${mib(run.peakIsolateBytes)}`,
      `${mib(run.idleRssBytes)} / ${mib(run.peakRssBytes)}`,
      int(run.samples),
    ]),
  );
}

const timeOfDay = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** Whether a routing's day fits the free plan, and if not, who gets 429 from when. */
function limitVerdict(label: string, tally: RoutingTally): string {
  const share = `${fixed((tally.workerInvocations / FREE_DAILY_REQUESTS) * 100, 0)} % of the free plan's ${int(FREE_DAILY_REQUESTS)}`;
  if (tally.limitReachedAtMs === undefined) {
    return `- ${label}: ${int(tally.workerInvocations)} Worker invocations, ${share}: the site stays up all day.`;
  }
  const limited = tally.classes.filter((c) => c.limited > 0).map((c) => `${c.cls} (${int(c.limited)})`);
  return `- ${label}: ${int(tally.workerInvocations)} Worker invocations, ${share}: the limit is reached at ${timeOfDay(tally.limitReachedAtMs)} UTC, and until 00:00 UTC the router answers 429 instead of the Worker to ${limited.join(", ")}.`;
}

function statusCell(statuses: Readonly<Record<number, number>>): string {
  return Object.entries(statuses)
    .map(([status, n]) => `${status}: ${int(n)}`)
    .join(", ");
}

function trafficSection(day: TrafficDayResult): string {
  const { before, after } = day;
  const rows = before.classes.map((b) => {
    const a = after.classes.find((c) => c.cls === b.cls);
    return [
      b.cls,
      int(b.requests),
      int(b.workerInvocations),
      a ? int(a.workerInvocations) : "–",
      `${int(b.limited)} / ${a ? int(a.limited) : "–"}`,
      a ? statusCell(a.statuses) : "–",
    ];
  });
  const requests = before.classes.reduce((sum, c) => sum + c.requests, 0);
  rows.push([
    "cron runs (counted, not replayed)",
    int(before.cronRuns),
    int(before.cronRuns),
    int(after.cronRuns),
    "",
    "",
  ]);
  rows.push([
    "**the day**",
    int(requests + before.cronRuns),
    int(before.workerInvocations),
    int(after.workerInvocations),
    "",
    "",
  ]);
  return `\`bench/measure-traffic-day.ts\`, at ${int(day.articles)} articles, one in five with a picture: the corpus built by a plain build, as a deploy's (${int(day.staticPages.files)} of ${int(day.staticPages.of)} article pages and ${int(day.staticImages.files)} of ${int(day.staticImages.of)} pictures written as files at their own address), served by \`wrangler dev\`, whose router sends a request to the Worker or to the asset server by \`[assets]\` as Cloudflare's does. The Worker is the project's, each of its answers marked, so an invocation is a request the router sent it. Before: \`run_worker_first = true\`; after: this checkout's \`run_worker_first = ${cell(day.shippedRule)}\`. Every ${day.sample === 1 ? "" : `${day.sample}th `}request of each class was replayed, in time order (${int(day.replayed)} of ${int(day.requests)}; ${seconds(day.replayMs.before)} s before, ${seconds(day.replayMs.after)} s after), and each counted for ${day.sample === 1 ? "itself" : `the ${day.sample} it stands for`}; the cron runs are those of wrangler.toml's \`crons\`. 429s: the Worker invocations from the one past ${int(FREE_DAILY_REQUESTS)} on, which the router would refuse on the free plan (cron runs spread evenly over the day).

The day:

${describeDay()
  .map((line) => `- ${line}`)
  .join("\n")}

${table(["class", "requests", "Worker invocations before", "after", "429s past the limit, before / after", "answers after (replayed)"], rows)}

${limitVerdict("Before", before)}
${limitVerdict("After", after)}`;
}

function trafficDays(result: BenchResult): string {
  const days = result.sizes.flatMap((s) => (s.trafficDay ? [s.trafficDay] : []));
  if (days.length === 0) return "Not measured in this run.";
  return days.map((d) => (d.ok ? trafficSection(d.value) : `Not measured: ${cell(d.error)}`)).join("\n\n");
}

function failures(result: BenchResult): string {
  const lines = result.sizes.flatMap((s) =>
    (
      [
        ["our build", s.builds],
        ["Hugo", s.hugoMs],
        ["fresh isolates", s.fresh],
        ["steady state", s.serving],
        ["wrangler dev", s.wranglerDevMs],
        ["one more article", s.delta],
        ["rebuild after one edit", s.rebuild],
        ["rebuild with nothing changed", s.noopRebuild],
        ["wrangler dev over a previous build", s.devRestart],
        ["a day of a news site", s.trafficDay],
      ] as const
    ).flatMap(([what, m]) => (m && !m.ok ? [`- ${int(s.articles)} articles, ${what}: ${m.error}`] : [])),
  );
  if (result.largeBody && !result.largeBody.ok) lines.push(`- large bodies: ${result.largeBody.error}`);
  return lines.length ? lines.join("\n") : "None: every measurement ran at every size.";
}

export function writeReport(result: BenchResult): string {
  const { options: o, environment: env } = result;
  const versions = table(["tool", "version"], Object.entries(env.versions));
  const steady = result.sizes.map((s) => `### ${int(s.articles)} articles\n\n${steadyTable(s)}`).join("\n\n");
  return `# Benchmarks

Generated by \`npm run bench${o.quick ? " -- --quick" : ""}${o.only ? ` -- --only ${o.only}` : ""}\`${o.quick || o.only === "large-body" ? "" : ` (sizes ${o.sizes.join(", ")})`}; do not edit by hand, re-run it. What each target means and how it is measured: [docs/performance.md](docs/performance.md).

- Date: ${env.date}; run took ${fixed(result.durationMinutes, 1)} min
- Machine: \`nproc\` = ${env.nproc}, ${env.cpu}, ${env.kernel}; shared with other work while it ran
- Load average (1, 5, 15 min) before: ${result.loadBefore}; after: ${result.loadAfter}
- wrk: ${o.wrk.threads} thread(s), ${o.wrk.connections} connections, ${o.wrk.durationSeconds} s per run, ${o.rounds} round(s), servers alternating which goes first; medians over rounds, ratios computed within each round
- Builds: median of ${o.buildRepeats} below 100,000 articles, one at 100,000; ours on a pseudo-terminal (\`script\`), as a writer runs it, so its progress line is drawn.
- The Worker is the \`wrangler deploy --dry-run\` bundle run by the \`workerd\` binary directly. Its \`ASSETS\` binding is a Fetcher bound to a workerd \`disk\` service over the built \`dist/site/\`: a stand-in for the asset server (bytes by path, a 404 for a missing file, nothing else), in the same process, so its CPU counts in ours, where in production the asset server runs outside the Worker.

${versions}

## Targets

Each cell: status, the measured number, and what it is of (the worst route, the two times compared) or why it could not be measured. "(not judged)" marks a size the target does not name, shown for the trend.

${targetsTable(result)}

## Scale

"publish" = \`scripts/build-articles.ts\` (parse, render every body into the assets, write them and the manifest); "full build" = publish + bundle (\`wrangler deploy --dry-run\`), what a deploy runs; "bundle, one asset" = the same command with \`--assets\` naming a folder of one file, wrangler's fixed cost (not part of the full build); Hugo builds the same corpus as Markdown. Assets: the files of \`dist/site/\`, what a deploy uploads besides the script. Start-up: spawn of \`workerd\` to the end of its first response (a route's), median over one fresh start per route, against an empty Worker started alternately with it. Heap: V8 heap in use (inspector, after a collection) once every route has answered. \`wrangler dev\`: spawn to the first 200 of \`/\` on a built project copy.

${scaleTable(result)}

## First request of each route, fresh isolate

workerd's CPU (ms, all threads, \`/proc/*/task/*/schedstat\`, the disk service's reads included) for one request, each route in its own new isolate that has evaluated the script and answered nothing before. The process is warmed first, as a production machine is: it is left to go idle, and another Worker in it answers a request and reads an asset, paying workerd's once-per-process costs (\`bench/measure-fresh.ts\`). The last column is the same request to an empty Worker started the same way (median): workerd's own share.

${firstRequestTable(result)}

## Steady state against the floor Worker

The floor Worker (\`bench/floor-worker.ts\`) serves the very bytes and headers ours answered from a \`Map\` in memory, with an exact If-None-Match check and no router. Ours reads each 200's body through \`ASSETS\` (a whole file, or a shard it slices). CPU per request: utime + stime of the server's process tree from \`/proc\` over the wrk run.

${steady}

## Changes

One more article: the corpus committed, built, one article added and committed, built again; the bytes of the second upload (script and assets) whose files are new or whose content changed. Rebuild: one article of that tree edited and left uncommitted, then \`scripts/build-articles.ts\` (what \`wrangler dev\` runs on every change) over the assets already in place.

${changesTable(result)}

## Rebuilds with nothing changed

No-op rebuild: on that tree, committed, then with every article untracked (dated by its modification time), a build, then the measured build with nothing changed since; "files it wrote": files under \`dist/\` and \`src/generated/\` whose size or time moved. \`wrangler dev\` over a previous build: a committed tree built for the address \`wrangler dev\` then serves, and \`wrangler dev\` started on it with its \`[build]\` step, spawn to the first 200 of \`/\`; then the same with every article untracked.

${noopTable(result)}

## Large bodies

Rounds of ${CONCURRENT_GETS} concurrent GETs (${LARGE_BODY_ROUNDS} rounds) of an article's 24 MiB image, each body checked whole by length and SHA-256, against the same for a 1 KiB image, each in a workerd process of its own (\`bench/measure-large-body.ts\`). Isolate: V8's \`Runtime.getHeapUsage\` through workerd's inspector, JS heap in use plus ArrayBuffer backing stores (where a body read whole lies), before the first GET and the most seen, sampled every ${LARGE_BODY_SAMPLE_MS} ms or as fast as the isolate answers; RSS: the workerd process, its disk service's reads included.

${largeBodyTable(result)}

## A day of a news site

${trafficDays(result)}

## What could not be measured

${failures(result)}
`;
}
