import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileNameOf, numberedArticleText } from "../../support/articles.ts";
import { readBuild, runBuild, withoutTemplatesAhead } from "../../support/build-fixtures.ts";
import { commitFolder } from "../../support/git-repo.ts";
import { makeTempDir, removeTempDirs, writeGoodArticles } from "../../support/project-copy.ts";

afterAll(removeTempDirs);

/** A committed folder of five good articles (000–004), so git dates them quietly, and where its build goes. */
function goodFolder(prefix: string): { articles: string; out: string } {
  const dir = makeTempDir(prefix);
  const articles = join(dir, "articles");
  writeGoodArticles(articles, 5);
  commitFolder(dir, "2025-01-01T00:00:00Z");
  return { articles, out: join(dir, "generated", "articles.ts") };
}

/** What a build wrote, less the module's first line, which names the folder it was built from. */
function builtFrom(out: string) {
  const { module, files } = readBuild(out);
  return { module: module.replace(/^\/\/.*\n/, ""), files };
}

describe("files in articles/ that are not articles", () => {
  it("are skipped with one line on stderr, and the build is the one without them", () => {
    const clean = goodFolder("clean");
    const cleanRun = runBuild(clean.articles, clean.out);
    expect(cleanRun.status, cleanRun.stderr).toBe(0);
    expect(withoutTemplatesAhead(cleanRun.stderr)).toBe("");

    const messy = goodFolder("strays");
    const article = fileNameOf(1);
    const strays = [`${article}~`, `#${article}#`, `${article}.orig`, "001_backup.bak", "README.md"];
    for (const name of strays) writeFileSync(join(messy.articles, name), "not an article\n");
    writeFileSync(join(messy.articles, `.${article}.swp`), "\u0000binary swap\n");
    mkdirSync(join(messy.articles, "media"));
    writeFileSync(join(messy.articles, "media", "photo.txt"), "not an article either\n");

    const run = runBuild(messy.articles, messy.out);
    expect(run.status, run.stderr).toBe(0);
    expect(withoutTemplatesAhead(run.stderr)).toBe(
      `${messy.articles}: skipped 5 files that are not articles (#${article}#, ${article}.orig, ${article}~, 001_backup.bak, README.md); only NNN_<16 hex>.txt files are read\n`,
    );
    expect(run.stdout).toMatch(/^built 5 article\(s\) from /);
    expect(builtFrom(messy.out)).toEqual(builtFrom(clean.out));
  });
});

describe("a .txt file whose name is not an article name", () => {
  it("fails the build with a fresh name to rename it to, which then builds", () => {
    const { articles, out } = goodFolder("misnamed");
    writeFileSync(join(articles, "my new article.txt"), numberedArticleText(5));
    const run = runBuild(articles, out);
    expect(run.status).toBe(1);
    const proposal =
      /my new article\.txt:1: file name "my new article\.txt" is not an article name; expected NNN_<16 lowercase hex digits>\.txt: rename it to (005_[0-9a-f]{16}\.txt)\n/.exec(
        run.stderr,
      )?.[1];
    expect(proposal, run.stderr).toBeDefined();

    renameSync(join(articles, "my new article.txt"), join(articles, proposal ?? ""));
    const fixed = runBuild(articles, out);
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/^built 6 article\(s\) from /);
  });
});
