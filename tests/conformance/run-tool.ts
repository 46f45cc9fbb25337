import { spawnSync } from "node:child_process";

export interface ToolResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program written by others on `input`; a missing program is an error that says so. */
export function runTool(
  command: string,
  args: readonly string[],
  input?: string | Uint8Array,
  env?: NodeJS.ProcessEnv,
): ToolResult {
  const result = spawnSync(command, args, { input, env, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  if (result.error) {
    throw new Error(`${command}: ${result.error.message} (is it installed? .ci/run installs it)`);
  }
  return { status: result.status, stdout: result.stdout.toString("utf8"), stderr: result.stderr.toString("utf8") };
}
