// BENCHMARKS.md from one run's results: every table the issue asks for, then the targets.
import type { WorkerBuild } from "./build-worker.ts";
import { ratiosOf, type Samples, type Summary, summarize } from "./measure-serving.ts";
import {
  type BenchResult,
  NGINX,
  type SizeResult,
  WORKERD,
  WORKERD_FLOOR,
  WORKERD_GZIP,
  WRANGLER_DEV,
} from "./results.ts";
import { median } from "./stats.ts";

const MIB = 1024 * 1024;
const LIMITS = {
  freeScriptGzip: 3 * MIB,
  paidScriptGzip: 10 * MIB,
  startupMs: 1000,
  isolateBytes: 128 * MIB,
  freeCpuMs: 10,
};

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–");
const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const mib = (bytes: number) => fixed(bytes / MIB, 1);
const seconds = (ms: number) => fixed(ms / 1000, 2);
const row = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;
const table = (head: readonly string[], rows: readonly (readonly (string | number)[])[]) =>
  [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");
const mark = (ok: boolean) => (ok ? "met" : "**missed**");

function samplesOf(serving: Samples, endpoint: string, server: string) {
  return serving.get(endpoint)?.get(server) ?? [];
}

function summaryOf(serving: Samples, endpoint: string, server: string): Summary {
  return summarize(samplesOf(serving, endpoint, server));
}

function buildMedians(builds: readonly WorkerBuild[]) {
  const parse = median(builds.map((b) => b.parseMs));
  const render = median(builds.map((b) => b.renderMs));
  const bundle = median(builds.map((b) => b.bundleMs));
  const full = median(builds.map((b) => b.parseMs + b.renderMs + b.bundleMs));
  return { parse, render, bundle, full };
}

function lastBuild(size: SizeResult): WorkerBuild {
  return size.builds[size.builds.length - 1] as WorkerBuild;
}

function servingTable(size: SizeResult): string {
  const dev = size.servers.includes(WRANGLER_DEV);
  const floor = size.servers.includes(WORKERD_FLOOR);
  const head = [
    "request",
    "body bytes",
    "workerd req/s",
    "nginx req/s",
    "req/s ratio",
    "workerd p50 / p99 ms",
    "nginx p50 / p99 ms",
    "workerd CPU µs/req",
    "nginx CPU µs/req",
    "CPU ratio",
    ...(floor ? ["floor req/s", "floor CPU µs/req", "floor ÷ nginx req/s", "floor ÷ nginx CPU"] : []),
    ...(dev ? ["wrangler dev req/s", "wrangler dev CPU µs/req"] : []),
  ];
  const rows = size.endpoints.map((e) => {
    const w = summaryOf(size.serving, e.label, WORKERD);
    const n = summaryOf(size.serving, e.label, NGINX);
    const r = ratiosOf(samplesOf(size.serving, e.label, WORKERD), samplesOf(size.serving, e.label, NGINX));
    const d = summaryOf(size.serving, e.label, WRANGLER_DEV);
    const f = summaryOf(size.serving, e.label, WORKERD_FLOOR);
    const fr = ratiosOf(samplesOf(size.serving, e.label, WORKERD_FLOOR), samplesOf(size.serving, e.label, NGINX));
    const file = size.files.find((f) => f.path === e.path);
    return [
      e.label,
      e.expectStatus === 304 ? "0" : int(file?.bytes ?? Number.NaN),
      int(w.requestsPerSecond),
      int(n.requestsPerSecond),
      `${fixed(r.rate)}×`,
      `${fixed(w.p50Ms)} / ${fixed(w.p99Ms)}`,
      `${fixed(n.p50Ms)} / ${fixed(n.p99Ms)}`,
      int(w.cpuUsPerRequest),
      int(n.cpuUsPerRequest),
      `${fixed(r.cpu)}×`,
      ...(floor ? [int(f.requestsPerSecond), int(f.cpuUsPerRequest), `${fixed(fr.rate)}×`, `${fixed(fr.cpu)}×`] : []),
      ...(dev ? [int(d.requestsPerSecond), int(d.cpuUsPerRequest)] : []),
    ];
  });
  return table(head, rows);
}

function scaleTable(result: BenchResult): string {
  const head = [
    "articles",
    "corpus MiB",
    "parse s",
    "render s",
    "bundle s",
    "full build s",
    "Hugo s",
    "ours ÷ Hugo",
    "bundle MiB raw / gzip",
    "startup to first response ms",
    "RSS MiB start / loaded",
    "isolate heap MiB",
  ];
  const rows = result.sizes.map((s) => {
    const b = buildMedians(s.builds);
    const hugo = median(s.hugoMs);
    const last = lastBuild(s);
    return [
      int(s.articles),
      mib(s.corpusBytes),
      seconds(b.parse),
      seconds(b.render),
      seconds(b.bundle),
      seconds(b.full),
      seconds(hugo),
      `${fixed(b.full / hugo)}×`,
      `${mib(last.scriptBytes)} / ${mib(last.scriptGzipBytes)}`,
      int(s.startupMs),
      `${mib(s.rssStartBytes)} / ${mib(s.rssLoadedBytes)}`,
      mib(s.heapBytes),
    ];
  });
  return table(head, rows);
}

function coldTable(result: BenchResult): string {
  const paths = result.sizes[0] ? [...result.sizes[0].coldMs.keys()] : [];
  const head = ["articles", ...paths.map((p, i) => (p.startsWith("/articles/") ? `article page ${i - 2}` : p))];
  return table(
    head,
    result.sizes.map((s) => [int(s.articles), ...[...s.coldMs.values()].map((ms) => fixed(ms, 1))]),
  );
}

function flatnessTable(result: BenchResult): string {
  const endpoints = result.sizes[0]?.endpoints ?? [];
  const head = ["request", ...result.sizes.flatMap((s) => [`workerd µs @ ${int(s.articles)}`]), "largest ÷ smallest"];
  const rows = endpoints.map((e) => {
    const values = result.sizes.map((s) => summaryOf(s.serving, e.label, WORKERD).cpuUsPerRequest);
    return [e.label, ...values.map(int), `${fixed((values.at(-1) ?? Number.NaN) / (values[0] ?? Number.NaN))}×`];
  });
  return table(head, rows);
}

interface LimitCheck {
  readonly limit: string;
  readonly measure: (s: SizeResult) => number;
  readonly max: number;
  readonly show: (n: number) => string;
}

function limitChecks(): LimitCheck[] {
  const maxCold = (s: SizeResult) => Math.max(...s.coldMs.values());
  return [
    {
      limit: "script ≤ 3 MiB gzip (free)",
      measure: (s) => lastBuild(s).scriptGzipBytes,
      max: LIMITS.freeScriptGzip,
      show: (n) => `${mib(n)} MiB`,
    },
    {
      limit: "script ≤ 10 MiB gzip (paid)",
      measure: (s) => lastBuild(s).scriptGzipBytes,
      max: LIMITS.paidScriptGzip,
      show: (n) => `${mib(n)} MiB`,
    },
    {
      limit: "startup ≤ 1 s (spawn to first response, workerd's own start included)",
      measure: (s) => s.startupMs,
      max: LIMITS.startupMs,
      show: (n) => `${int(n)} ms`,
    },
    {
      limit: "isolate memory ≤ 128 MiB (V8 heap, all bodies rendered)",
      measure: (s) => s.heapBytes,
      max: LIMITS.isolateBytes,
      show: (n) => `${mib(n)} MiB`,
    },
    {
      limit: "CPU ≤ 10 ms per request (free), steady state",
      measure: (s) =>
        Math.max(...s.endpoints.map((e) => summaryOf(s.serving, e.label, WORKERD).cpuUsPerRequest)) / 1000,
      max: LIMITS.freeCpuMs,
      show: (n) => `${fixed(n, 3)} ms`,
    },
    {
      limit: "CPU ≤ 10 ms per request (free), first request (renders the body)",
      measure: maxCold,
      max: LIMITS.freeCpuMs,
      show: (n) => `${fixed(n, 1)} ms`,
    },
  ];
}

/** Articles at which the measure reaches the limit, on the line through the two largest corpora. */
function estimateLimit(sizes: readonly SizeResult[], check: LimitCheck): string {
  const [a, b] = sizes.slice(-2);
  if (!a || !b) return "–";
  const slope = (check.measure(b) - check.measure(a)) / (b.articles - a.articles);
  if (!(slope > 0)) return "no growth measured";
  const articles = b.articles + (check.max - check.measure(b)) / slope;
  return articles <= 0 ? "none" : `≈ ${int(Math.round(articles / 100) * 100)}`;
}

function limitsTable(result: BenchResult): string {
  const head = [
    "Cloudflare limit",
    ...result.sizes.map((s) => `${int(s.articles)} articles`),
    "largest measured corpus that fits",
    "estimated limit (linear through the two largest)",
  ];
  const rows = limitChecks().map((check) => {
    const fits = result.sizes.filter((s) => check.measure(s) <= check.max);
    const largest = fits.length ? int(Math.max(...fits.map((s) => s.articles))) : "none measured";
    return [
      check.limit,
      ...result.sizes.map((s) => `${check.show(check.measure(s))}${check.measure(s) <= check.max ? "" : " ✗"}`),
      largest,
      estimateLimit(result.sizes, check),
    ];
  });
  return table(head, rows);
}

function compressionSection(result: BenchResult): string {
  const c = result.compression;
  if (!c) return "Not measured in this run.";
  const sizes = table(
    [
      "response",
      "identity bytes",
      "gzip -9 bytes (nginx gzip_static)",
      "gzip bytes (Worker, CompressionStream)",
      "saved",
      "first gzip request ms",
    ],
    [...c.wireBytes].map(([label, w]) => [
      label,
      int(w.identity),
      int(w.gzip),
      int(w.workerGzip),
      `${fixed(100 * (1 - w.workerGzip / w.identity), 0)} %`,
      fixed(c.firstGzipMs.get(label) ?? Number.NaN, 1),
    ]),
  );
  const head = [
    "request (Accept-Encoding: gzip)",
    ...c.servers.flatMap((s) => [`${s} req/s`, `${s} CPU µs/req`, `${s} bytes/resp`]),
  ];
  const serving = table(
    head,
    c.endpoints.map((e) => [
      e.label,
      ...c.servers.flatMap((s) => {
        const m = summaryOf(c.samples, e.label, s);
        return [int(m.requestsPerSecond), int(m.cpuUsPerRequest), int(m.bytesPerResponse)];
      }),
    ]),
  );
  const ratios = table(
    [
      "request (Accept-Encoding: gzip)",
      "gzip prototype ÷ nginx req/s",
      "gzip prototype ÷ nginx CPU",
      "gzip prototype ÷ identity Worker CPU",
    ],
    c.endpoints.map((e) => {
      const g = samplesOf(c.samples, e.label, WORKERD_GZIP);
      const vsNginx = ratiosOf(g, samplesOf(c.samples, e.label, NGINX));
      const vsIdentity = ratiosOf(g, samplesOf(c.samples, e.label, WORKERD));
      return [e.label, `${fixed(vsNginx.rate)}×`, `${fixed(vsNginx.cpu)}×`, `${fixed(vsIdentity.cpu)}×`];
    }),
  );
  const sizesRows = result.sizes.map((s) => {
    const last = lastBuild(s);
    return [
      int(s.articles),
      int(last.render.outputs),
      mib(last.render.bytes),
      mib(last.render.gzipBytes),
      mib(last.scriptGzipBytes),
      mib(last.scriptGzipBytes + last.render.gzipBytes),
    ];
  });
  const bundle = table(
    [
      "articles",
      "bodies",
      "all bodies MiB",
      "all bodies gzip -9 MiB",
      "script gzip MiB now",
      "script gzip MiB if it carried them",
    ],
    sizesRows,
  );
  return `${compressionDecision(result)}\n\nAt ${int(c.articles)} articles. Wire sizes of each response:\n\n${sizes}\n\nServing with \`Accept-Encoding: gzip, deflate, br\` (the identity Worker ignores it, as the product does today):\n\n${serving}\n\n${ratios}\n\nWhat carrying every body pre-compressed in the script would cost (gzip bodies do not compress further):\n\n${bundle}`;
}

/** The decision, from this run's numbers: what gzip saves, what it costs, where the bodies live. */
function compressionDecision(result: BenchResult): string {
  const c = result.compression;
  const largest = result.sizes.at(-1);
  if (!c || !largest) return "";
  const feeds = [...c.wireBytes].filter(([label]) => /RSS|Atom|JSON/.test(label));
  const saved = median(feeds.map(([, w]) => 1 - w.workerGzip / w.identity));
  const cpu = median(
    c.endpoints.map(
      (e) => ratiosOf(samplesOf(c.samples, e.label, WORKERD_GZIP), samplesOf(c.samples, e.label, WORKERD)).cpu,
    ),
  );
  const firstMs = Math.max(...feeds.map(([label]) => c.firstGzipMs.get(label) ?? 0));
  const last = lastBuild(largest);
  const carried = last.scriptGzipBytes + last.render.gzipBytes;
  return [
    saved >= 0.3 && carried > LIMITS.freeScriptGzip
      ? "**Decision: serve gzip, compressed once per isolate on first request and kept next to the identity body; do not carry pre-compressed bodies in the script.** Numbers from this run:"
      : `**Decision (re-read the numbers, they differ from the run this rule was written for): gzip saves ${fixed(100 * saved, 0)} %; carrying every body pre-compressed ${carried > LIMITS.freeScriptGzip ? "does not" : "does"} fit the free plan's script limit.** Numbers from this run:`,
    `gzip removes ${fixed(100 * saved, 0)} % of a feed's bytes (median of the three feeds), which Cloudflare's edge does not do for \`application/atom+xml\` and \`application/feed+json\`;`,
    `serving the kept gzip body costs ${fixed(cpu)}× the identity body's CPU per request in workerd (median over the five responses), so it is neither a saving nor a cost there — workerd's per-request cost, not the body size, dominates;`,
    `compressing costs at most ${fixed(firstMs, 1)} ms once per body per isolate (the first gzip request of a feed);`,
    `carrying every body pre-compressed would take the script from ${mib(last.scriptGzipBytes)} to ${mib(carried)} MiB gzip at ${int(largest.articles)} articles (gzip bodies do not compress again), against the ${mib(LIMITS.freeScriptGzip)} / ${mib(LIMITS.paidScriptGzip)} MiB limits.`,
  ].join(" ");
}

interface TargetLine {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

function targetLines(result: BenchResult): TargetLine[] {
  const lines: TargetLine[] = [];
  const ok200 = (s: SizeResult) => s.endpoints.filter((e) => e.expectStatus === 200);
  const all = result.sizes.flatMap((s) =>
    ok200(s).map((e) => ({
      size: s.articles,
      label: e.label,
      ...ratiosOf(samplesOf(s.serving, e.label, WORKERD), samplesOf(s.serving, e.label, NGINX)),
    })),
  );
  const worstRate = all.reduce((a, b) => (b.rate < a.rate ? b : a), all[0] ?? { rate: Number.NaN, size: 0, label: "" });
  const worstCpu = all.reduce((a, b) => (b.cpu > a.cpu ? b : a), all[0] ?? { cpu: Number.NaN, size: 0, label: "" });
  const rateMet = all.filter((x) => x.rate >= 0.5).length;
  const cpuMet = all.filter((x) => x.cpu <= 2.5).length;
  lines.push({
    target: "feeds and pages ≥ 0.5× nginx's requests/s",
    measured: `${rateMet} of ${all.length} (request, size) pairs; lowest ${fixed(worstRate.rate)}× (${worstRate.label}, ${int(worstRate.size)} articles)`,
    met: rateMet === all.length,
  });
  lines.push({
    target: "feeds and pages ≤ 2.5× nginx's CPU per request",
    measured: `${cpuMet} of ${all.length}; highest ${fixed(worstCpu.cpu)}× (${worstCpu.label}, ${int(worstCpu.size)} articles)`,
    met: cpuMet === all.length,
  });
  const detail = result.sizes.find((s) => s.servers.includes(WORKERD_FLOOR));
  if (detail) {
    const floor = ok200(detail).map((e) =>
      ratiosOf(samplesOf(detail.serving, e.label, WORKERD_FLOOR), samplesOf(detail.serving, e.label, NGINX)),
    );
    lines.push({
      target: `for reference: the hand-tuned floor Worker, same rounds (${int(detail.articles)} articles)`,
      measured: `req/s ${fixed(Math.min(...floor.map((f) => f.rate)))}–${fixed(Math.max(...floor.map((f) => f.rate)))}× nginx; CPU ${fixed(Math.min(...floor.map((f) => f.cpu)))}–${fixed(Math.max(...floor.map((f) => f.cpu)))}× nginx`,
      met: floor.every((f) => f.rate >= 0.5 && f.cpu <= 2.5),
    });
  }
  const cheaper = result.sizes.map((s) => {
    const notModified = s.endpoints.find((e) => e.expectStatus === 304);
    const full = s.endpoints.find((e) => e.path === notModified?.path && e.expectStatus === 200);
    const a = summaryOf(s.serving, notModified?.label ?? "", WORKERD).cpuUsPerRequest;
    const b = summaryOf(s.serving, full?.label ?? "", WORKERD).cpuUsPerRequest;
    return { size: s.articles, a, b };
  });
  lines.push({
    target: "a 304 cheaper than a 200 (Worker CPU per request, /rss.xml)",
    measured: cheaper.map((c) => `${int(c.a)} vs ${int(c.b)} µs @ ${int(c.size)}`).join("; "),
    met: cheaper.every((c) => c.a < c.b),
  });
  const first = result.sizes[0];
  const last = result.sizes.at(-1);
  if (first && last && first !== last) {
    const growth = first.endpoints.map((e) => ({
      label: e.label,
      ratio:
        summaryOf(last.serving, e.label, WORKERD).cpuUsPerRequest /
        summaryOf(first.serving, e.label, WORKERD).cpuUsPerRequest,
    }));
    const worst = growth.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    lines.push({
      target: `serving cost flat from ${int(first.articles)} to ${int(last.articles)} articles (within 25 %, the run-to-run noise here)`,
      measured: `Worker CPU per request at ${int(last.articles)} ÷ at ${int(first.articles)}: at most ${fixed(worst.ratio)}× (${worst.label})`,
      met: worst.ratio <= 1.25,
    });
  }
  if (last) {
    const ours = buildMedians(last.builds).full;
    const hugo = median(last.hugoMs);
    lines.push({
      target: `full build of ${int(last.articles)} articles ≤ 0.5× Hugo's time`,
      measured: `${seconds(ours)} s vs Hugo ${seconds(hugo)} s = ${fixed(ours / hugo)}×`,
      met: ours / hugo <= 0.5,
    });
  }
  return lines;
}

export function writeReport(result: BenchResult): string {
  const { options: o, environment: env } = result;
  const versions = table(["tool", "version"], Object.entries(env.versions));
  const sections = result.sizes.map((s) => `### ${int(s.articles)} articles\n\n${servingTable(s)}`).join("\n\n");
  const targets = table(
    ["target", "measured (this run)", "status"],
    targetLines(result).map((t) => [t.target, t.measured, mark(t.met)]),
  );
  return `# Benchmarks

Generated by \`npm run bench${o.quick ? " -- --quick" : ""}\`; do not edit by hand, re-run it. How to read these numbers, and what bounds them: [docs/performance.md](docs/performance.md).

- Date: ${env.date}; run took ${fixed(result.durationMinutes, 1)} min
- Machine: \`nproc\` = ${env.nproc}, ${env.cpu}, ${env.kernel}
- Load average (1, 5, 15 min) before: ${result.loadBefore}; after: ${result.loadAfter}
- wrk: ${o.wrk.threads} thread(s), ${o.wrk.connections} connections, ${o.wrk.durationSeconds} s per run, ${o.rounds} round(s), servers alternating which goes first; medians over rounds, ratios computed within each round
- The Worker is the \`wrangler deploy --dry-run\` bundle run by the \`workerd\` binary directly (one isolate, one thread); nginx runs one worker process and serves the very bytes the Worker returned, as static files with the same Content-Type, Cache-Control and security headers, \`sendfile\` on, \`gzip_static\` on (used only in section 4).
- CPU per request: utime + stime of the server's process tree from \`/proc\`, over the wrk run, ÷ requests.
- An empty Worker (\`new Response("ok")\`) starts in ${int(result.baseline.startupMs)} ms with ${mib(result.baseline.rssBytes)} MiB RSS and ${mib(result.baseline.heapBytes)} MiB of V8 heap: the floor under every number below.

${versions}

## Targets

${targets}

## 1. Serving

${sections}

At ${int(o.detailSize)} articles two more servers ran in the same rounds. The **floor** is a hand-tuned Worker (\`bench/floor-worker.ts\`) serving the same bytes and headers from a \`Map\`, with no router and an exact-match If-None-Match: what it costs beyond nginx is workerd's own, what ours costs beyond it is ours. \`wrangler dev\` (secondary column) puts wrangler's proxy in front of workerd; its CPU column counts wrangler's Node processes and workerd together.

## 2. Scale

Synthetic corpus (\`bench/generate-corpus.ts\`, deterministic, ~5 KB per article, non-ASCII and markup characters included). Builds: median of ${o.buildRepeats}. "render" renders every feed and page once in Node (what Hugo does; the Worker itself renders each body on first request); "full build" = parse + render + bundle.

${scaleTable(result)}

First request of each body in a fresh isolate: workerd's CPU time in ms (all its threads, from \`/proc/*/task/*/schedstat\`), while the body is rendered, encoded and hashed (then kept). Requests go in this order; "article page 1" is the first HTML page the isolate renders, "article page 2" another one right after it, so their difference is the one-off cost of the first page (compiling the page code, creating the Intl date formatter):

${coldTable(result)}

Worker CPU per request by corpus size (is per-request work independent of the archive?):

${flatnessTable(result)}

Against Cloudflare's limits:

${limitsTable(result)}

## 3. Peer: Hugo

Hugo builds the same corpus converted to Markdown (front matter: title, date, url, id, abstract), with an HTML page per article, the home page, and RSS (20 items, full content), from scratch each time (\`hugo --quiet\`, no public/ or resources/ left over). Times are in the scale table above (columns "full build s" and "Hugo s").

${table(
  ["articles", "ours: parse + bundle (what deploys) s", "ours: parse + render + bundle s", "Hugo s"],
  result.sizes.map((s) => {
    const b = buildMedians(s.builds);
    return [int(s.articles), seconds(b.parse + b.bundle), seconds(b.full), seconds(median(s.hugoMs))];
  }),
)}

## 4. Compression

${compressionSection(result)}
`;
}
