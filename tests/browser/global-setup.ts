// Starts the Worker for the browser tests: a copy of the project (the test site in its
// src/site-config.ts) over a test corpus, served by `wrangler dev` on a free port of 127.0.0.1
// in its own process group. The copy builds its own assets and manifest, so nothing the
// checkout's build wrote (dist/site/, src/generated/) is touched.
import { copyFileSync, cpSync, createWriteStream, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { findFreePort } from "../../scripts/free-port.ts";
import { removeTempDirs } from "../node/build/build-fixtures.ts";
import { makeProjectCopy, spawnWranglerDev } from "../node/build/project-copy.ts";
import { stopGroup } from "../reliability/process-tree.ts";
import { until } from "../support/until.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the Worker under test answers, e.g. "http://127.0.0.1:41234". */
    baseUrl: string;
  }
}

const ROOT = resolve(import.meta.dirname, "../..");
const ARTIFACTS = join(ROOT, "test-artifacts");
/** Enough filler that the archive needs three pages (at 20 a page). */
const FILLER_COUNT = 40;
/** wrangler dev builds the corpus and loads its assets before the first answer. */
const READY_TIMEOUT_MS = 120_000;

/** Filler articles, one a day through January–February 2024: older than every real one. */
function writeFiller(dir: string): void {
  for (let n = 0; n < FILLER_COUNT; n++) {
    const date = new Date(Date.UTC(2024, 0, 1 + n, 12, 0, 0)).toISOString().slice(0, 19).replace("T", " ");
    const text = `Archive report ${n + 1}\n\n${date}\n\nAbstract: Summary of archive report ${n + 1}, one of the older articles.\n\nBody of archive report ${n + 1}.\n`;
    writeFileSync(join(dir, `${String(800 + n)}_${(0xa000 + n).toString(16).padStart(16, "0")}.txt`), text);
  }
}

/** The shipped articles, the hand-written fixtures (with their images) and the filler, as the copy's articles/. */
function writeCorpus(dir: string): void {
  for (const source of ["articles", "tests/browser/fixtures"]) {
    for (const name of readdirSync(join(ROOT, source)).filter((n) => n.endsWith(".txt"))) {
      copyFileSync(join(ROOT, source, name), join(dir, name));
    }
  }
  cpSync(join(ROOT, "tests/browser/fixtures/media"), join(dir, "media"), { recursive: true });
  writeFiller(dir);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const copy = makeProjectCopy("browser", 0);
  writeCorpus(join(copy, "articles"));
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = join(ARTIFACTS, "browser-wrangler.log");
  const output = createWriteStream(log);
  const server = await spawnWranglerDev(copy, port);
  server.stdout?.pipe(output);
  server.stderr?.pipe(output);
  // If vitest itself dies before teardown, still take the server down with it.
  const killOnExit = () => {
    try {
      if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  process.once("exit", killOnExit);
  const cleanUp = async () => {
    process.off("exit", killOnExit);
    await stopGroup(server.pid);
    removeTempDirs();
  };
  try {
    const outcome = await until(
      `wrangler dev to answer ${baseUrl}/`,
      READY_TIMEOUT_MS,
      async () => {
        if (server.exitCode !== null) return "exited";
        const response = await fetch(`${baseUrl}/`);
        await response.arrayBuffer();
        return response.ok ? "serving" : undefined;
      },
      () => `see ${log}`,
    );
    if (outcome === "exited") throw new Error(`wrangler dev exited with ${server.exitCode}; see ${log}`);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  project.provide("baseUrl", baseUrl);
  return cleanUp;
}
