// `wrangler dev` on a built project copy: the way developers run the Worker, with wrangler's
// proxy in front of workerd and Miniflare's asset server over the [assets] directory.
import { join } from "node:path";
import { findFreePort } from "../scripts/free-port.ts";
import { WRANGLER_CLI } from "../scripts/runtime-binaries.ts";
import { type RunningServer, spawnServer } from "./spawn-server.ts";

export async function startWranglerDev(projectCopy: string, readyPath: string): Promise<RunningServer> {
  const port = await findFreePort();
  const inspectorPort = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  return spawnServer({
    label: "wrangler dev",
    command: process.execPath,
    args: [
      WRANGLER_CLI,
      "dev",
      "--config",
      "wrangler.toml",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(inspectorPort),
      "--show-interactive-dev-session=false",
    ],
    cwd: projectCopy,
    // The build writes every link from BASE_URL (scripts/build-articles.ts).
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", BASE_URL: origin },
    logFile: join(projectCopy, "wrangler-dev.log"),
    origin,
    ready: { path: readyPath },
    timeoutMs: 120_000,
  });
}
