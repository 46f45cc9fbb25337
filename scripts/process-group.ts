// Starts a command in a process group of its own, stops it by that group only, and waits until
// a server so started answers. Shared by the benchmark and the test harnesses: the machine runs
// other servers and other runs, so nothing here signals a process it did not start.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { closeSync, openSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { listProcessGroup } from "./process-tree.ts";

export interface GroupOptions {
  /** Names the process in messages: "wrangler dev", "workerd". */
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Where its stdout and stderr go: straight into this file (appended), so this process does
   * no work while it runs, which the benchmark's start-up times need; else they are kept here.
   */
  readonly logFile?: string;
  /** Also copy the output kept here to this process's stderr as it comes. */
  readonly echo?: boolean;
}

export interface ProcessGroup {
  readonly label: string;
  /** The leader's pid, which is also the group's id. */
  readonly pid: number;
  /** performance.now() just before the spawn. */
  readonly startedAt: number;
  /** Where its output goes, if to a file. */
  readonly logFile?: string;
  /** The leader's exit code or signal, once it has exited. */
  exited(): number | NodeJS.Signals | undefined;
  /** What it has printed so far (the newest MiB), or its log file. */
  log(): string;
  /**
   * SIGTERM to the group, up to `graceMs` for every member to end, then SIGKILL; resolves once
   * none is left and its output has been read to the end.
   */
  stop(graceMs?: number): Promise<void>;
}

const KEPT_CHARS = 1 << 20;
const STOP_POLL_MS = 25;
/** A SIGKILLed process ends at once, but is gone only once its parent (or init) reaps it. */
const REAP_MS = 2_000;
/** Once the group is gone its pipes close; what is still in them takes a moment to read. */
const DRAIN_MS = 1_000;

/** Groups started and not stopped yet: an exit or a signal still ends them. */
const live = new Set<number>();

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    // No process is left in the group (ESRCH).
    return false;
  }
}

/** SIGKILL to every group started here and not stopped: for an `exit` handler, which cannot wait. */
export function killStartedGroupsSync(): void {
  for (const pid of live) signalGroup(pid, "SIGKILL");
  live.clear();
}

let handlersInstalled = false;

/**
 * A detached group does not get the terminal's Ctrl-C, and Node runs no `exit` handler when a
 * signal ends it: so each signal kills the groups first. This listener alone would keep the
 * process alive, so then it raises the signal again, for its default action to end the process.
 */
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", killStartedGroupsSync);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      killStartedGroupsSync();
      if (process.listenerCount(signal) > 1) return;
      process.off(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  for (;;) {
    if (listProcessGroup(pid).length === 0) return true;
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, STOP_POLL_MS));
  }
}

async function endGroup(pid: number, graceMs: number): Promise<void> {
  if (signalGroup(pid, "SIGTERM") && !(await waitUntilGone(pid, graceMs))) {
    signalGroup(pid, "SIGKILL");
    await waitUntilGone(pid, REAP_MS);
  }
  live.delete(pid);
}

/** Starts `command` as the leader of a new process group (detached), stdin closed. */
export async function startGroup(options: GroupOptions): Promise<ProcessGroup> {
  installHandlers();
  const logFd = options.logFile === undefined ? undefined : openSync(options.logFile, "a");
  const startedAt = performance.now();
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ["ignore", logFd ?? "pipe", logFd ?? "pipe"],
  });
  // The child has its own copy of the descriptor.
  if (logFd !== undefined) closeSync(logFd);
  try {
    await once(child, "spawn");
  } catch (error) {
    throw new Error(`could not start ${options.label} (${options.command}): ${(error as Error).message}`);
  }
  const pid = child.pid as number;
  live.add(pid);
  let kept = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (text: string) => {
      kept = (kept + text).slice(-KEPT_CHARS);
      if (options.echo) process.stderr.write(text);
    });
  }
  const closed = once(child, "close").catch(() => undefined);
  const drained = () => Promise.race([closed, new Promise((resolve) => setTimeout(resolve, DRAIN_MS))]);
  const { logFile } = options;
  let stopping: Promise<void> | undefined;
  return {
    label: options.label,
    pid,
    startedAt,
    logFile,
    exited: () => child.exitCode ?? child.signalCode ?? undefined,
    log: () => (logFile === undefined ? kept : readFileSync(logFile, "utf8")),
    stop: (graceMs = 3_000) => {
      stopping ??= endGroup(pid, graceMs).then(async () => {
        await drained();
      });
      return stopping;
    },
  };
}

/**
 * When a server counts as started: once `path` answers, with `status` if given, else with any
 * status below 500 (the server's own answer, not a proxy's error); or once it accepts a
 * connection, which makes no request, so that the next one is its first.
 */
export type Readiness = { readonly path: string; readonly status?: number } | "listening";

export interface ReadyOptions {
  readonly origin: string;
  readonly ready: Readiness;
  readonly timeoutMs: number;
  /** Between probes (250 ms unless given); a refused connection costs microseconds. */
  readonly intervalMs?: number;
  /** Output that means it will never answer, such as wrangler's "Build failed". */
  readonly failOn?: RegExp;
}

async function accepts(origin: string): Promise<boolean> {
  const { hostname, port } = new URL(origin);
  const socket = connect({ host: hostname, port: Number(port) });
  try {
    await once(socket, "connect");
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}

async function answers(url: string, status: number | undefined, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return status === undefined ? response.status < 500 : response.status === status;
  } catch {
    return false;
  }
}

const LOG_LINES = 60;

/** The end of what the group printed, for an error message. */
function logTail(group: ProcessGroup): string {
  const lines = group.log().trimEnd().split("\n").slice(-LOG_LINES).join("\n");
  const where = group.logFile === undefined ? "it printed" : `its log ${group.logFile} ends`;
  return lines === "" ? `; it printed nothing` : `; ${where}:\n${lines}`;
}

/**
 * Resolves, with the milliseconds from the spawn, once the group's server is ready. If the
 * leader exits first, prints `failOn`, or is not ready within the timeout, stops the group and
 * rejects with the end of its output.
 */
export async function waitUntilReady(group: ProcessGroup, options: ReadyOptions): Promise<number> {
  const { ready, origin } = options;
  const what = ready === "listening" ? `accept a connection at ${origin}` : `answer ${origin}${ready.path}`;
  const deadline = performance.now() + options.timeoutMs;
  const fail = async (why: string) => {
    await group.stop();
    return new Error(`${group.label} ${why}${logTail(group)}`);
  };
  for (;;) {
    const exited = group.exited();
    if (exited !== undefined) throw await fail(`exited (${exited}) before it would ${what}`);
    if (options.failOn?.test(group.log())) throw await fail(`printed an error before it would ${what}`);
    const left = deadline - performance.now();
    if (left < 0) throw await fail(`did not ${what} within ${options.timeoutMs / 1000} s`);
    const isReady =
      ready === "listening"
        ? await accepts(origin)
        : await answers(`${origin}${ready.path}`, ready.status, Math.min(5_000, left));
    if (isReady) return performance.now() - group.startedAt;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}

export interface RunningServer extends ProcessGroup {
  readonly origin: string;
  /** Milliseconds from the spawn to readiness. */
  readonly startupMs: number;
}

/** `startGroup`, then `waitUntilReady`: a server that answers, or an error and no process left. */
export async function startServer(options: GroupOptions & ReadyOptions): Promise<RunningServer> {
  const group = await startGroup(options);
  const startupMs = await waitUntilReady(group, options);
  return { ...group, origin: options.origin, startupMs };
}
