// What a writer waits for after saving one article: the build `wrangler dev` runs on every
// change ([build] in wrangler.toml), over a built tree whose assets are all in place. The
// edit is left uncommitted, as while writing, so only that article takes the clock's date.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { publishCommand } from "./build-worker.ts";
import type { BuiltTree } from "./measure-delta.ts";
import { runCommand } from "./run-command.ts";

export interface RebuildResult {
  readonly ms: number;
  /** Asset files the rebuild wrote, and all it published (from the build's summary line). */
  readonly writtenFiles: number;
  readonly publishedFiles: number;
}

export async function measureRebuild({ corpusDir, workerDir }: BuiltTree): Promise<RebuildResult> {
  const names = readdirSync(corpusDir).sort();
  const name = names[Math.floor(names.length / 2)];
  if (!name) throw new Error(`${corpusDir}: no article to edit`);
  const path = join(corpusDir, name);
  writeFileSync(path, `${readFileSync(path, "utf8").trimEnd()} One more sentence, edited.\n`);
  const [command, args] = publishCommand(corpusDir);
  const { ms, stdout } = await runCommand(command, args, { cwd: workerDir });
  const summary = /: (\d+) files, (\d+) changed/.exec(stdout);
  if (!summary) throw new Error(`scripts/build-articles.ts printed no "N files, M changed" summary:\n${stdout}`);
  return { ms, publishedFiles: Number(summary[1]), writtenFiles: Number(summary[2]) };
}
