import { readFileSync } from "node:fs";
import { listProcessTree } from "../../scripts/process-tree.ts";

export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

/** Resident set size of a process in bytes (VmRSS), 0 if it is gone. */
export function residentBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** RSS of every workerd process under `rootPid`: the runtime's memory. */
export function workerdResidentBytes(rootPid: number): number {
  return listProcessTree(rootPid)
    .filter((pid) => commandOf(pid) === "workerd")
    .reduce((sum, pid) => sum + residentBytes(pid), 0);
}
