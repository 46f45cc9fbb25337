// What the report must say about the machine and the tools, so numbers can be compared.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { WORKERD_BINARY } from "../scripts/runtime-binaries.ts";
import { PROJECT_ROOT } from "./build-worker.ts";

export interface Environment {
  readonly date: string;
  readonly nproc: number;
  readonly cpu: string;
  readonly kernel: string;
  readonly versions: Readonly<Record<string, string>>;
}

function firstLine(command: string, args: readonly string[]): string {
  const output = execFileSync(command, args, { encoding: "utf8" });
  return output.trim().split("\n")[0] ?? "";
}

/** wrk prints its version on stderr, and exits 1 after it; a missing tool gives the shell's words. */
function versionLine(command: string): string {
  const result = execFileSync("sh", ["-c", `${command} 2>&1 || true`], { encoding: "utf8" });
  return result.trim().split("\n")[0] ?? "unknown";
}

function packageVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, "node_modules", name, "package.json"), "utf8"));
  return String(pkg.version);
}

export function readEnvironment(): Environment {
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    nproc: Number(execFileSync("nproc", { encoding: "utf8" }).trim()),
    cpu: cpus()[0]?.model ?? "unknown",
    kernel: firstLine("uname", ["-sr"]),
    versions: {
      node: process.version,
      workerd: firstLine(WORKERD_BINARY, ["--version"]),
      wrangler: packageVersion("wrangler"),
      hono: packageVersion("hono"),
      // Not installed for `--only noop`, which needs no Hugo: the report then says so.
      hugo: versionLine("hugo version").split(" ").slice(0, 2).join(" "),
      wrk: versionLine("wrk -v").split(" [")[0] ?? "unknown",
    },
  };
}

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
export function readLoadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
}
