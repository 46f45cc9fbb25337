import { execFile, spawnSync } from "node:child_process";

export interface ToolResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const MAX_BUFFER = 64 * 1024 * 1024;
const TIMEOUT_MS = 60_000;

/** Runs a program written by others on `input`; a missing program is an error that says so. */
export function runTool(
  command: string,
  args: readonly string[],
  input?: string | Uint8Array,
  env?: NodeJS.ProcessEnv,
): ToolResult {
  const result = spawnSync(command, args, { input, env, maxBuffer: MAX_BUFFER, timeout: TIMEOUT_MS });
  if (result.error) throw notRun(command, result.error);
  return { status: result.status, stdout: result.stdout.toString("utf8"), stderr: result.stderr.toString("utf8") };
}

/**
 * `runTool` for a program that takes a while, without blocking this process meanwhile: fetch's
 * idle keep-alive connections to the server must see it close them, or the next request fails
 * on a dead socket.
 */
export function runToolAsync(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env, maxBuffer: MAX_BUFFER, timeout: TIMEOUT_MS }, (error, stdout, stderr) => {
      // A non-zero exit is a result to report; failing to start, or being killed, is not.
      if (error && (typeof error.code !== "number" || error.killed)) reject(notRun(command, error));
      else resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

function notRun(command: string, error: Error): Error {
  return new Error(`${command}: ${error.message} (is it installed? .ci/run installs it)`);
}
