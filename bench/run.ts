// `npm run bench`: the Worker that serves every body from Workers Static Assets, measured
// against the targets of that design (bench/decide-targets.ts) at three corpus sizes, with
// Hugo as the build peer and a floor Worker as the serving peer. Writes BENCHMARKS.md.
// See docs/performance.md for how to read it.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunningServer } from "../scripts/process-group.ts";
import { startWorkerd } from "../scripts/workerd-server.ts";
import { startWranglerDev } from "../scripts/wrangler-dev-server.ts";
import { articlePath, parseArticleFileName } from "../src/model/paths.ts";
import { articleShardPath, readShardIndex } from "../src/model/shard-file.ts";
import { attempt } from "./attempt.ts";
import { buildWorker, readManifest, type WorkerBuild } from "./build-worker.ts";
import { ensurePackages } from "./ensure-packages.ts";
import { readEnvironment, readLoadAverage } from "./environment.ts";
import { writeFloorWorker } from "./floor-worker.ts";
import { writeCorpus } from "./generate-corpus.ts";
import { buildHugoSite, writeHugoSite } from "./hugo-site.ts";
import { measureDelta } from "./measure-delta.ts";
import { measureDevRestart } from "./measure-dev-restart.ts";
import { measureFresh, type Route } from "./measure-fresh.ts";
import { measureLargeBody } from "./measure-large-body.ts";
import { measureNoopRebuild } from "./measure-noop-rebuild.ts";
import { measureRebuild } from "./measure-rebuild.ts";
import { type Endpoint, measureServing } from "./measure-serving.ts";
import { measureTrafficDay } from "./measure-traffic-day.ts";
import { mirrorWorker } from "./mirror-worker.ts";
import { readOptions } from "./options.ts";
import { type BenchResult, type Serving, type SizeResult, WORKERD, WORKERD_FLOOR } from "./results.ts";
import { writeReport } from "./write-report.ts";

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const options = readOptions(process.argv.slice(2));
/** Builds of this many articles take minutes: one each. */
const LARGE = 100_000;

function corpusBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/**
 * The routes whose first request and steady state the targets name. The article and the
 * archive page are from the middle of the archive: stored in shards, as most of them are.
 */
function routesOf(build: WorkerBuild, corpusDir: string): Route[] {
  const pageCount = readManifest(build).states.at(-1)?.pageCount ?? 0;
  return [
    { label: "index /", path: "/" },
    { label: "archive page (middle)", path: `/page/${Math.max(1, Math.ceil(pageCount / 2))}` },
    { label: "article page (middle)", path: middleArticlePath(build, corpusDir) },
    { label: "RSS /rss.xml", path: "/rss.xml" },
    { label: "Atom /atom.xml", path: "/atom.xml" },
    { label: "JSON Feed /feed.json", path: "/feed.json" },
    { label: "sitemap /sitemap.xml", path: "/sitemap.xml" },
  ];
}

/** The canonical path of the corpus's middle article, its slug read from the shard the build wrote. */
function middleArticlePath(build: WorkerBuild, corpusDir: string): string {
  const names = readdirSync(corpusDir).sort();
  const id = parseArticleFileName(names[Math.floor(names.length / 2)] ?? "")?.id;
  if (!id) throw new Error(`${corpusDir}: no NNN_<hex>.txt article in the middle`);
  const shard = readFileSync(join(build.siteDir, articleShardPath(id)));
  const entry = readShardIndex(new Uint8Array(shard)).entries.get(id);
  if (!entry) throw new Error(`${build.siteDir}${articleShardPath(id)}: no entry for article ${id}`);
  return articlePath({ id, slug: entry.slug ?? "" });
}

async function etagOf(server: RunningServer, path: string): Promise<string> {
  // As wrk asks, with no coding: a body stored gzip-coded has another tag for a gzip client
  // (fetch asks for gzip unless told), and wrk sending that one would measure 200s, not 304s.
  const response = await fetch(`${server.origin}${path}`, { headers: { "Accept-Encoding": "identity" } });
  await response.arrayBuffer();
  const etag = response.headers.get("etag");
  if (!etag) throw new Error(`${server.label} sent no ETag for ${path}; expected one on every body`);
  return etag;
}

/** Every route's 200, and a feed reader's and a crawler's revalidation: their stored ETag back in If-None-Match. */
async function servingEndpoints(servers: readonly RunningServer[], routes: readonly Route[]): Promise<Endpoint[]> {
  const plain: Endpoint[] = routes.map(({ label, path }) => ({
    label,
    path,
    headers: new Map(servers.map((s) => [s.label, []])),
    expectStatus: 200,
  }));
  const revalidations = routes.filter((r) => r.path === "/rss.xml" || r.label.startsWith("article"));
  const notModified = await Promise.all(
    revalidations.map(
      async ({ label, path }): Promise<Endpoint> => ({
        label: `304 ${label} (If-None-Match)`,
        path,
        headers: new Map(
          await Promise.all(servers.map(async (s) => [s.label, [`If-None-Match: ${await etagOf(s, path)}`]] as const)),
        ),
        expectStatus: 304,
      }),
    ),
  );
  return [...plain, ...notModified];
}

async function measureBuilds(corpusDir: string, sizeDir: string, articles: number): Promise<WorkerBuild[]> {
  const repeats = articles >= LARGE ? 1 : options.buildRepeats;
  const builds: WorkerBuild[] = [];
  for (let i = 0; i < repeats; i++) {
    log(`${articles} articles: our build ${i + 1}/${repeats}`);
    // On a terminal, as a writer runs it, so its progress line can be seen.
    builds.push(await buildWorker(corpusDir, join(sizeDir, "worker"), { terminal: true }));
  }
  return builds;
}

async function measureHugo(corpusDir: string, sizeDir: string, articles: number): Promise<number[]> {
  const repeats = articles >= LARGE ? 1 : options.buildRepeats;
  const hugoDir = join(sizeDir, "hugo");
  writeHugoSite(corpusDir, hugoDir);
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    log(`${articles} articles: Hugo build ${i + 1}/${repeats}`);
    times.push(await buildHugoSite(hugoDir));
  }
  rmSync(hugoDir, { recursive: true, force: true });
  return times;
}

/** Our Worker, its assets read from disk, against the floor Worker serving the very bytes ours answered. */
async function measureSteadyState(build: WorkerBuild, routes: readonly Route[], sizeDir: string): Promise<Serving> {
  const started: RunningServer[] = [];
  try {
    const worker = await startWorkerd({
      label: WORKERD,
      modules: [{ name: "index.js", path: build.scriptPath }],
      compatibilityDate: build.compatibilityDate,
      assetsDir: build.siteDir,
      dir: sizeDir,
      ready: { path: "/", status: 200 },
    });
    started.push(worker);
    const root = join(sizeDir, "floor-root");
    const files = await mirrorWorker(
      worker.origin,
      routes.map((r) => r.path),
      root,
    );
    const floor = await startWorkerd({
      label: WORKERD_FLOOR,
      modules: writeFloorWorker(sizeDir, root, files),
      compatibilityDate: build.compatibilityDate,
      dir: sizeDir,
      ready: { path: "/", status: 200 },
    });
    started.push(floor);
    const endpoints = await servingEndpoints(started, routes);
    const samples = await measureServing(started, endpoints, options.rounds, options.wrk, log);
    return { endpoints, samples, bodyBytes: new Map(files.map((f) => [f.path, f.bytes])) };
  } finally {
    for (const server of started) await server.stop();
  }
}

async function measureWranglerDev(build: WorkerBuild): Promise<number> {
  const dev = await startWranglerDev(build.dir, {
    logFile: join(build.dir, "wrangler-dev.log"),
    ready: { path: "/", status: 200 },
    timeoutMs: 120_000,
    // Polled often enough that start-up is read to a few ms.
    intervalMs: 10,
  });
  await dev.stop();
  return dev.startupMs;
}

const notMeasured = (why: string) => ({ ok: false as const, error: why });

/**
 * One more article, then one edit, then rebuilds with nothing changed, on a committed tree of
 * `articles` (only at options.deltaSize).
 */
async function measureChanges(
  articles: number,
  sizeDir: string,
): Promise<Pick<SizeResult, "delta" | "rebuild" | "noopRebuild">> {
  log(`${articles} articles: two committed builds, the second with one more article`);
  const measured = await attempt(() => measureDelta(articles, join(sizeDir, "delta")), log);
  if (!measured.ok) {
    const why = notMeasured(`not built: ${measured.error}`);
    return { delta: measured, rebuild: why, noopRebuild: why };
  }
  log(`${articles} articles: rebuild after editing one article`);
  const rebuild = await attempt(() => measureRebuild(measured.value.tree), log);
  log(`${articles} articles: rebuilds with nothing changed, committed and not`);
  const noopRebuild = await attempt(() => measureNoopRebuild(measured.value.tree), log);
  return { delta: { ok: true, value: measured.value.delta }, rebuild, noopRebuild };
}

/**
 * `--only noop`: the rebuild with nothing changed on the committed tree of one more article,
 * and `wrangler dev` over a previous build at the largest size; nothing else is measured.
 */
async function measureNoopOnly(articles: number): Promise<SizeResult> {
  const sizeDir = join(options.workDir, `corpus-${articles}`);
  mkdirSync(sizeDir, { recursive: true });
  const skipped = notMeasured("not in this run (--only noop)");
  let noopRebuild: SizeResult["noopRebuild"];
  if (articles === options.deltaSize) {
    log(`${articles} articles: a committed tree, then rebuilds with nothing changed`);
    const built = await attempt(() => measureDelta(articles, join(sizeDir, "delta")), log);
    noopRebuild = built.ok
      ? await attempt(() => measureNoopRebuild(built.value.tree), log)
      : notMeasured(`not built: ${built.error}`);
  }
  const devRestart = isLargest(articles)
    ? await attempt(() => measureDevRestart(articles, join(sizeDir, "dev"), log), log)
    : undefined;
  const none = { builds: skipped, hugoMs: skipped, fresh: skipped, serving: skipped, wranglerDevMs: skipped };
  return { articles, corpusBytes: 0, ...none, delta: undefined, rebuild: undefined, noopRebuild, devRestart };
}

/** A day of a news site replayed under `wrangler dev`, before and after the [assets] rules (only at options.trafficSize). */
function measureTraffic(articles: number, sizeDir: string): Promise<SizeResult["trafficDay"]> {
  if (articles !== options.trafficSize) return Promise.resolve(undefined);
  log(`${articles} articles: a day of a news site, every ${options.trafficSample}th request replayed`);
  return attempt(() => measureTrafficDay(articles, join(sizeDir, "traffic"), options.trafficSample, log), log);
}

/** `--only traffic-day`: the day of a news site and nothing else. */
async function measureTrafficOnly(articles: number): Promise<SizeResult> {
  const sizeDir = join(options.workDir, `corpus-${articles}`);
  mkdirSync(sizeDir, { recursive: true });
  const skipped = notMeasured("not in this run (--only traffic-day)");
  const none = { builds: skipped, hugoMs: skipped, fresh: skipped, serving: skipped, wranglerDevMs: skipped };
  const trafficDay = await measureTraffic(articles, sizeDir);
  return { articles, corpusBytes: 0, ...none, delta: undefined, rebuild: undefined, trafficDay };
}

/**
 * `--only serving`: one build, then what the Worker costs to serve it (fresh isolates and the
 * steady state against the floor); no Hugo, no rebuilds, no `wrangler dev`.
 */
async function measureServingOnly(articles: number): Promise<SizeResult> {
  const sizeDir = join(options.workDir, `corpus-${articles}`);
  const corpusDir = join(sizeDir, "articles");
  mkdirSync(sizeDir, { recursive: true });
  log(`${articles} articles: generating the corpus`);
  writeCorpus(articles, corpusDir);
  const skipped = notMeasured("not in this run (--only serving)");
  log(`${articles} articles: our build`);
  // On a terminal, as measureBuilds does, so the progress-line target is judged too.
  const built = await attempt(() => buildWorker(corpusDir, join(sizeDir, "worker"), { terminal: true }), log);
  const base = { articles, corpusBytes: corpusBytes(corpusDir), hugoMs: skipped, wranglerDevMs: skipped };
  const none = { delta: undefined, rebuild: undefined };
  if (!built.ok) {
    const why = notMeasured(`not built: ${built.error}`);
    return { ...base, ...none, builds: why, fresh: why, serving: why };
  }
  const routes = routesOf(built.value, corpusDir);
  log(`${articles} articles: fresh isolates, one per route, alternating with an empty Worker`);
  const fresh = await attempt(() => measureFresh(built.value, routes, join(sizeDir, "fresh")), log);
  log(`${articles} articles: steady state, ${options.rounds} round(s) of ${options.wrk.durationSeconds} s per run`);
  const serving = await attempt(() => measureSteadyState(built.value, routes, sizeDir), log);
  return { ...base, ...none, builds: { ok: true, value: [built.value] }, fresh, serving };
}

/** `wrangler dev` over a previous build is measured from 100,000 articles, or at the largest size of a smaller run. */
function isLargest(articles: number): boolean {
  return articles >= LARGE || articles === Math.max(...options.sizes);
}

async function measureSize(articles: number): Promise<SizeResult> {
  const sizeDir = join(options.workDir, `corpus-${articles}`);
  const corpusDir = join(sizeDir, "articles");
  mkdirSync(sizeDir, { recursive: true });
  log(`${articles} articles: generating the corpus`);
  writeCorpus(articles, corpusDir);
  const hugoMs = await attempt(() => measureHugo(corpusDir, sizeDir, articles), log);
  const builds = await attempt(() => measureBuilds(corpusDir, sizeDir, articles), log);
  const changes =
    articles === options.deltaSize ? await measureChanges(articles, sizeDir) : { delta: undefined, rebuild: undefined };
  rmSync(join(sizeDir, "delta"), { recursive: true, force: true });
  const base = { articles, corpusBytes: corpusBytes(corpusDir), builds, hugoMs, ...changes };
  if (!builds.ok) {
    const why = notMeasured(`not built: ${builds.error}`);
    return { ...base, fresh: why, serving: why, wranglerDevMs: why };
  }
  const build = builds.value.at(-1) as WorkerBuild;
  const routes = routesOf(build, corpusDir);
  log(`${articles} articles: fresh isolates, one per route, alternating with an empty Worker`);
  const fresh = await attempt(() => measureFresh(build, routes, join(sizeDir, "fresh")), log);
  log(`${articles} articles: steady state, ${options.rounds} round(s) of ${options.wrk.durationSeconds} s per run`);
  const serving = await attempt(() => measureSteadyState(build, routes, sizeDir), log);
  log(`${articles} articles: wrangler dev`);
  const wranglerDevMs = await attempt(() => measureWranglerDev(build), log);
  const devRestart = isLargest(articles)
    ? await attempt(() => measureDevRestart(articles, join(sizeDir, "dev"), log), log)
    : undefined;
  rmSync(join(sizeDir, "dev"), { recursive: true, force: true });
  const trafficDay = await measureTraffic(articles, sizeDir);
  rmSync(join(sizeDir, "traffic"), { recursive: true, force: true });
  return { ...base, fresh, serving, wranglerDevMs, devRestart, trafficDay };
}

async function main(): Promise<void> {
  const started = performance.now();
  // The rebuilds with nothing changed, the large bodies and the day of a news site need neither wrk nor Hugo.
  if (options.only === undefined) ensurePackages(log);
  // Serving alone needs wrk, not Hugo.
  if (options.only === "serving") ensurePackages(log, ["wrk"]);
  const loadBefore = readLoadAverage();
  const environment = readEnvironment();
  log(`load average ${loadBefore}; work dir ${options.workDir}`);
  rmSync(options.workDir, { recursive: true, force: true });
  mkdirSync(options.workDir, { recursive: true });
  const sizes: SizeResult[] = [];
  const measure =
    options.only === "noop"
      ? measureNoopOnly
      : options.only === "traffic-day"
        ? measureTrafficOnly
        : options.only === "serving"
          ? measureServingOnly
          : measureSize;
  for (const articles of options.only === "large-body" ? [] : options.sizes) {
    sizes.push(await measure(articles));
    // Each corpus's copy is large (100,000 articles publish about 1.4 GB of assets).
    rmSync(join(options.workDir, `corpus-${articles}`), { recursive: true, force: true });
  }
  // Not per size: a small corpus with one large image.
  const largeBody =
    options.only !== undefined && options.only !== "large-body"
      ? undefined
      : await attempt(() => measureLargeBody(join(options.workDir, "large-body"), log), log);
  rmSync(join(options.workDir, "large-body"), { recursive: true, force: true });
  const result: BenchResult = {
    options,
    environment,
    loadBefore,
    loadAfter: readLoadAverage(),
    durationMinutes: (performance.now() - started) / 60_000,
    sizes,
    largeBody,
  };
  writeFileSync(options.outFile, writeReport(result));
  log(`wrote ${options.outFile} in ${result.durationMinutes.toFixed(1)} min`);
}

await main();
