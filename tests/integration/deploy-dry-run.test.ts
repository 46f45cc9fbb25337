import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEPLOY_COMMAND } from "../../scripts/deploy-guard.ts";
import { WRANGLER_CLI } from "../../scripts/runtime-binaries.ts";
import { childEnv, makeProjectCopy, removeTempDirs } from "../support/project-copy.ts";

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv = childEnv()) {
  const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8", env, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(removeTempDirs);

// What the deploy script does before wrangler runs is checked in tests/node/build/deploy.test.ts.
describe("npm run deploy, through wrangler deploy --dry-run", () => {
  it("builds and hands wrangler the checked BASE_URL (wrangler deploy --dry-run)", { timeout: 150_000 }, () => {
    const dir = makeProjectCopy("deploy");
    const outdir = join(dir, "dist");
    const result = run(dir, [
      join(dir, "scripts/deploy.ts"),
      "--var",
      "BASE_URL:https://news.example.org/",
      "--dry-run",
      "--outdir",
      outdir,
    ]);
    expect(result.status, result.stderr).toBe(0);
    // The build ran (it refuses a deploy without the script's mark) and wrote the checked origin
    // into the bundle, where every link comes from; nothing local is left in it.
    expect(result.stdout).toContain("built 2 article(s)");
    const bundle = readFileSync(join(outdir, "index.js"), "utf8");
    expect(bundle).toContain('"https://news.example.org"');
    expect(bundle).not.toContain("127.0.0.1");
  });

  it("a direct wrangler deploy stops at the build with one line saying what to run", { timeout: 150_000 }, () => {
    const dir = makeProjectCopy("direct-deploy");
    const result = run(dir, [WRANGLER_CLI, "deploy", "--dry-run", "--outdir", join(dir, "dist")]);
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain(
      `wrangler deploy was started directly, so BASE_URL was not checked and nothing was built; deploy with: ${DEPLOY_COMMAND}`,
    );
    expect(existsSync(join(dir, "src/generated/articles.ts"))).toBe(false);
  });
});
