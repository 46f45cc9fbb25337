// `npm run bench`: the Worker (built, run by workerd directly) against nginx serving the same
// bytes, at three corpus sizes, with Hugo as the build peer and a compression comparison.
// Writes BENCHMARKS.md. See docs/performance.md for how to read it.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findFreePort } from "../tests/support/free-port.ts";
import { readTreeCpuNanoseconds, readTreeRssBytes } from "../tests/support/process-tree.ts";
import { buildWorker, type WorkerBuild } from "./build-worker.ts";
import { ensurePackages } from "./ensure-packages.ts";
import { readEnvironment, readLoadAverage } from "./environment.ts";
import { writeFloorWorker } from "./floor-worker.ts";
import { writeCorpus } from "./generate-corpus.ts";
import { buildHugoSite, writeHugoSite } from "./hugo-site.ts";
import { type Endpoint, measureServing } from "./measure-serving.ts";
import { type MirroredFile, mirrorWorker, startNginx } from "./nginx-server.ts";
import { readOptions } from "./options.ts";
import {
  type BenchResult,
  type CompressionResult,
  NGINX,
  type SizeResult,
  WORKERD,
  WORKERD_FLOOR,
  WORKERD_GZIP,
} from "./results.ts";
import type { RunningServer } from "./spawn-server.ts";
import { readIsolateHeapBytes, startWorkerd } from "./workerd-server.ts";
import { startWranglerDev } from "./wrangler-dev-server.ts";
import { writeReport } from "./write-report.ts";

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const options = readOptions(process.argv.slice(2));
const FEEDS = ["/rss.xml", "/atom.xml", "/feed.json"];
const ACCEPT_GZIP = "Accept-Encoding: gzip, deflate, br";

function corpusBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

async function etagOf(server: RunningServer, path: string): Promise<string> {
  const response = await fetch(`${server.origin}${path}`);
  await response.arrayBuffer();
  const etag = response.headers.get("etag");
  if (!etag) throw new Error(`${server.label} sent no ETag for ${path}`);
  return etag;
}

function pathsOf(articlePath: string): { label: string; path: string }[] {
  return [
    { label: "RSS /rss.xml", path: "/rss.xml" },
    { label: "Atom /atom.xml", path: "/atom.xml" },
    { label: "JSON Feed /feed.json", path: "/feed.json" },
    { label: "article page", path: articlePath },
    { label: "index /", path: "/" },
  ];
}

async function servingEndpoints(servers: readonly RunningServer[], articlePath: string): Promise<Endpoint[]> {
  const plain: Endpoint[] = pathsOf(articlePath).map(({ label, path }) => ({
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

/** Server CPU (ms) of one fresh request per path, in order, on a server that has rendered none. */
async function timeColdRequests(server: RunningServer, paths: readonly string[]): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const path of paths) {
    const before = readTreeCpuNanoseconds(server.pid);
    const response = await fetch(`${server.origin}${path}`);
    await response.arrayBuffer();
    times.set(path, (readTreeCpuNanoseconds(server.pid) - before) / 1e6);
  }
  return times;
}

async function measureBuilds(corpusDir: string, sizeDir: string, articles: number) {
  const builds: WorkerBuild[] = [];
  const hugoMs: number[] = [];
  const hugoDir = join(sizeDir, "hugo");
  writeHugoSite(corpusDir, hugoDir);
  for (let i = 0; i < options.buildRepeats; i++) {
    log(`${articles} articles: build ${i + 1}/${options.buildRepeats} (ours, then Hugo)`);
    builds.push(await buildWorker(corpusDir, join(sizeDir, "worker")));
    hugoMs.push(await buildHugoSite(hugoDir));
  }
  return { builds, hugoMs };
}

async function measureCompression(
  build: WorkerBuild,
  sizeDir: string,
  worker: RunningServer,
  nginx: RunningServer,
  articlePath: string,
  files: readonly MirroredFile[],
  articles: number,
): Promise<CompressionResult> {
  const wrapper = join(build.dir, "dist", "gzip-wrapper.js");
  writeFileSync(wrapper, readFileSync(join(import.meta.dirname, "gzip-wrapper.js")));
  const gzipWorker = await startWorkerd({
    label: WORKERD_GZIP,
    modules: [
      { name: "gzip-wrapper.js", path: wrapper },
      { name: "index.js", path: build.scriptPath },
    ],
    compatibilityDate: build.compatibilityDate,
    dir: sizeDir,
    readyPath: "/",
  });
  try {
    const paths = pathsOf(articlePath);
    const firstGzipMs = new Map<string, number>();
    const wireBytes = new Map<string, { identity: number; gzip: number; workerGzip: number }>();
    for (const { label, path } of paths) {
      const start = performance.now();
      const first = await fetch(`${gzipWorker.origin}${path}`, { headers: { "Accept-Encoding": "gzip" } });
      await first.arrayBuffer();
      firstGzipMs.set(label, performance.now() - start);
      const file = files.find((f) => f.path === path);
      const workerGzip = Number(first.headers.get("content-length") ?? Number.NaN);
      wireBytes.set(label, { identity: file?.bytes ?? Number.NaN, gzip: file?.gzipBytes ?? Number.NaN, workerGzip });
    }
    const servers = [worker, gzipWorker, nginx];
    const endpoints: Endpoint[] = paths.map(({ label, path }) => ({
      label: `${label}, gzip`,
      path,
      headers: new Map(servers.map((s) => [s.label, [ACCEPT_GZIP]])),
      expectStatus: 200,
      expectEncoding: new Map([
        // The product gzips Atom and JSON Feed itself (src/serve/resource.ts), nothing else.
        [WORKERD, path === "/atom.xml" || path === "/feed.json" ? "gzip" : "identity"],
        [WORKERD_GZIP, "gzip"],
        [NGINX, "gzip"],
      ]),
    }));
    log(`${articles} articles: compression`);
    const samples = await measureServing(servers, endpoints, options.rounds, options.wrk, log);
    return {
      articles,
      endpoints,
      samples,
      servers: servers.map((s) => s.label),
      firstGzipMs,
      wireBytes,
    };
  } finally {
    await gzipWorker.stop();
  }
}

async function measureSize(articles: number): Promise<{ size: SizeResult; compression?: CompressionResult }> {
  const sizeDir = join(options.workDir, `corpus-${articles}`);
  const corpusDir = join(sizeDir, "articles");
  mkdirSync(sizeDir, { recursive: true });
  log(`${articles} articles: generating the corpus`);
  writeCorpus(articles, corpusDir);
  const { builds, hugoMs } = await measureBuilds(corpusDir, sizeDir, articles);
  const build = builds[builds.length - 1] as WorkerBuild;
  const articlePath = build.render.samplePath;
  const workerModules = [{ name: "index.js", path: build.scriptPath }];
  const started: RunningServer[] = [];
  try {
    const worker = await startWorkerd({
      label: WORKERD,
      modules: workerModules,
      compatibilityDate: build.compatibilityDate,
      dir: sizeDir,
      readyPath: "/",
    });
    started.push(worker);
    const rssStartBytes = readTreeRssBytes(worker.pid);
    const paths = pathsOf(articlePath).map((p) => p.path);
    const files = await mirrorWorker(worker.origin, paths, join(sizeDir, "nginx-root"));
    const nginx = await startNginx({
      label: NGINX,
      dir: sizeDir,
      root: join(sizeDir, "nginx-root"),
      files,
      gzipStatic: true,
    });
    started.push(nginx);
    const servers = [worker, nginx];
    if (articles === options.detailSize) {
      const floor = await startWorkerd({
        label: WORKERD_FLOOR,
        modules: writeFloorWorker(sizeDir, join(sizeDir, "nginx-root"), files),
        compatibilityDate: build.compatibilityDate,
        dir: sizeDir,
        readyPath: "/",
      });
      started.push(floor);
      servers.push(floor);
      log(`${articles} articles: starting wrangler dev (secondary column)`);
      const dev = await startWranglerDev(build.dir, "/");
      started.push(dev);
      servers.push(dev);
    }
    const endpoints = await servingEndpoints(servers, articlePath);
    log(`${articles} articles: serving, ${options.rounds} round(s) of ${options.wrk.durationSeconds} s per run`);
    const serving = await measureServing(servers, endpoints, options.rounds, options.wrk, log);
    const rssLoadedBytes = readTreeRssBytes(worker.pid);
    const compression =
      articles === options.detailSize
        ? await measureCompression(build, sizeDir, worker, nginx, articlePath, files, articles)
        : undefined;
    for (const server of started.splice(0)) await server.stop();

    // A fresh isolate, with the inspector on, for the heap and the cost of first requests.
    const inspectorPort = await findFreePort();
    const fresh = await startWorkerd({
      label: "workerd-inspected",
      modules: workerModules,
      compatibilityDate: build.compatibilityDate,
      dir: sizeDir,
      // A 404 makes workerd load the script without rendering any of the measured bodies.
      readyPath: "/bench-not-found",
      readyStatus: 404,
      inspectorPort,
    });
    started.push(fresh);
    const coldMs = await timeColdRequests(fresh, [...FEEDS, articlePath, build.render.secondPath, "/"]);
    const heapBytes = await readIsolateHeapBytes(inspectorPort);
    return {
      size: {
        articles,
        corpusBytes: corpusBytes(corpusDir),
        builds,
        hugoMs,
        startupMs: worker.startupMs,
        rssStartBytes,
        rssLoadedBytes,
        heapBytes,
        coldMs,
        endpoints,
        files,
        serving,
        servers: servers.map((s) => s.label),
      },
      compression,
    };
  } finally {
    for (const server of started) await server.stop();
  }
}

/** workerd's own start-up and memory, with a Worker that does nothing: the floor under ours. */
async function measureBaseline(): Promise<BenchResult["baseline"]> {
  const dir = join(options.workDir, "baseline");
  mkdirSync(dir, { recursive: true });
  const script = join(dir, "hello.js");
  writeFileSync(script, 'export default { fetch() { return new Response("ok"); } };\n');
  const inspectorPort = await findFreePort();
  const server = await startWorkerd({
    label: "workerd-hello",
    modules: [{ name: "hello.js", path: script }],
    compatibilityDate: "2026-11-01",
    dir,
    readyPath: "/",
    inspectorPort,
  });
  try {
    return {
      startupMs: server.startupMs,
      rssBytes: readTreeRssBytes(server.pid),
      heapBytes: await readIsolateHeapBytes(inspectorPort),
    };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  ensurePackages(log);
  const loadBefore = readLoadAverage();
  const environment = readEnvironment();
  log(`load average ${loadBefore}; work dir ${options.workDir}`);
  rmSync(options.workDir, { recursive: true, force: true });
  mkdirSync(options.workDir, { recursive: true });
  const baseline = await measureBaseline();
  const sizes: SizeResult[] = [];
  let compression: CompressionResult | undefined;
  for (const articles of options.sizes) {
    const result = await measureSize(articles);
    sizes.push(result.size);
    compression ??= result.compression;
    // Each corpus's copy is large (a 10,000-article bundle is ~120 MB with its source map).
    rmSync(join(options.workDir, `corpus-${articles}`, "worker", "dist"), { recursive: true, force: true });
  }
  const result: BenchResult = {
    options,
    environment,
    loadBefore,
    loadAfter: readLoadAverage(),
    durationMinutes: (performance.now() - started) / 60_000,
    baseline,
    sizes,
    compression,
  };
  writeFileSync(options.outFile, writeReport(result));
  log(`wrote ${options.outFile} in ${result.durationMinutes.toFixed(1)} min`);
}

await main();
