// CPU time and resident memory of a process and all its descendants, read from /proc
// (proc(5)): utime + stime of /proc/PID/stat include every thread of the process. Shared by the
// test harnesses and the benchmark.
import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS_PER_SECOND = 100;

interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  /** Process group id. */
  readonly pgrp: number;
  /** "Z" for a zombie: ended, not yet reaped by its parent. */
  readonly state: string;
  /** utime + stime, in clock ticks. */
  readonly ticks: number;
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: fields resume after the last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state); ppid is field 4, pgrp 5, utime 14, stime 15.
  return {
    pid,
    ppid: Number(fields[1]),
    pgrp: Number(fields[2]),
    state: fields[0] ?? "",
    ticks: Number(fields[11]) + Number(fields[12]),
  };
}

function readAllStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.push(stat);
  }
  return stats;
}

/**
 * The processes of group `pgid` that still run. A zombie does not count: it has ended, and
 * where init does not reap orphans (some containers) it would stay in the group for good.
 */
export function listProcessGroup(pgid: number): number[] {
  return readAllStats()
    .filter((stat) => stat.pgrp === pgid && stat.state !== "Z")
    .map((stat) => stat.pid);
}

/** The pid and every live descendant of it. */
export function listProcessTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const stat of readAllStats()) {
    const siblings = children.get(stat.ppid) ?? [];
    siblings.push(stat.pid);
    children.set(stat.ppid, siblings);
  }
  const tree: number[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    tree.push(pid);
    for (const child of children.get(pid) ?? []) pending.push(child);
  }
  return tree;
}

/** CPU seconds (user + system) used so far by the process tree under `root`. */
export function readTreeCpuSeconds(root: number): number {
  let ticks = 0;
  for (const pid of listProcessTree(root)) ticks += readStat(pid)?.ticks ?? 0;
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** Resident set size of one process in bytes (VmRSS), 0 once it has ended. */
export function readRssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return Number(match?.[1] ?? 0) * 1024;
  } catch {
    // The process ended between listing and reading: it holds no memory any more.
    return 0;
  }
}

/** The command name of a process (/proc/PID/comm), "" once it has ended. */
export function readCommand(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

/**
 * Resident set size of the process tree under `root` in bytes, or of only its processes named
 * `command` (for example the runtime, "workerd", without the tools that started it).
 */
export function readTreeRssBytes(root: number, command?: string): number {
  return listProcessTree(root)
    .filter((pid) => command === undefined || readCommand(pid) === command)
    .reduce((sum, pid) => sum + readRssBytes(pid), 0);
}

/**
 * On-CPU time of every thread of the tree in nanoseconds (/proc/PID/task/TID/schedstat,
 * field 1): fine-grained where utime + stime count 10 ms ticks, for single requests.
 */
export function readTreeCpuNanoseconds(root: number): number {
  let ns = 0;
  for (const pid of listProcessTree(root)) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        // The thread ended between listing and reading.
      }
    }
  }
  return ns;
}
