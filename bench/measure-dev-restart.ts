// `wrangler dev` started again over a large corpus whose last build is in place, as a writer
// starts it every morning: its [build] step runs first and must find nothing to do. Measured
// with the corpus committed and with every article untracked. The project copy keeps its
// [build] step, and the previous build links to the very address `wrangler dev` serves.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startWranglerDev } from "../scripts/wrangler-dev-server.ts";
import { copyProject, publishCommand } from "./build-worker.ts";
import { generateCorpus } from "./generate-corpus.ts";
import { commit, initRepository } from "./measure-delta.ts";
import { SETTLE_MS, untrackArticles } from "./measure-noop-rebuild.ts";
import { runCommand } from "./run-command.ts";

export interface DevRestartResult {
  /** Spawn of `wrangler dev` to the first 200 of "/", its build included. */
  readonly committedMs: number;
  readonly uncommittedMs: number;
  /** The previous builds, for scale: the first from scratch, the second re-dating every article. */
  readonly previousBuildMs: readonly number[];
}

/** Builds `articles` in a committed tree at `dir` (replaced), then starts `wrangler dev` on it, twice. */
export async function measureDevRestart(
  articles: number,
  dir: string,
  log: (message: string) => void,
): Promise<DevRestartResult> {
  rmSync(dir, { recursive: true, force: true });
  const corpusDir = join(dir, "articles");
  const workerDir = join(dir, "worker");
  mkdirSync(corpusDir, { recursive: true });
  initRepository(dir);
  for (const file of generateCorpus(articles)) writeFileSync(join(corpusDir, file.name), file.text);
  copyProject(workerDir, true);
  commit(dir, "2026-01-01T00:00:00Z", "corpus");
  // Links do not depend on where wrangler dev listens (it relinks each answer), so the previous
  // build and wrangler dev's own build see the same inputs.
  const env = { ...process.env, ARTICLES_DIR: corpusDir };
  const [command, args] = publishCommand(corpusDir);
  const previousBuildMs: number[] = [];

  const start = async (label: string) => {
    log(`${articles} articles, ${label}: the previous build`);
    await sleep(SETTLE_MS);
    // A build for wrangler dev, as its last start left it: a plain build lays out the files the
    // asset server answers alone, which wrangler dev's build keeps behind the Worker instead.
    previousBuildMs.push(
      (await runCommand(command, args, { cwd: workerDir, env: { ...env, WRANGLER_COMMAND: "dev" } })).ms,
    );
    log(`${articles} articles, ${label}: wrangler dev`);
    const dev = await startWranglerDev(workerDir, {
      env,
      logFile: join(dir, `wrangler-dev-${label}.log`),
      ready: { path: "/", status: 200 },
      timeoutMs: 300_000,
      intervalMs: 10,
    });
    await dev.stop();
    const output = readFileSync(join(dir, `wrangler-dev-${label}.log`), "utf8");
    if (!output.includes("nothing changed since the last build")) {
      throw new Error(`wrangler dev's build (${label}) built again over a previous build; see its log:\n${output}`);
    }
    return dev.startupMs;
  };
  const committedMs = await start("committed");
  untrackArticles(dir, corpusDir);
  const uncommittedMs = await start("uncommitted");
  return { committedMs, uncommittedMs, previousBuildMs };
}
