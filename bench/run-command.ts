import { spawn } from "node:child_process";
import { basename } from "node:path";
import { readTreeRssBytes } from "../scripts/process-tree.ts";

export interface CommandResult {
  readonly stdout: string;
  readonly ms: number;
  /** Largest resident memory of the command's process tree, sampled every 200 ms. */
  readonly peakRssBytes: number;
  /** Ms from the start to the output chunk that completed the first match, or null if none. */
  firstMatchMs(pattern: RegExp): number | null;
}

export interface CommandOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Run under a pseudo-terminal (util-linux `script`), as on a developer's terminal: output
   * meant only for terminals is drawn, and stderr arrives on stdout.
   */
  readonly terminal?: boolean | undefined;
}

const SAMPLE_MS = 200;

/** The line of a failed command's output that says what went wrong, as Node and V8 print it. */
function readErrorLine(output: string): string {
  const lines = output.split("\n").map((line) => line.trim());
  return (
    lines.find((line) => /^(\w*Error\b|FATAL ERROR|✘|\[ERROR\])/.test(line)) ??
    lines.find((line) => /error/i.test(line)) ??
    lines.filter((line) => line !== "").at(-1) ??
    "no output"
  );
}

const shellQuote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

/** Runs a command to completion; a non-zero exit is an error that carries its output. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  // -e: exit with the command's status; -f: pass output on as it comes; /dev/null: no typescript file.
  const [file, argv] = options.terminal
    ? ["script", ["-qefc", [command, ...args].map(shellQuote).join(" "), "/dev/null"]]
    : [command, args];
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    /** When each stretch of stdout arrived: [ms since start, stdout length after it]. */
    const arrivals: [number, number][] = [];
    let peakRssBytes = 0;
    // Bundlers spawn helpers (wrangler runs esbuild): the whole tree is what the build machine needs.
    const sampler = setInterval(() => {
      if (child.pid !== undefined) peakRssBytes = Math.max(peakRssBytes, readTreeRssBytes(child.pid));
    }, SAMPLE_MS);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      arrivals.push([performance.now() - start, stdout.length]);
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
      const firstMatchMs = (pattern: RegExp) => {
        const match = pattern.exec(stdout);
        if (!match) return null;
        const end = match.index + match[0].length;
        return arrivals.find(([, length]) => length >= end)?.[0] ?? null;
      };
      if (code === 0) resolve({ stdout, ms, peakRssBytes, firstMatchMs });
      else {
        // The first line names the step and the error; the whole output follows for the log.
        const script = args.find((a) => /\.[cm]?[jt]s$/.test(a));
        const name = script ? basename(script) : `${basename(command)} ${args[0] ?? ""}`.trim();
        reject(
          new Error(
            `${name} exited ${code ?? signal}: ${readErrorLine(`${stderr}\n${stdout}`)}\n${command} ${args.join(" ")} in ${options.cwd ?? "."}:\n${stderr.slice(-4000)}${stdout.slice(-2000)}`,
          ),
        );
      }
    });
  });
}
