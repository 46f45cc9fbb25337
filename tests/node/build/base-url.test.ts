import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readGeneratedModule } from "../../../scripts/generated-module.ts";
import { runBuild } from "../../support/build-fixtures.ts";
import { makeTempDir, removeTempDirs, writeGoodArticles } from "../../support/project-copy.ts";

afterAll(removeTempDirs);

/** A folder of good articles and where its build goes. */
function corpus(prefix: string) {
  const dir = makeTempDir(prefix);
  writeGoodArticles(join(dir, "articles"), 2);
  return { articles: join(dir, "articles"), out: join(dir, "generated", "articles.ts") };
}

describe("the base URL, fixed at build", () => {
  it("is where npm start serves when BASE_URL is not set", () => {
    const { articles, out } = corpus("base-default");
    expect(runBuild(articles, out).status).toBe(0);
    expect(readGeneratedModule(readFileSync(out, "utf8")).baseUrl).toBe("http://127.0.0.1:8787");
  });

  it("is BASE_URL's origin when it is set", () => {
    const { articles, out } = corpus("base-set");
    expect(runBuild(articles, out, undefined, { BASE_URL: "https://news.example.org/" }).status).toBe(0);
    expect(readGeneratedModule(readFileSync(out, "utf8")).baseUrl).toBe("https://news.example.org");
  });

  it.each([
    ["news.example.org", "does not start with https:// or http://; expected e.g. https://news.example.org"],
    ["https://news.example.org/news", "served at the root of its own host; expected https://news.example.org"],
  ])("refuses BASE_URL=%s before writing anything, saying what to write", (value, says) => {
    const { articles, out } = corpus("base-bad");
    const run = runBuild(articles, out, undefined, { BASE_URL: value });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(says);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});
