// Stops the wrangler that started this build, so a refused build ends with the build's own
// lines. Wrangler answers a custom build's non-zero exit by printing the error object with its
// stack and a dump of the child process (over a hundred lines) before its own one-line error,
// and it offers no quieter way out; a wrangler stopped by SIGTERM prints nothing more, uploads
// nothing and exits non-zero (143), which fails a CI job or a git-connected build as it should.
import { spawnSync } from "node:child_process";

/** Wrangler's own program, as it appears in its process's arguments. */
const WRANGLER_PROGRAM = /(?:^|[\s/\\])wrangler(?:-dist[/\\]cli\.js|[/\\]bin[/\\]wrangler\.js)(?:\s|$)/;
/** The custom build runs a shell, npm and node below wrangler: a few levels up at most. */
const MAX_LEVELS = 8;
/** Time for wrangler to read and print what the build wrote to its pipes before it stops. */
const FLUSH_MS = 300;

/** A process's parent and its arguments, from `ps` (Linux and macOS), or undefined. */
function processInfo(pid: number): { readonly parent: number; readonly args: string } | undefined {
  const run = spawnSync("ps", ["-o", "ppid=", "-o", "args=", "-p", String(pid)], { encoding: "utf8" });
  const match = /^\s*(\d+)\s+(.*)$/s.exec(run.status === 0 ? run.stdout.trim() : "");
  return match ? { parent: Number(match[1]), args: match[2] ?? "" } : undefined;
}

/** The nearest process at or above `parent` running wrangler's CLI, or undefined outside wrangler. */
function findWrangler(parent = process.ppid): number | undefined {
  let pid: number | undefined = parent;
  for (let level = 0; level < MAX_LEVELS && pid !== undefined && pid > 1; level++) {
    const info = processInfo(pid);
    if (info === undefined) return undefined;
    if (WRANGLER_PROGRAM.test(info.args)) return pid;
    pid = info.parent;
  }
  return undefined;
}

/**
 * Ends this build with `exitCode` after stopping the wrangler that runs it, if one does. Where
 * no wrangler is found (run by hand, or a system without `ps`), it just exits.
 */
export async function exitStoppingWrangler(exitCode: number): Promise<never> {
  const wrangler = process.env.WRANGLER_COMMAND === undefined ? undefined : findWrangler();
  if (wrangler !== undefined) {
    await new Promise((resolve) => setTimeout(resolve, FLUSH_MS));
    try {
      process.kill(wrangler, "SIGTERM");
    } catch {
      // Already gone: nothing left to stop.
    }
  }
  return process.exit(exitCode);
}
