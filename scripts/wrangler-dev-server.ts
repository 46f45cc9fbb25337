// `wrangler dev` on a project copy, the way developers run the Worker (wrangler's proxy in
// front of workerd, Miniflare's asset server over the [assets] folder), on a free port of
// 127.0.0.1 in a process group of its own. Shared by the benchmark and the test harnesses.
import { findFreePort } from "./free-port.ts";
import { type Readiness, type RunningServer, startServer } from "./process-group.ts";
import { WRANGLER_CLI } from "./runtime-binaries.ts";

export interface WranglerDevOptions {
  /** The environment (this process's unless given). */
  readonly env?: NodeJS.ProcessEnv;
  /** More arguments for `wrangler dev`, as they are: "--test-scheduled", say. */
  readonly args?: readonly string[];
  /** Where its output goes (else it is kept for `log()`). */
  readonly logFile?: string;
  /** How long the first build may take before it answers. */
  readonly timeoutMs: number;
  /** `/` answering below 500 unless given. */
  readonly ready?: Readiness;
  readonly intervalMs?: number;
}

/** What wrangler prints when the [build] command fails or the Worker cannot be bundled. */
const BUILD_ERROR = /Build failed|\[ERROR\]/;

/**
 * `wrangler dev` in `dir`, as a developer runs it: its answers link to the address it serves at
 * whatever the build's address (src/serve/links-to-request-origin.ts). Resolves once it answers;
 * rejects, with none of its processes left, if it exits, prints a build error or does not
 * answer in time.
 */
export async function startWranglerDev(dir: string, options: WranglerDevOptions): Promise<RunningServer> {
  const port = await findFreePort();
  const inspectorPort = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  return startServer({
    label: "wrangler dev",
    command: process.execPath,
    args: [
      WRANGLER_CLI,
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(inspectorPort),
      "--show-interactive-dev-session=false",
      ...(options.args ?? []),
    ],
    cwd: dir,
    env: { ...(options.env ?? process.env), WRANGLER_SEND_METRICS: "false" },
    logFile: options.logFile,
    origin,
    ready: options.ready ?? { path: "/" },
    failOn: BUILD_ERROR,
    timeoutMs: options.timeoutMs,
    intervalMs: options.intervalMs,
  });
}
