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

/** The process id and arguments of `pid`'s parent, from `ps` (Linux and macOS), or undefined. */
function parentOf(pid: number): { readonly pid: number; readonly args: string } | undefined {
  const run = spawnSync("ps", ["-o", "ppid=", "-o", "args=", "-p", String(pid)], { encoding: "utf8" });
  const match = /^\s*(\d+)\s/.exec(run.status === 0 ? run.stdout : "");
  if (!match) return undefined;
  const parent = Number(match[1]);
  const of = spawnSync("ps", ["-o", "args=", "-p", String(parent)], { encoding: "utf8" });
  return of.status === 0 ? { pid: parent, args: of.stdout.trim() } : undefined;
}

/** The nearest ancestor process running wrangler's CLI, or undefined outside wrangler. */
export function findWrangler(from = process.pid): number | undefined {
  let pid = from;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const parent = parentOf(pid);
    if (parent === undefined || parent.pid <= 1) return undefined;
    if (WRANGLER_PROGRAM.test(parent.args)) return parent.pid;
    pid = parent.pid;
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
