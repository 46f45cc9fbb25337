// `wrangler dev` on a project copy, started by a suite: the browser tests, the integration
// tests and the conformance suite serve the Worker this one way.
import type { RunningServer } from "../../scripts/process-group.ts";
import { startWranglerDev } from "../../scripts/wrangler-dev-server.ts";
import { childEnv } from "./project-copy.ts";

export interface TestWranglerDevOptions {
  /** More of the environment: ARTICLES_DIR, say. */
  readonly env?: Readonly<Record<string, string>>;
  /** More arguments for `wrangler dev`, as they are. */
  readonly args?: readonly string[];
  /** Where its output goes (else it is kept for `log()`). */
  readonly logFile?: string;
  /** How long the first build may take (90 s unless given). */
  readonly timeoutMs?: number;
}

/**
 * `wrangler dev` in `dir` with the runner's environment less what would choose the build's
 * behaviour (childEnv), and Miniflare's placeholder Request.cf rather than one fetched from
 * Cloudflare (CI may be offline). Resolves once `/` answers.
 */
export function startTestWranglerDev(dir: string, options: TestWranglerDevOptions = {}): Promise<RunningServer> {
  return startWranglerDev(dir, {
    env: childEnv({ CLOUDFLARE_CF_FETCH_ENABLED: "false", ...options.env }),
    args: options.args,
    logFile: options.logFile,
    timeoutMs: options.timeoutMs ?? 90_000,
  });
}
