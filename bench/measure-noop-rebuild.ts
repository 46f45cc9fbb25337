// What a rebuild with nothing changed costs: the build `wrangler dev` runs at every start and
// on every watched change, over a tree whose last build is in place. Measured twice on one
// corpus: committed, and with every article untracked (dated by its modification time, as
// while writing). It must stop before reading an article and write no file.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { publishCommand } from "./build-worker.ts";
import { type BuiltTree, commit } from "./measure-delta.ts";
import { runCommand } from "./run-command.ts";

export interface NoopRebuild {
  readonly ms: number;
  /** Files under the build's outputs (dist/, src/generated/) whose time or size moved. */
  readonly writtenFiles: number;
}

export interface NoopRebuildResult {
  readonly committed: NoopRebuild;
  readonly uncommitted: NoopRebuild;
}

/**
 * A build is only recorded for reuse once its inputs have been still for two seconds
 * (scripts/input-fingerprint.ts); a writer's previous build is older than that.
 */
export const SETTLE_MS = 2_500;

/** Every file under `dirs` with its size and modification time: what a build that writes nothing leaves alone. */
export function snapshotFiles(dirs: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      const stats = statSync(path);
      files.set(path, `${stats.size} ${stats.mtimeMs}`);
    }
  }
  return files;
}

/** How many files were added, removed or changed between two snapshots. */
export function countChanged(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): number {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).length;
}

/** The previous build (whatever it has to do), then the measured one, which must find nothing to do. */
async function measureOne(corpusDir: string, workerDir: string): Promise<NoopRebuild> {
  const [command, args] = publishCommand(corpusDir);
  await sleep(SETTLE_MS);
  await runCommand(command, args, { cwd: workerDir });
  const outputs = [join(workerDir, "dist"), join(workerDir, "src/generated")];
  const before = snapshotFiles(outputs);
  const { ms, stdout } = await runCommand(command, args, { cwd: workerDir });
  if (!stdout.startsWith("nothing changed")) {
    throw new Error(`the second of two builds with nothing changed between them built again:\n${stdout}`);
  }
  return { ms, writtenFiles: countChanged(before, snapshotFiles(outputs)) };
}

/** On the committed tree of bench/measure-delta.ts: the no-op rebuild committed, then untracked. */
export async function measureNoopRebuild({ corpusDir, workerDir }: BuiltTree): Promise<NoopRebuildResult> {
  const root = dirname(corpusDir);
  commit(root, "2026-01-03T00:00:00Z", "everything, the edit of the rebuild included");
  const committed = await measureOne(corpusDir, workerDir);
  untrackArticles(root, corpusDir);
  const uncommitted = await measureOne(corpusDir, workerDir);
  return { committed, uncommitted };
}

/**
 * Removes the articles from git but not from the disk: every one of them is then uncommitted.
 * The index is emptied and filled again without them: `git rm --cached` looks each path up in
 * the commit's tree, one by one, far too slow for 100,000 files in one folder.
 */
export function untrackArticles(root: string, corpusDir: string): void {
  execFileSync("git", ["read-tree", "--empty"], { cwd: root, stdio: "ignore" });
  const articles = `:(exclude)${relative(root, corpusDir)}`;
  execFileSync("git", ["add", "-A", "--", ".", articles], { cwd: root, stdio: "ignore" });
  commit(root, "2026-01-04T00:00:00Z", "the articles untracked", false);
}
