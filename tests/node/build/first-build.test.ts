import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileNameOf, IMPOSSIBLE_DATE_ARTICLE } from "../../support/articles.ts";
import { childEnv, makeProjectCopy, removeTempDirs } from "../../support/project-copy.ts";
import { TEST_SITE_CONFIG, testSiteConfigModule } from "../../support/test-site.ts";

function build(dir: string, wranglerCommand?: string) {
  const env = childEnv(wranglerCommand ? { WRANGLER_COMMAND: wranglerCommand } : {});
  return spawnSync(process.execPath, ["scripts/build-articles.ts"], { cwd: dir, encoding: "utf8", env });
}

afterAll(removeTempDirs);

describe("a first build", () => {
  it("with a bad article says there is no previous build, and what to do", () => {
    const dir = makeProjectCopy("first");
    writeFileSync(join(dir, "articles", fileNameOf(9)), IMPOSSIBLE_DATE_ARTICLE);
    for (const command of [undefined, "dev"]) {
      const run = build(dir, command);
      expect(run.status, String(command)).toBe(1);
      expect(run.stderr).toBe(
        `articles/${fileNameOf(9)}:3: date "2025-02-30 25:61:00" is not a real time; expected YYYY-MM-DD HH:MM:SS (24-hour clock)\n` +
          "build failed: 1 error(s) in 1 file(s); nothing was written, there is no previous build; fix the problems above and run the command again\n",
      );
    }
    expect(existsSync(join(dir, "src/generated/articles.ts"))).toBe(false);
  });
});

describe("the site configuration", () => {
  it("is checked at build, every problem named by file, line and field", () => {
    const dir = makeProjectCopy("config");
    const config = join(dir, "src/site-config.ts");
    const hub = "http://hub.example/publish?site=news";
    writeFileSync(
      config,
      testSiteConfigModule({ ...TEST_SITE_CONFIG, language: "english", itemsPerFeed: 0, websubHub: hub }),
    );
    const lines = readFileSync(config, "utf8").split("\n");
    const lineOf = (field: string) => lines.findIndex((line) => line.includes(`"${field}":`)) + 1;
    const run = build(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `src/site-config.ts:${lineOf("language")}: language "english" does not name a known language; expected a BCP 47 language tag such as "en", "uk" or "pt-BR"\n` +
        `src/site-config.ts:${lineOf("itemsPerFeed")}: itemsPerFeed 0 is not a positive whole number; expected e.g. 20\n` +
        `src/site-config.ts:${lineOf("websubHub")}: websubHub "${hub}" is plain http, so anyone on the way could drop or forge the notifications; expected the hub's absolute https URL with no query, e.g. "https://pubsubhubbub.appspot.com/", or no websubHub at all\n` +
        "build failed: 3 error(s) in src/site-config.ts; nothing was written, there is no previous build; fix the problems above and run the command again\n",
    );
  });
});
