import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SITE_DIR } from "../../../src/model/paths.ts";
import { articleShardPath, readShardIndex } from "../../../src/model/shard-file.ts";
import { fileNameOf, idOf, numberedArticleText } from "../../support/articles.ts";
import { fixedClockArgs } from "../../support/build-fixtures.ts";
import { commitAll, commitFolder } from "../../support/git-repo.ts";
import { childEnv, makeProjectCopy, makeTempDir, removeTempDirs } from "../../support/project-copy.ts";
import { readSiteFiles } from "../../support/site-output.ts";

afterAll(removeTempDirs);

/** Later than any file's time, so no date is the clock's (a file from the future would be). */
const CLOCK = Date.UTC(2099, 0, 1);
/** Times set on files, well in the past: a build only reuses inputs that have been still a while. */
const OLD = Date.UTC(2025, 0, 1);
const at = (iso: string) => new Date(iso);

/** A committed project copy with `count` articles, every file's time set in the past. */
function committedProject(prefix: string, count: number): string {
  const dir = makeProjectCopy(prefix, count);
  commitFolder(dir, "2025-01-01T00:00:00Z");
  appendFileSync(join(dir, ".gitignore"), "dist/\n");
  commitAll(dir, "ignore the build", "2025-01-01T00:00:00Z");
  ageFiles(dir);
  return dir;
}

/** Sets every file's modification time (but under node_modules and .git) to OLD. */
function ageFiles(dir: string): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !/\/(node_modules|\.git)\//.test(`${path}/`)) utimesSync(path, new Date(OLD), new Date(OLD));
  }
}

/** Runs the real build in the project copy, at CLOCK (or `clock`), as `npm run build` does. */
function build(dir: string, { env = {}, args = [] as string[], clock = CLOCK } = {}) {
  const run = spawnSync(process.execPath, [...fixedClockArgs(clock), "scripts/build-articles.ts", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: childEnv(env),
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** Every file the build writes or keeps (assets, manifest, its state) with its size and time. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of ["dist", "src/generated"]) {
    for (const entry of readdirSync(join(dir, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      const stats = statSync(path);
      files.set(path, `${stats.size} ${stats.mtimeMs}`);
    }
  }
  return files;
}

/** The Last-Modified of article `n`'s page, from its shard's index. */
function lastModifiedOf(dir: string, n: number): number | undefined {
  const shard = readFileSync(join(dir, SITE_DIR, articleShardPath(idOf(n))));
  return readShardIndex(new Uint8Array(shard)).entries.get(idOf(n))?.lastModifiedMs;
}

/** Writes article `n` into the copy, uncommitted, modified at `modified`. */
function writeArticle(dir: string, n: number, modified: Date, suffix = ""): void {
  const path = join(dir, "articles", fileNameOf(n));
  writeFileSync(path, numberedArticleText(n, suffix));
  utimesSync(path, modified, modified);
}

/** What a build of the copy's inputs into an empty folder writes: what any rebuild must equal. */
function buildFromScratch(dir: string, env: Record<string, string> = {}) {
  const out = makeTempDir("scratch");
  build(dir, { env, args: ["--out", join(out, "site-manifest.ts"), "--site", join(out, "site")] });
  return { module: readFileSync(join(out, "site-manifest.ts"), "utf8"), files: readSiteFiles(join(out, "site")) };
}

function built(dir: string) {
  return {
    module: readFileSync(join(dir, "src/generated/site-manifest.ts"), "utf8"),
    files: readSiteFiles(join(dir, SITE_DIR)),
  };
}

const NOTHING_CHANGED = /^nothing changed since the last build of articles into dist\/site; nothing written\n$/;

describe("a rebuild with nothing changed", () => {
  it("stops at once and writes no file, with the articles committed and with some uncommitted", () => {
    const dir = committedProject("noop", 5);
    expect(build(dir)).toMatch(/^built 5 article/);
    const first = snapshot(dir);
    expect(build(dir)).toMatch(NOTHING_CHANGED);
    expect(snapshot(dir)).toEqual(first);

    writeArticle(dir, 5, at("2025-03-01T00:00:00Z"));
    writeArticle(dir, 6, at("2025-03-02T00:00:00Z"));
    expect(build(dir)).toMatch(/^built 7 article/);
    const second = snapshot(dir);
    expect(build(dir, { clock: CLOCK + 86_400_000 })).toMatch(NOTHING_CHANGED);
    expect(snapshot(dir)).toEqual(second);

    // Without the record of the last build it reads everything again, and still writes nothing:
    // no date comes from the clock.
    unlinkSync(join(dir, "dist/site.last-build.json"));
    expect(build(dir, { clock: CLOCK + 2 * 86_400_000 })).toMatch(/, 0 changed, 0 of \d+ article shards rendered/);
    const { "dist/site.last-build.json": _, ...withoutRecord } = Object.fromEntries(
      [...snapshot(dir)].map(([path, value]) => [path.slice(dir.length + 1), value]),
    );
    const { "dist/site.last-build.json": __, ...before } = Object.fromEntries(
      [...second].map(([path, value]) => [path.slice(dir.length + 1), value]),
    );
    expect(withoutRecord).toEqual(before);
  });

  it("builds again when an output was removed", () => {
    const dir = committedProject("noop-outputs", 3);
    build(dir);
    const shard = join(dir, SITE_DIR, articleShardPath(idOf(1)));
    rmSync(shard);
    expect(build(dir)).toMatch(/^built 3 article/);
    expect(statSync(shard).isFile()).toBe(true);
    expect(build(dir)).toMatch(NOTHING_CHANGED);
  });
});

describe("an uncommitted article's Last-Modified", () => {
  it("is its file's modification time in whole seconds: the same at every build until the file changes", () => {
    const dir = committedProject("noop-dates", 3);
    writeArticle(dir, 3, at("2025-06-01T10:00:00.700Z"));
    build(dir);
    expect(lastModifiedOf(dir, 3)).toBe(Date.parse("2025-06-01T10:00:00Z"));
    // A full build a year later by the clock dates it alike.
    unlinkSync(join(dir, "dist/site.last-build.json"));
    build(dir, { clock: CLOCK + 365 * 86_400_000 });
    expect(lastModifiedOf(dir, 3)).toBe(Date.parse("2025-06-01T10:00:00Z"));

    writeArticle(dir, 3, at("2025-06-02T08:00:00Z"), " edited");
    build(dir);
    expect(lastModifiedOf(dir, 3)).toBe(Date.parse("2025-06-02T08:00:00Z"));
    // Committed, it takes its commit's date.
    commitAll(dir, "article 3", "2025-06-03T00:00:00Z");
    build(dir);
    expect(lastModifiedOf(dir, 3)).toBe(Date.parse("2025-06-03T00:00:00Z"));
  });
});

describe("a rebuild after any input changed", () => {
  // Some thirty real builds, one after another: more than the default minute on a busy machine.
  it("builds again, writing what a build from scratch writes, and the next rebuild does nothing", {
    timeout: 180_000,
  }, () => {
    const dir = committedProject("noop-changes", 4);
    build(dir);
    const changes: [string, () => void, Record<string, string>?][] = [
      ["an edited article", () => writeArticle(dir, 1, at("2025-02-01T00:00:00Z"), " edited")],
      ["a new article", () => writeArticle(dir, 4, at("2025-02-02T00:00:00Z"))],
      ["an article deleted", () => rmSync(join(dir, "articles", fileNameOf(0)))],
      [
        "an uncommitted article saved again unchanged",
        () => utimesSync(join(dir, "articles", fileNameOf(4)), at("2025-02-03T00:00:00Z"), at("2025-02-03T00:00:00Z")),
      ],
      [
        "a committed article saved again unchanged",
        () => utimesSync(join(dir, "articles", fileNameOf(2)), at("2025-02-04T00:00:00Z"), at("2025-02-04T00:00:00Z")),
      ],
      [
        "the site configuration",
        () => {
          const config = join(dir, "src/site-config.ts");
          writeFileSync(config, readFileSync(config, "utf8").replace(/"title": "[^"]*"/, '"title": "Another title"'));
          utimesSync(config, at("2025-02-05T00:00:00Z"), at("2025-02-05T00:00:00Z"));
        },
      ],
      [
        "a template",
        () => {
          const template = join(dir, "src/render/site-files/robots.ts");
          appendFileSync(template, "// A template change.\n");
          utimesSync(template, at("2025-02-06T00:00:00Z"), at("2025-02-06T00:00:00Z"));
        },
      ],
      [
        "another template saved again unchanged while one is uncommitted",
        () => utimesSync(join(dir, "src/render/feeds/rss.ts"), at("2025-02-07T00:00:00Z"), at("2025-02-07T00:00:00Z")),
      ],
      ["BASE_URL", () => {}, { BASE_URL: "http://127.0.0.1:9000" }],
      ["BASE_URL back", () => {}],
      ["a commit", () => commitAll(dir, "everything", "2025-03-01T00:00:00Z")],
    ];
    for (const [change, make, env = {}] of changes) {
      make();
      expect(build(dir, { env }), change).toMatch(/^built /);
      expect(built(dir), change).toEqual(buildFromScratch(dir, env));
      expect(build(dir, { env }), change).toMatch(NOTHING_CHANGED);
    }
  });
});
