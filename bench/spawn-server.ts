// Starts a server as its own process group and stops it by that group only, so the bench
// never touches processes it did not start (other servers run on this machine).
import { type ChildProcess, spawn } from "node:child_process";
import { openSync } from "node:fs";
import { connect } from "node:net";

export interface RunningServer {
  readonly label: string;
  /** Root of the process tree whose CPU and memory are measured. */
  readonly pid: number;
  readonly origin: string;
  /** Milliseconds from spawn to readiness (the first answer, or the first accepted connection). */
  readonly startupMs: number;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

// Whatever ends the bench (an error, Ctrl-C), the servers it started end with it.
process.on("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => process.exit(130));
}

export interface SpawnOptions {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly logFile: string;
  readonly origin: string;
  readonly ready: Readiness;
  readonly timeoutMs?: number;
}

/**
 * When a server counts as started: once a path answers with a status (200 unless given), or
 * once it accepts a connection, so that no request is made and the next one is its first.
 */
export type Readiness = { readonly path: string; readonly status?: number } | "listening";

function accepts(origin: string): Promise<boolean> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function isReady(origin: string, ready: Readiness): Promise<boolean> {
  return ready === "listening" ? accepts(origin) : answers(`${origin}${ready.path}`, ready.status ?? 200);
}

async function answers(url: string, status: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === status;
  } catch {
    return false;
  }
}

export async function spawnServer(options: SpawnOptions): Promise<RunningServer> {
  const log = openSync(options.logFile, "a");
  const startedAt = performance.now();
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ["ignore", log, log],
  });
  running.add(child);
  const stop = async () => {
    killGroup(child, "SIGTERM");
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const timeout = new Promise((resolve) => setTimeout(resolve, 3_000));
    if (child.exitCode === null && child.signalCode === null) await Promise.race([exited, timeout]);
    killGroup(child, "SIGKILL");
    running.delete(child);
  };
  const deadline = startedAt + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(child);
      throw new Error(
        `${options.label} exited (${child.exitCode ?? child.signalCode}) before answering; see ${options.logFile}`,
      );
    }
    if (await isReady(options.origin, options.ready)) break;
    if (performance.now() > deadline) {
      await stop();
      const what = options.ready === "listening" ? "accept a connection" : `answer ${options.ready.path}`;
      throw new Error(`${options.label} did not ${what} within the timeout; see ${options.logFile}`);
    }
    // A refused connection costs microseconds: poll often enough that start-up is read to a few ms.
    await new Promise((resolve) => setTimeout(resolve, options.ready === "listening" ? 2 : 10));
  }
  const startupMs = performance.now() - startedAt;
  return { label: options.label, pid: child.pid as number, origin: options.origin, startupMs, stop };
}
