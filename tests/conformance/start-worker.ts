import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { findFreePort } from "../../scripts/free-port.ts";

export interface RunningWorker {
  readonly baseUrl: string;
  readonly pid: number;
  /** Stops the whole process group (npm, wrangler, workerd, esbuild) and waits for it. */
  readonly stop: () => Promise<void>;
  /** The last lines wrangler printed, for failure messages. */
  readonly log: () => string;
}

/** wrangler dev builds every article before it answers: about 0.8 ms an article here, alone. */
const READY_TIMEOUT_MS = 90_000;
const READY_TIMEOUT_MS_PER_ARTICLE = 2;
const LOG_LINES = 40;

/** Process groups we started and have not stopped yet, so an exit or Ctrl-C can still end them. */
const running = new Set<number>();

export function killAllStartedSync(): void {
  for (const pid of running) killGroup(pid, "SIGKILL");
  running.clear();
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts `wrangler dev` in `projectDir` (its wrangler.toml [build] compiles ARTICLES_DIR
 * first, `articleCount` articles) on a free 127.0.0.1 port, in a process group of its own, and
 * resolves once the Worker answers. Rejects, after stopping it, if it exits, fails to build or
 * never answers.
 */
export async function startWorker(
  projectDir: string,
  articlesDir: string,
  articleCount: number,
): Promise<RunningWorker> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    join(projectDir, "node_modules", ".bin", "wrangler"),
    ["dev", "--ip", "127.0.0.1", "--port", String(port), "--show-interactive-dev-session=false", "--log-level", "warn"],
    {
      cwd: projectDir,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        ARTICLES_DIR: articlesDir,
        // The build writes every link from it (scripts/build-articles.ts).
        BASE_URL: baseUrl,
        WRANGLER_SEND_METRICS: "false",
        // Use miniflare's placeholder Request.cf instead of fetching one: CI may be offline.
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        PATH: `${join(projectDir, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
      },
    },
  );
  if (child.pid === undefined) throw new Error("wrangler dev did not start");
  const pid = child.pid;
  running.add(pid);

  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n"));
    lines.splice(0, Math.max(0, lines.length - LOG_LINES));
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const log = () => lines.join("\n").trim();

  const stop = async () => {
    if (!running.has(pid)) return;
    running.delete(pid);
    const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, "exit");
    killGroup(pid, "SIGTERM");
    const timer = setTimeout(() => killGroup(pid, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    // workerd may outlive wrangler for a moment; the group must be empty when we return.
    killGroup(pid, "SIGKILL");
  };

  try {
    await waitUntilAnswering(baseUrl, child, log, READY_TIMEOUT_MS + articleCount * READY_TIMEOUT_MS_PER_ARTICLE);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid, stop, log };
}

async function waitUntilAnswering(
  baseUrl: string,
  child: ChildProcess,
  log: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`wrangler dev exited (${child.exitCode ?? child.signalCode}) before answering:\n${log()}`);
    }
    if (/Build failed|\[ERROR\]/.test(log())) throw new Error(`wrangler dev could not build the Worker:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`wrangler dev did not answer within ${timeoutMs / 1000} s:\n${log()}`);
}
