// `npm run bench`: today's Worker measured against the targets the move of every body into
// Workers Static Assets is judged by (bench/decide-targets.ts), at three corpus sizes, with
// Hugo as the build peer and a floor Worker as the serving peer. Writes BENCHMARKS.md.
// See docs/performance.md for how to read it.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { attempt } from "./attempt.ts";
import { buildWorker, type WorkerBuild } from "./build-worker.ts";
import { ensurePackages } from "./ensure-packages.ts";
import { readEnvironment, readLoadAverage } from "./environment.ts";
import { writeFloorWorker } from "./floor-worker.ts";
import { writeCorpus } from "./generate-corpus.ts";
import { buildHugoSite, writeHugoSite } from "./hugo-site.ts";
import { measureDelta } from "./measure-delta.ts";
import { measureFresh } from "./measure-fresh.ts";
import { type Endpoint, measureServing } from "./measure-serving.ts";
import { mirrorWorker } from "./mirror-worker.ts";
import { readOptions } from "./options.ts";
import { type BenchResult, type Route, type Serving, type SizeResult, WORKERD, WORKERD_FLOOR } from "./results.ts";
import type { RunningServer } from "./spawn-server.ts";
import { startWorkerd } from "./workerd-server.ts";
import { startWranglerDev } from "./wrangler-dev-server.ts";
import { writeReport } from "./write-report.ts";

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const options = readOptions(process.argv.slice(2));
/** Builds of this many articles take minutes: one each. */
const LARGE = 100_000;

function corpusBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** The routes whose first request and steady state the targets name. */
function routesOf(articlePath: string): Route[] {
  return [
    { label: "index /", path: "/" },
    { label: "archive /page/2", path: "/page/2" },
    { label: "article page", path: articlePath },
    { label: "RSS /rss.xml", path: "/rss.xml" },
    { label: "Atom /atom.xml", path: "/atom.xml" },
    { label: "JSON Feed /feed.json", path: "/feed.json" },
    { label: "sitemap /sitemap.xml", path: "/sitemap.xml" },
  ];
}

async function etagOf(server: RunningServer, path: string): Promise<string> {
  const response = await fetch(`${server.origin}${path}`);
  await response.arrayBuffer();
  const etag = response.headers.get("etag");
  if (!etag) throw new Error(`${server.label} sent no ETag for ${path}; expected one on every body`);
  return etag;
}

async function servingEndpoints(servers: readonly RunningServer[], routes: readonly Route[]): Promise<Endpoint[]> {
  const plain: Endpoint[] = routes.map(({ label, path }) => ({
    label,
    path,
    headers: new Map(servers.map((s) => [s.label, []])),
    expectStatus: 200,
  }));
  // A feed reader's poll when nothing changed: its stored ETag comes back in If-None-Match.
  const notModified: Endpoint = {
    label: "304 /rss.xml (If-None-Match)",
    path: "/rss.xml",
    headers: new Map(
      await Promise.all(
        servers.map(async (s) => [s.label, [`If-None-Match: ${await etagOf(s, "/rss.xml")}`]] as const),
      ),
    ),
    expectStatus: 304,
  };
  return [...plain, notModified];
}

async function measureBuilds(corpusDir: string, sizeDir: string, articles: number): Promise<WorkerBuild[]> {
  const repeats = articles >= LARGE ? 1 : options.buildRepeats;
  const builds: WorkerBuild[] = [];
  for (let i = 0; i < repeats; i++) {
    log(`${articles} articles: our build ${i + 1}/${repeats}`);
    builds.push(await buildWorker(corpusDir, join(sizeDir, "worker")));
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

/** Our Worker against the floor Worker serving the very bytes ours answered, same rounds. */
async function measureSteadyState(build: WorkerBuild, routes: readonly Route[], sizeDir: string): Promise<Serving> {
  const started: RunningServer[] = [];
  try {
    const worker = await startWorkerd({
      label: WORKERD,
      modules: [{ name: "index.js", path: build.scriptPath }],
      compatibilityDate: build.compatibilityDate,
      dir: sizeDir,
      readyPath: "/",
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
      readyPath: "/",
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
  const dev = await startWranglerDev(build.dir, "/");
  await dev.stop();
  return dev.startupMs;
}

const notBuilt = (why: string) => ({ ok: false as const, error: `not built: ${why}` });

async function measureSize(articles: number): Promise<SizeResult> {
  const sizeDir = join(options.workDir, `corpus-${articles}`);
  const corpusDir = join(sizeDir, "articles");
  mkdirSync(sizeDir, { recursive: true });
  log(`${articles} articles: generating the corpus`);
  writeCorpus(articles, corpusDir);
  const hugoMs = await attempt(() => measureHugo(corpusDir, sizeDir, articles), log);
  const builds = await attempt(() => measureBuilds(corpusDir, sizeDir, articles), log);
  const delta =
    articles === options.deltaSize
      ? await attempt(() => {
          log(`${articles} articles: two committed builds, the second with one more article`);
          return measureDelta(articles, join(sizeDir, "delta"));
        }, log)
      : undefined;
  rmSync(join(sizeDir, "delta"), { recursive: true, force: true });
  const base = { articles, corpusBytes: corpusBytes(corpusDir), builds, hugoMs, delta };
  if (!builds.ok) {
    return {
      ...base,
      fresh: notBuilt(builds.error),
      serving: notBuilt(builds.error),
      wranglerDevMs: notBuilt(builds.error),
    };
  }
  const build = builds.value.at(-1) as WorkerBuild;
  const routes = routesOf(build.render.samplePath);
  log(`${articles} articles: fresh isolates, one per route, alternating with an empty Worker`);
  const fresh = await attempt(() => measureFresh(build, routes, join(sizeDir, "fresh")), log);
  log(`${articles} articles: steady state, ${options.rounds} round(s) of ${options.wrk.durationSeconds} s per run`);
  const serving = await attempt(() => measureSteadyState(build, routes, sizeDir), log);
  log(`${articles} articles: wrangler dev`);
  const wranglerDevMs = await attempt(() => measureWranglerDev(build), log);
  return { ...base, fresh, serving, wranglerDevMs };
}

async function main(): Promise<void> {
  const started = performance.now();
  ensurePackages(log);
  const loadBefore = readLoadAverage();
  const environment = readEnvironment();
  log(`load average ${loadBefore}; work dir ${options.workDir}`);
  rmSync(options.workDir, { recursive: true, force: true });
  mkdirSync(options.workDir, { recursive: true });
  const sizes: SizeResult[] = [];
  for (const articles of options.sizes) {
    sizes.push(await measureSize(articles));
    // Each corpus's copy is large (a 10,000-article bundle is ~120 MB with its source map).
    rmSync(join(options.workDir, `corpus-${articles}`), { recursive: true, force: true });
  }
  const result: BenchResult = {
    options,
    environment,
    loadBefore,
    loadAfter: readLoadAverage(),
    durationMinutes: (performance.now() - started) / 60_000,
    sizes,
  };
  writeFileSync(options.outFile, writeReport(result));
  log(`wrote ${options.outFile} in ${result.durationMinutes.toFixed(1)} min`);
}

await main();
