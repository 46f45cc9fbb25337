import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { DEPLOY_COMMAND } from "../../../scripts/deploy-guard.ts";
import { planDeploy } from "../../../scripts/deploy-plan.ts";
import { childEnv, ROOT } from "../../support/project-copy.ts";

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv = childEnv()) {
  const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8", env, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run deploy", () => {
  it("passes the other arguments on and takes BASE_URL out, as the origin the build writes", () => {
    expect(planDeploy(["--var", "BASE_URL:https://news.example.org/", "--dry-run"], {})).toEqual({
      args: ["deploy", "--dry-run"],
      origin: "https://news.example.org",
    });
    expect(planDeploy(["--var", "A:1", "BASE_URL:https://a.example", "--minify"], {})).toEqual({
      args: ["deploy", "--var", "A:1", "--minify"],
      origin: "https://a.example",
    });
    expect(planDeploy(["--var=BASE_URL:https://b.example"], { BASE_URL: "https://env.example" })).toMatchObject({
      origin: "https://b.example",
    });
    expect(planDeploy([], { BASE_URL: "https://env.example" })).toMatchObject({ origin: "https://env.example" });
  });

  for (const [args, says] of [
    [[], "BASE_URL is not set"],
    [["--var", "BASE_URL:http://127.0.0.1:8787"], "is this machine, which no reader can reach"],
    [
      ["--var", "BASE_URL:news.example.org"],
      "does not start with https:// or http://; expected e.g. https://news.example.org",
    ],
    [
      ["--var", "BASE_URL:https://news.example.org/news"],
      "served at the root of its own host; expected https://news.example.org",
    ],
  ] as const) {
    it(`refuses ${args.join(" ") || "no BASE_URL"} before running wrangler`, () => {
      const result = run(ROOT, ["scripts/deploy.ts", ...args]);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(`${result.stderr.split("\n")[0]}\nnothing was deployed; run: ${DEPLOY_COMMAND}\n`);
      expect(result.stderr.split("\n")[0]).toContain(says);
    });
  }
});
