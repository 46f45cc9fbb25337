import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readGeneratedModule } from "../../../scripts/generated-module.ts";
import { baseUrlForBuild, configuredBaseUrl, HOW_TO_SET, LOCAL_BASE_URL } from "../../../scripts/site-address.ts";
import { runBuild } from "../../support/build-fixtures.ts";
import { makeTempDir, removeTempDirs, writeGoodArticles } from "../../support/project-copy.ts";

afterAll(removeTempDirs);

const fromConfig = (value?: string) => ({ value, from: "[vars] in wrangler.toml" });

describe("the site's address in wrangler.toml", () => {
  it("is BASE_URL under [vars], or nothing", () => {
    expect(configuredBaseUrl('name = "x"\n[vars]\nBASE_URL = "https://news.example.org"\n')).toBe(
      "https://news.example.org",
    );
    expect(configuredBaseUrl('name = "x"\n[vars]\nOTHER = "1"\n')).toBeUndefined();
    expect(configuredBaseUrl('name = "x"\n')).toBeUndefined();
    // An environment's own, which wrangler does not inherit from the top level.
    const staged = '[vars]\nBASE_URL = "https://a.example"\n[env.staging.vars]\nBASE_URL = "https://b.example"\n';
    expect(configuredBaseUrl(staged, "staging")).toBe("https://b.example");
    expect(configuredBaseUrl(staged, "other")).toBeUndefined();
    // The project's own file parses, whatever address a user has put in it.
    expect(() => configuredBaseUrl(readFileSync("wrangler.toml", "utf8"))).not.toThrow();
  });
});

describe("the address a build links to", () => {
  it("is where npm start serves for a local build with none set", () => {
    for (const command of [undefined, "dev", "types"]) {
      expect(baseUrlForBuild({ WRANGLER_COMMAND: command }, fromConfig())).toEqual({ origin: LOCAL_BASE_URL });
    }
  });

  it("is the configured origin for an upload", () => {
    for (const command of ["deploy", "versions upload"]) {
      expect(baseUrlForBuild({ WRANGLER_COMMAND: command }, fromConfig("https://News.Example.org/"))).toEqual({
        origin: "https://news.example.org",
      });
    }
  });

  it.each([
    [undefined, "wrangler deploy: the site's public address is not set"],
    ["http://127.0.0.1:8787", 'wrangler deploy: BASE_URL "http://127.0.0.1:8787" is this machine'],
    ["news.example.org", 'wrangler deploy: BASE_URL "news.example.org" does not start with https:// or http://'],
    ["https://news.example.org/news", "served at the root of its own host; expected https://news.example.org"],
  ])("refuses %s for an upload in two lines: what is wrong, and what to set where", (value, says) => {
    const result = baseUrlForBuild({ WRANGLER_COMMAND: "deploy" }, fromConfig(value));
    expect("problem" in result && result.problem.split("\n")).toEqual([
      expect.stringContaining(says),
      `nothing was built or uploaded; ${HOW_TO_SET}`,
    ]);
  });
});

describe("a build for wrangler deploy", () => {
  function corpus(prefix: string) {
    const dir = makeTempDir(prefix);
    writeGoodArticles(join(dir, "articles"), 2);
    return { articles: join(dir, "articles"), out: join(dir, "generated", "articles.ts") };
  }

  it("with no address set writes nothing and says what to set, in two lines", () => {
    const { articles, out } = corpus("deploy-unset");
    const run = runBuild(articles, out, "deploy");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `wrangler deploy: the site's public address is not set, so its links would point nowhere\nnothing was built or uploaded; ${HOW_TO_SET}\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("takes BASE_URL from the environment, as a git-connected build's variable sets it", () => {
    const { articles, out } = corpus("deploy-env");
    const run = runBuild(articles, out, "versions upload", { BASE_URL: "https://news.example.org" });
    expect(run.status, run.stderr).toBe(0);
    expect(readGeneratedModule(readFileSync(out, "utf8")).baseUrl).toBe("https://news.example.org");
  });
});
