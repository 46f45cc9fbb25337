import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVED_ALONE_MAX_FILES } from "../../scripts/file-budget.ts";
import { generatedIcons, readIcons } from "../../scripts/generated-icons.ts";
import { generatedModule } from "../../scripts/generated-module.ts";
import { LOCAL_BASE_URL } from "../../scripts/site-address.ts";
import { HEADERS_FILE } from "../../scripts/site-files.ts";
import { loadArticles } from "../../src/load/load-articles.ts";
import { SITE_DIR } from "../../src/model/paths.ts";
import { renderHeadersFile } from "../../src/publish/headers-file.ts";
import { publishSite } from "../../src/publish/publish-site.ts";
import { fileNameOf, idOf, numberedArticleText } from "../support/articles.ts";
import { fixedClockArgs } from "../support/build-fixtures.ts";
import { commitAll, commitFolder, git } from "../support/git-repo.ts";
import {
  childEnv,
  makeProjectCopy,
  makeTempDir,
  ROOT,
  removeTempDirs,
  writeGoodArticles,
} from "../support/project-copy.ts";
import { readSiteFiles } from "../support/site-output.ts";
import { TEST_SITE_CONFIG } from "../support/test-site.ts";

// The project's history: every instant a whole second, as git keeps them.
const T1 = "2025-01-01T00:00:00Z"; // everything, articles 0–2
const T2 = "2025-02-01T00:00:00Z"; // article 1 edited
const T3 = "2025-03-01T00:00:00Z"; // on a branch: article 2 edited
const T4 = "2025-04-01T00:00:00Z"; // a template edited
const T5 = "2025-05-01T00:00:00Z"; // the branch merged
const T6 = "2025-06-01T00:00:00Z"; // package-lock.json changed (a dependency upgrade)

const ms = (instant: string) => Date.parse(instant);

/** A build clock with a fraction of a second, which the dates it gives must drop. */
const CLOCK = Date.UTC(2031, 4, 6, 7, 8, 9, 500);
const CLOCK_SECOND = Date.UTC(2031, 4, 6, 7, 8, 9);
/** When uncommitted files were modified, before the clock: a whole second. */
const MODIFIED = Date.UTC(2030, 1, 2, 3, 4, 5);

/** Sets the modification time of a file, or of every file in a folder, to `at` ms. */
function setTime(path: string, at: number): void {
  const paths = statSync(path).isDirectory()
    ? readdirSync(path, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
    : [path];
  for (const file of paths) utimesSync(file, new Date(at), new Date(at));
}

let origin = "";

beforeAll(() => {
  origin = makeProjectCopy("git-origin", 3);
  writeFileSync(join(origin, "package-lock.json"), '{ "lockfileVersion": 3 }\n');
  commitFolder(origin, T1);
  writeFileSync(join(origin, "articles", fileNameOf(1)), numberedArticleText(1, " edited"));
  commitAll(origin, "edit article 1", T2);
  git(origin, ["switch", "-q", "-c", "side"]);
  writeFileSync(join(origin, "articles", fileNameOf(2)), numberedArticleText(2, " edited"));
  commitAll(origin, "edit article 2", T3);
  git(origin, ["switch", "-q", "main"]);
  appendFileSync(join(origin, "src/render/site-files/robots.ts"), "// A template change.\n");
  commitAll(origin, "edit a template", T4);
  git(origin, ["merge", "-q", "--no-ff", "-m", "merge side", "side"], T5);
  writeFileSync(join(origin, "package-lock.json"), '{ "lockfileVersion": 3, "upgraded": true }\n');
  commitAll(origin, "upgrade", T6);
});
afterAll(removeTempDirs);

/** A fresh clone of the project (`options`: e.g. --depth 1), ready to build. */
function cloneProject(prefix: string, ...options: string[]): string {
  const dir = join(makeTempDir(prefix), "clone");
  git(ROOT, ["clone", "-q", ...options, `file://${origin}`, dir]);
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

/** Runs the real build in `dir` with its clock at `clock`. */
function buildAt(dir: string, clock: number, env: NodeJS.ProcessEnv = childEnv()) {
  const run = spawnSync(process.execPath, [...fixedClockArgs(clock), "scripts/build-articles.ts"], {
    cwd: dir,
    encoding: "utf8",
    env,
  });
  expect(run.status, run.stderr).toBe(0);
  return { stderr: run.stderr, site: builtSite(dir) };
}

/** What a build wrote: the manifest module and every asset file, by path. */
function builtSite(dir: string) {
  return {
    module: readFileSync(join(dir, "src/generated/site-manifest.ts"), "utf8"),
    files: readSiteFiles(join(dir, SITE_DIR)),
  };
}

/**
 * The site a build of `dir` must write: its articles, each dated as given, and the templates,
 * published as of the newest of those dates.
 */
async function expectedSite(dir: string, revisedAt: number, articleRevisedAt: Record<number, number>) {
  const names = Object.keys(articleRevisedAt).map((n) => fileNameOf(Number(n)));
  const sources = names.map((name) => ({
    path: `articles/${name}`,
    bytes: readFileSync(join(dir, "articles", name)),
  }));
  const { articles } = loadArticles(sources, TEST_SITE_CONFIG.timeZone);
  const revisions = Object.fromEntries(Object.entries(articleRevisedAt).map(([n, at]) => [idOf(Number(n)), at]));
  const { manifest, files, servedAlone } = await publishSite({
    site: { ...TEST_SITE_CONFIG, baseUrl: LOCAL_BASE_URL },
    bundle: { articles, revisedAt, articleRevisedAt: revisions },
    icons: readIcons(),
    from: Math.max(revisedAt, ...Object.values(articleRevisedAt)),
    servedAlone: { maxFiles: SERVED_ALONE_MAX_FILES },
  });
  expect(generatedIcons()).toBe(readFileSync(join(dir, "src/generated/icons.ts"), "utf8"));
  const written = new Map([...files, [HEADERS_FILE, new TextEncoder().encode(renderHeadersFile(servedAlone))]]);
  return {
    module: generatedModule(manifest, "articles"),
    files: Object.fromEntries(
      [...written]
        .toSorted(([a], [b]) => (a < b ? -1 : 1))
        .map(([path, bytes]) => [path, Buffer.from(bytes).toString("base64")]),
    ),
  };
}

describe("revision times from git history", () => {
  it("make two fresh clones of one commit, built at times a year apart, byte-identical", () => {
    const first = buildAt(cloneProject("git-a"), CLOCK);
    const second = buildAt(cloneProject("git-b"), CLOCK + 365 * 86_400_000);
    expect(second.site).toEqual(first.site);
    expect(Object.keys(first.site.files).length).toBeGreaterThan(10);
    expect(first.stderr).toBe("");
    expect(second.stderr).toBe("");
  });

  it("date each article by its last commit (a branch's by its merge) and the templates by the lock file's", async () => {
    const dir = cloneProject("git-dates");
    expect(buildAt(dir, CLOCK).site).toEqual(await expectedSite(dir, ms(T6), { 0: ms(T1), 1: ms(T2), 2: ms(T5) }));
  });

  it("date the templates by the last commit that changed src/", async () => {
    const dir = cloneProject("git-templates");
    git(dir, ["switch", "-q", "--detach", "HEAD~1"]);
    expect(buildAt(dir, CLOCK).site).toEqual(await expectedSite(dir, ms(T4), { 0: ms(T1), 1: ms(T2), 2: ms(T5) }));
  });

  it("date uncommitted files by their modification time, in whole seconds, whatever the clock", async () => {
    const dir = cloneProject("git-dirty");
    writeFileSync(join(dir, "articles", fileNameOf(0)), numberedArticleText(0, " not yet committed"));
    writeGoodArticles(join(dir, "articles"), 1, 3);
    setTime(join(dir, "articles", fileNameOf(0)), MODIFIED + 700);
    setTime(join(dir, "articles", fileNameOf(3)), MODIFIED + 60_000);
    const dirty = { 0: MODIFIED, 1: ms(T2), 2: ms(T5), 3: MODIFIED + 60_000 };
    expect(buildAt(dir, CLOCK).site).toEqual(await expectedSite(dir, ms(T6), dirty));
    git(dir, ["add", join("articles", fileNameOf(3))]);
    expect(buildAt(dir, CLOCK + 86_400_000).site).toEqual(await expectedSite(dir, ms(T6), dirty));

    git(dir, ["reset", "-q", "--hard"]);
    for (const edit of ["src/render/feeds/rss.ts", "package-lock.json", "src/render/new-template.ts"]) {
      // The templates are dated by the newest of their files' times.
      for (const template of ["src", "package-lock.json"]) setTime(join(dir, template), MODIFIED);
      appendFileSync(join(dir, edit), "\n");
      setTime(join(dir, edit), MODIFIED + 120_000);
      expect(buildAt(dir, CLOCK).site, edit).toEqual(
        await expectedSite(dir, MODIFIED + 120_000, { 0: ms(T1), 1: ms(T2), 2: ms(T5) }),
      );
      git(dir, ["stash", "-q", "--include-untracked"]);
    }
  });

  it("date a file whose time is ahead of the build's clock by the clock", async () => {
    const dir = cloneProject("git-ahead");
    writeFileSync(join(dir, "articles", fileNameOf(0)), numberedArticleText(0, " from a machine ahead"));
    setTime(join(dir, "articles", fileNameOf(0)), CLOCK + 3_600_000);
    expect(buildAt(dir, CLOCK).site).toEqual(
      await expectedSite(dir, ms(T6), { 0: CLOCK_SECOND, 1: ms(T2), 2: ms(T5) }),
    );
  });

  it("in a shallow clone, date what is older than its history by its oldest commit, and say so", async () => {
    const dir = cloneProject("git-shallow", "--depth", "1");
    const { site, stderr } = buildAt(dir, CLOCK);
    expect(site).toEqual(await expectedSite(dir, ms(T6), { 0: ms(T6), 1: ms(T6), 2: ms(T6) }));
    expect(stderr).toBe(
      `${realpathSync(dir)}: shallow git clone, so whatever last changed before its oldest commit is dated by that commit; deploy from full history (git fetch --unshallow)\n`,
    );
  });

  it("outside a git work tree (a tarball), date everything by the build, and say so", async () => {
    const dir = makeProjectCopy("git-none", 3);
    const { site, stderr } = buildAt(dir, CLOCK);
    expect(site).toEqual(await expectedSite(dir, CLOCK_SECOND, { 0: CLOCK_SECOND, 1: CLOCK_SECOND, 2: CLOCK_SECOND }));
    expect(stderr).toBe(
      `${realpathSync(dir)}: not in a git work tree, so every page is dated by this build and again by the next one; build from a git clone for dates that follow the commits\n`,
    );
  });

  it("come from the same few git commands for 3 articles as for 40", () => {
    const dir = cloneProject("git-count");
    const bin = makeTempDir("git-shim");
    const log = join(bin, "calls.log");
    const realGit = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
    writeFileSync(join(bin, "git"), `#!/bin/sh\necho "$*" >> "${log}"\nexec "${realGit}" "$@"\n`);
    chmodSync(join(bin, "git"), 0o755);
    const env = childEnv({ PATH: `${bin}:${process.env.PATH}` });
    const calls = () => {
      writeFileSync(log, "");
      buildAt(dir, CLOCK, env);
      return readFileSync(log, "utf8");
    };
    const few = calls();
    writeGoodArticles(join(dir, "articles"), 37, 3);
    commitAll(dir, "37 more", T6);
    expect(calls()).toBe(few);
  });
});
