// Large bodies: 10 concurrent GETs of a 24 MiB image, a few rounds, against the same for a tiny
// one, each in a workerd process of its own, with the isolate's memory sampled all along. The
// isolate's memory is V8's own count (CDP Runtime.getHeapUsage through workerd's inspector):
// the JS heap in use plus the ArrayBuffer backing stores, which hold a body read whole and lie
// outside the heap; workerd's resident memory is sampled beside it, for the whole process.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { findFreePort } from "../scripts/free-port.ts";
import { readTreeRssBytes } from "../scripts/process-tree.ts";
import { startWorkerd } from "../scripts/workerd-server.ts";
import { mediaNameOf, parseArticleFileName } from "../src/model/paths.ts";
import { largePng } from "../tests/support/large-png.ts";
import { buildWorker, readManifest, type WorkerBuild } from "./build-worker.ts";
import { writeCorpus } from "./generate-corpus.ts";

const MIB = 1024 * 1024;
export const LARGE_BODY_BYTES = 24 * MIB;
const TINY_BODY_BYTES = 1024;
export const CONCURRENT_GETS = 10;
export const LARGE_BODY_ROUNDS = 3;
const ARTICLES = 20;
export const LARGE_BODY_SAMPLE_MS = 5;
/** One round of 10 × 24 MiB over loopback takes well under a second; a stuck body fails the run. */
const REQUEST_TIMEOUT_MS = 60_000;

export interface BodyRun {
  readonly bytes: number;
  /** Requests answered with the whole body, every one checked by length and SHA-256. */
  readonly complete: number;
  /** The isolate's JS heap in use plus ArrayBuffer backing stores: before the first GET, and the most seen. */
  readonly idleIsolateBytes: number;
  readonly peakIsolateBytes: number;
  /** Resident memory of the workerd process (the disk service's reads included): idle and the most seen. */
  readonly idleRssBytes: number;
  readonly peakRssBytes: number;
  readonly samples: number;
}

export interface LargeBodyResult {
  readonly large: BodyRun;
  readonly tiny: BodyRun;
}

/** Builds a small corpus whose first article shows the 24 MiB image and whose second shows a tiny one. */
async function buildWithImages(dir: string): Promise<{ build: WorkerBuild; large: string; tiny: string }> {
  const corpusDir = join(dir, "articles");
  writeCorpus(ARTICLES, corpusDir);
  mkdirSync(join(corpusDir, "media"), { recursive: true });
  writeFileSync(join(corpusDir, "media", "large.png"), largePng(LARGE_BODY_BYTES));
  writeFileSync(join(corpusDir, "media", "tiny.png"), largePng(TINY_BODY_BYTES));
  // Articles 000_… and 001_… show them: the image line goes among the header fields, after the date line.
  const names = readdirSync(corpusDir).filter((name) => name.endsWith(".txt"));
  for (const [n, image] of ["large.png", "tiny.png"].entries()) {
    const file = names.find((name) => parseArticleFileName(name)?.number === n);
    if (!file) throw new Error(`${corpusDir}: no article ${n} to show ${image}`);
    const text = readFileSync(join(corpusDir, file), "utf8");
    writeFileSync(join(corpusDir, file), text.replace("\n\nAbstract:", `\nImage: media/${image}\n\nAbstract:`));
  }
  const build = await buildWorker(corpusDir, join(dir, "worker"));
  const routes = Object.keys(readManifest(build).fixedRoutes);
  const pathOf = (image: string) => {
    const path = routes.find((r) => mediaNameOf(r) === image);
    if (!path) throw new Error(`the build published no route for media/${image}; routes: ${routes.join(", ")}`);
    return path;
  };
  return { build, large: pathOf("large.png"), tiny: pathOf("tiny.png") };
}

/** Samples the isolate's memory through workerd's inspector for as long as it is open. */
async function openIsolateSampler(inspectorPort: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const target = targets[0];
  if (!target) throw new Error(`workerd inspector on port ${inspectorPort} lists no isolate`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error(`cannot connect to the workerd inspector on port ${inspectorPort}`));
  });
  let id = 0;
  const pending = new Map<number, (bytes: number) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as {
      id?: number;
      result?: { usedSize: number; backingStorageSize?: number };
    };
    if (message.id === undefined || !message.result) return;
    pending.get(message.id)?.(message.result.usedSize + (message.result.backingStorageSize ?? Number.NaN));
    pending.delete(message.id);
  };
  const read = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error("workerd inspector did not answer Runtime.getHeapUsage")),
        30_000,
      );
      pending.set(++id, (bytes) => {
        clearTimeout(timer);
        resolve(bytes);
      });
      socket.send(JSON.stringify({ id, method: "Runtime.getHeapUsage" }));
    });
  return { read, close: () => socket.close() };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A fresh workerd: idle memory, then rounds of concurrent GETs of `path` while memory is sampled. */
async function measureBody(build: WorkerBuild, path: string, expected: Uint8Array, dir: string): Promise<BodyRun> {
  const inspectorPort = await findFreePort();
  const server = await startWorkerd({
    label: `large-body-${expected.length}`,
    modules: [{ name: "index.js", path: build.scriptPath }],
    compatibilityDate: build.compatibilityDate,
    assetsDir: build.siteDir,
    dir,
    inspectorPort,
    ready: { path: "/", status: 200 },
  });
  try {
    const sampler = await openIsolateSampler(inspectorPort);
    await sleep(200);
    const idleIsolateBytes = await sampler.read();
    const idleRssBytes = readTreeRssBytes(server.pid, "workerd");
    let peakIsolateBytes = idleIsolateBytes;
    let peakRssBytes = idleRssBytes;
    let samples = 0;
    let running = true;
    const sampling = (async () => {
      while (running) {
        const [isolate] = await Promise.all([sampler.read(), sleep(LARGE_BODY_SAMPLE_MS)]);
        peakIsolateBytes = Math.max(peakIsolateBytes, isolate);
        peakRssBytes = Math.max(peakRssBytes, readTreeRssBytes(server.pid, "workerd"));
        samples++;
      }
    })();
    const digest = sha256(expected);
    let complete = 0;
    try {
      for (let round = 0; round < LARGE_BODY_ROUNDS; round++) {
        await Promise.all(
          Array.from({ length: CONCURRENT_GETS }, async () => {
            const response = await fetch(`${server.origin}${path}`, {
              signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            });
            const body = new Uint8Array(await response.arrayBuffer());
            const length = response.headers.get("content-length");
            if (response.status !== 200 || length !== String(expected.length) || sha256(body) !== digest) {
              throw new Error(
                `GET ${path}: ${response.status}, Content-Length ${length}, ${body.length} bytes; expected 200 and the ${expected.length} bytes of the image`,
              );
            }
            complete++;
          }),
        );
      }
    } finally {
      running = false;
      await sampling;
      sampler.close();
    }
    return {
      bytes: expected.length,
      complete,
      idleIsolateBytes,
      peakIsolateBytes,
      idleRssBytes,
      peakRssBytes,
      samples,
    };
  } finally {
    await server.stop();
  }
}

export async function measureLargeBody(dir: string, log: (message: string) => void): Promise<LargeBodyResult> {
  mkdirSync(dir, { recursive: true });
  log(`large bodies: building ${ARTICLES} articles with a ${LARGE_BODY_BYTES / MIB} MiB image`);
  const { build, large, tiny } = await buildWithImages(dir);
  const bytesOf = (path: string) => new Uint8Array(readFileSync(join(dir, "articles", "media", path)));
  log(
    `large bodies: ${LARGE_BODY_ROUNDS} rounds of ${CONCURRENT_GETS} concurrent GETs of a ${TINY_BODY_BYTES} B image`,
  );
  const tinyRun = await measureBody(build, tiny, bytesOf("tiny.png"), dir);
  log(`large bodies: the same for the ${LARGE_BODY_BYTES / MIB} MiB image`);
  const largeRun = await measureBody(build, large, bytesOf("large.png"), dir);
  return { large: largeRun, tiny: tinyRun };
}
