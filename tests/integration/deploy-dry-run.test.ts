import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { WRANGLER_CLI } from "../../scripts/runtime-binaries.ts";
import { HOW_TO_SET } from "../../scripts/site-address.ts";
import { SITE_DIR } from "../../src/model/paths.ts";
import { childEnv, makeProjectCopy, removeTempDirs } from "../support/project-copy.ts";

afterAll(removeTempDirs);

/** `wrangler <args>` in `dir`, as a user runs it: everything it printed, in order, and its status. */
function wrangler(dir: string, args: string[], env: Readonly<Record<string, string>> = {}) {
  const run = spawnSync(process.execPath, [WRANGLER_CLI, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: childEnv(env),
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A copy of the project whose wrangler.toml sets the site's address to `address`. */
function projectAt(prefix: string, address: string): string {
  const dir = makeProjectCopy(prefix);
  const config = join(dir, "wrangler.toml");
  writeFileSync(config, readFileSync(config, "utf8").replace(/^BASE_URL = .*$/m, `BASE_URL = "${address}"`));
  return dir;
}

describe("wrangler deploy, with the address where a Workers user sets it", () => {
  it("builds every link on wrangler.toml's BASE_URL, with nothing else to run", { timeout: 150_000 }, () => {
    const dir = projectAt("deploy", "https://news.example.org/");
    const outdir = join(dir, "dist", "bundle");
    const run = wrangler(dir, ["deploy", "--dry-run", "--outdir", outdir]);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain("built 2 article(s)");
    const bundle = readFileSync(join(outdir, "index.js"), "utf8");
    expect(bundle).toContain('"https://news.example.org"');
    expect(bundle).not.toContain("127.0.0.1");
  });

  it("takes a BASE_URL build variable over wrangler.toml's, as a git-connected build sets it", {
    timeout: 150_000,
  }, () => {
    const dir = projectAt("deploy-env", "https://news.example.org");
    const outdir = join(dir, "dist", "bundle");
    const run = wrangler(dir, ["versions", "upload", "--dry-run", "--outdir", outdir], {
      BASE_URL: "https://staging.example.org",
    });
    expect(run.status, run.output).toBe(0);
    const bundle = readFileSync(join(outdir, "index.js"), "utf8");
    expect(bundle).toContain('"https://staging.example.org"');
    expect(bundle).not.toContain('"https://news.example.org"');
  });

  it.each([
    ["", "deploy", "wrangler deploy: the site's public address is not set, so its links would point nowhere"],
    [
      "http://127.0.0.1:8787",
      "versions upload",
      'wrangler versions upload: BASE_URL "http://127.0.0.1:8787" is this machine, which no reader can reach; expected the public address, e.g. https://news.example.org (BASE_URL from [vars] in wrangler.toml)',
    ],
  ])(
    "with BASE_URL %j, %s stops before anything is built, in a few lines that say what to set where",
    (address, command, says) => {
      const dir = projectAt("deploy-refused", address);
      const run = wrangler(dir, [...command.split(" "), "--dry-run", "--outdir", join(dir, "dist", "bundle")]);
      expect(run.status).not.toBe(0);
      // The whole of what the user reads: wrangler's banner, the build's command and its two lines.
      const lines = run.output.split("\n").filter((line) => line.replace("[custom build]", "").trim() !== "");
      expect(lines).toEqual([
        expect.stringMatching(/^ ⛅️ wrangler \d/),
        expect.stringMatching(/^─+$/),
        expect.stringMatching(/^\[custom build\] Running: /),
        `[custom build] ${says}`,
        `[custom build] nothing was built or uploaded; ${HOW_TO_SET}`,
      ]);
      expect(existsSync(join(dir, SITE_DIR))).toBe(false);
      expect(existsSync(join(dir, "src", "generated", "site-manifest.ts"))).toBe(false);
    },
  );
});
