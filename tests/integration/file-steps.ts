// Preloaded into the real build by killed-build.test.ts (`node --import`): numbers every change
// the build's main thread makes to files (each write, rename and removal, in the order the
// calls are made), so the test can kill the build at an exact one rather than at a moment that
// depends on how fast the machine is. Folders made are not counted: the build makes a folder
// once per path, but two writes in flight may both make it first, so their count varies.
// - FILE_STEPS_TRACE=<file>: at exit, writes every step made there, one JSON line each.
// - FILE_STEPS_KILL_AT=<n>: kills the build with SIGKILL at step n, after writing the first
//   half of what a write would write, as a kill during that write leaves the file; a rename or
//   a removal is killed before it is made.
import fs from "node:fs";
import fsp from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import { isMainThread } from "node:worker_threads";

/** One change to files: the call, its path, and for a rename where it goes. */
export interface FileStep {
  readonly call: string;
  readonly path: string;
  readonly to?: string;
}

const WRITES = ["writeFile", "appendFile"];
const OTHERS = ["rename", "rm", "rmdir", "unlink", "copyFile"];

type Call = (...args: unknown[]) => unknown;

function install(): void {
  const killAt = Number(process.env.FILE_STEPS_KILL_AT ?? 0);
  const traceFile = process.env.FILE_STEPS_TRACE;
  const writeFileSync = fs.writeFileSync;
  const appendFileSync = fs.appendFileSync;
  const steps: FileStep[] = [];

  const step = (call: string, args: unknown[]): void => {
    const to = call.startsWith("rename") || call.startsWith("copyFile") ? { to: String(args[1]) } : {};
    steps.push({ call, path: String(args[0]), ...to });
    if (steps.length !== killAt) return;
    if (WRITES.some((name) => call.startsWith(name))) {
      const bytes = typeof args[1] === "string" ? Buffer.from(args[1]) : Buffer.from(args[1] as Uint8Array);
      const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
      (call.startsWith("append") ? appendFileSync : writeFileSync)(args[0] as fs.PathOrFileDescriptor, cut);
    }
    // SIGKILL sent to the process itself ends it before kill(2) returns: nothing after runs.
    process.kill(process.pid, "SIGKILL");
  };

  // A call Node makes inside another (rmSync removing a folder's files) is part of that step.
  let inside = false;
  const wrap = (module: Record<string, unknown>, name: string, call: string): void => {
    const original = module[name] as Call;
    module[name] = function (this: unknown, ...args: unknown[]) {
      if (inside) return original.apply(this, args);
      step(call, args);
      inside = true;
      try {
        return original.apply(this, args);
      } finally {
        inside = false;
      }
    };
  };
  for (const name of [...WRITES, ...OTHERS]) {
    wrap(fs as unknown as Record<string, unknown>, `${name}Sync`, `${name}Sync`);
    wrap(fsp as unknown as Record<string, unknown>, name, name);
  }
  // The build imports these by name: its bindings follow the patched functions from here on.
  syncBuiltinESMExports();

  if (traceFile !== undefined) {
    process.on("exit", () => writeFileSync(traceFile, steps.map((s) => JSON.stringify(s)).join("\n")));
  }
}

// The render pool's threads only render; the files are the main thread's.
if (isMainThread) install();
