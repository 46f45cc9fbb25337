// What one more article costs a deploy: two builds of a committed corpus, the second with one
// article added, and the bytes of the upload whose content changed. Both builds live in one git
// work tree with fixed commit times, so revision dates come from git (as in a real clone) and
// not from the clock, which would change every body between any two builds.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildWorker } from "./build-worker.ts";
import { generateCorpus } from "./generate-corpus.ts";
import { measureChangedBytes } from "./upload-files.ts";

export interface DeltaResult {
  readonly changedBytes: number;
  readonly totalBytes: number;
  readonly changedFiles: number;
}

/** The committed work tree the two builds leave behind, built with every article. */
export interface BuiltTree {
  readonly corpusDir: string;
  readonly workerDir: string;
}

const IGNORED = ["node_modules", "dist", "src/generated", "*.log"];

/** Makes `dir` a git repository that keeps none of the build's output or logs. */
export function initRepository(dir: string): void {
  execFileSync("git", ["init", "--quiet", "-b", "main", dir], { stdio: "ignore" });
  writeFileSync(join(dir, ".gitignore"), `${IGNORED.join("\n")}\n`);
}

/**
 * Commits at the fixed instant `at`, so dates never come from the clock: everything in `root`,
 * or only what is staged already.
 */
export function commit(root: string, at: string, message: string, stageAll = true): void {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "bench",
    GIT_AUTHOR_EMAIL: "bench@example.invalid",
    GIT_COMMITTER_NAME: "bench",
    GIT_COMMITTER_EMAIL: "bench@example.invalid",
    GIT_AUTHOR_DATE: at,
    GIT_COMMITTER_DATE: at,
  };
  if (stageAll) execFileSync("git", ["add", "-A"], { cwd: root, env, stdio: "ignore" });
  execFileSync("git", ["commit", "--quiet", "--allow-empty", "-m", message], { cwd: root, env, stdio: "ignore" });
}

/** Builds `articles` then `articles + 1` in `dir` (replaced) and compares what each would upload. */
export async function measureDelta(articles: number, dir: string): Promise<{ delta: DeltaResult; tree: BuiltTree }> {
  rmSync(dir, { recursive: true, force: true });
  const corpusDir = join(dir, "articles");
  const workerDir = join(dir, "worker");
  mkdirSync(corpusDir, { recursive: true });
  initRepository(dir);
  // One corpus of articles + 1, named as in the smaller one, so the first build holds exactly
  // all but the newest article.
  const files = generateCorpus(articles + 1, articles);
  const newest = files.pop();
  if (!newest) throw new Error(`bench/measure-delta.ts: no article generated for ${articles} + 1`);
  for (const file of files) writeFileSync(join(corpusDir, file.name), file.text);
  const before = await buildWorker(corpusDir, workerDir, {
    prepare: () => commit(dir, "2026-01-01T00:00:00Z", "corpus"),
  });
  writeFileSync(join(corpusDir, newest.name), newest.text);
  const after = await buildWorker(corpusDir, workerDir, {
    prepare: () => commit(dir, "2026-01-02T00:00:00Z", "one more"),
  });
  const { changed, total, files: changedFiles } = measureChangedBytes(before.upload, after.upload);
  return {
    delta: { changedBytes: changed, totalBytes: total, changedFiles },
    tree: { corpusDir, workerDir },
  };
}
