import { spawn } from "node:child_process";
import { readTreeRssBytes } from "../tests/support/process-tree.ts";

export interface CommandResult {
  readonly stdout: string;
  readonly ms: number;
  /** Largest resident memory of the command's process tree, sampled every 200 ms. */
  readonly peakRssBytes: number;
}

const SAMPLE_MS = 200;

/** Runs a command to completion; a non-zero exit is an error that carries its output. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CommandResult> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    let peakRssBytes = 0;
    // Bundlers spawn helpers (wrangler runs esbuild): the whole tree is what the build machine needs.
    const sampler = setInterval(() => {
      if (child.pid !== undefined) peakRssBytes = Math.max(peakRssBytes, readTreeRssBytes(child.pid));
    }, SAMPLE_MS);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    child.once("error", (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearInterval(sampler);
      const ms = performance.now() - start;
      if (code === 0) resolve({ stdout, ms, peakRssBytes });
      else
        reject(
          new Error(
            `${command} ${args.join(" ")} exited ${code ?? signal} in ${options.cwd ?? "."}:\n${stderr.slice(-4000)}${stdout.slice(-2000)}`,
          ),
        );
    });
  });
}
