import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findFreePort } from "../../../scripts/free-port.ts";
import { WRANGLER_CLI } from "../../../scripts/runtime-binaries.ts";
import { testSiteConfigModule } from "../../support/test-site.ts";
import { childEnv, makeTempDir, ROOT, writeGoodArticles } from "./build-fixtures.ts";

/**
 * A copy of the project in a temp folder: package.json, src/ (but its build output) and scripts/, the test
 * site in src/site-config.ts, `count` good articles, and wrangler.toml as it is but for the
 * Worker's name and the build command (this Node, no npm). Links follow BASE_URL in the
 * environment of whatever builds it.
 */
export function makeProjectCopy(prefix: string, count = 2): string {
  const dir = makeTempDir(prefix);
  const generated = join(ROOT, "src/generated");
  for (const part of ["src", "scripts"]) {
    cpSync(join(ROOT, part), join(dir, part), { recursive: true, filter: (path) => !path.startsWith(generated) });
  }
  cpSync(join(ROOT, "package.json"), join(dir, "package.json"));
  writeFileSync(join(dir, "src/site-config.ts"), testSiteConfigModule());
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  writeGoodArticles(join(dir, "articles"), count);
  writeFileSync(
    join(dir, "wrangler.toml"),
    readFileSync(join(ROOT, "wrangler.toml"), "utf8")
      .replace(/^name = .*$/m, `name = "feed-publisher-${prefix}"`)
      .replace(/^command = .*$/m, `command = '"${process.execPath}" scripts/build-articles.ts'`),
  );
  return dir;
}

/**
 * `wrangler dev` in `dir` on 127.0.0.1:`port`, building for that address, in a process group of
 * its own (stop it with stopGroup). Its output is piped, for a test to read, or ignored;
 * `extraArgs` go to wrangler dev as they are.
 */
export async function spawnWranglerDev(
  dir: string,
  port: number,
  output: "pipe" | "ignore" = "pipe",
  extraArgs: readonly string[] = [],
): Promise<ChildProcess> {
  const args = [
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    String(await findFreePort()),
    ...extraArgs,
  ];
  return spawn(process.execPath, [WRANGLER_CLI, ...args, "--show-interactive-dev-session=false"], {
    cwd: dir,
    detached: true,
    stdio: ["ignore", output, output],
    env: childEnv({ BASE_URL: `http://127.0.0.1:${port}` }),
  });
}
