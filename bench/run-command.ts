import { spawn } from "node:child_process";

export interface CommandResult {
  readonly stdout: string;
  readonly ms: number;
}

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
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) => {
      const ms = performance.now() - start;
      if (code === 0) resolve({ stdout, ms });
      else
        reject(new Error(`${command} ${args.join(" ")} exited ${code} in ${options.cwd ?? "."}:\n${stderr}${stdout}`));
    });
  });
}
