// Writing the published files into the assets folder: only what changed, never half a file.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { readText, writeAtomically } from "./build-files.ts";

/** The folders the build writes in the assets folder; nothing else there is touched. */
export const OWN_FOLDERS = ["a", "f", "l", "p", "s", "t"];

/**
 * Writes files into the assets folder, each only when its bytes differ from what is there.
 * They go first into a staging folder beside it (same file system, not uploaded), and only
 * `commit` moves them in: shards are written as they are rendered, before the build has seen
 * every file it makes, and a file found too big then must leave the last build untouched.
 */
export class SiteWriter {
  readonly #siteDir: string;
  readonly #staging: string;
  readonly #existing: ReadonlySet<string>;
  readonly #staged: string[] = [];
  /** How many files were written. */
  changed = 0;

  constructor(siteDir: string) {
    this.#siteDir = siteDir;
    this.#staging = `${siteDir}.staging`;
    this.#existing = existingFiles(siteDir);
    // What a killed build left: it was never moved in, so it is stale.
    this.discard();
  }

  write(path: string, bytes: Uint8Array): void {
    const target = join(this.#siteDir, path);
    // A content-named file (/s/) never changes under its name: existing is enough.
    if (this.#existing.has(path) && (path.startsWith("/s/") || sameBytes(target, bytes))) return;
    const staged = join(this.#staging, path);
    mkdirSync(dirname(staged), { recursive: true });
    writeFileSync(staged, bytes);
    this.#staged.push(path);
    this.changed++;
  }

  /** Moves every staged file into place, each by one rename, so a file is always old or new. */
  commit(): void {
    for (const path of this.#staged) {
      const target = join(this.#siteDir, path);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(this.#staging, path), target);
    }
    this.discard();
  }

  /** Forgets every staged file. */
  discard(): void {
    rmSync(this.#staging, { recursive: true, force: true });
  }
}

/** Removes the files of earlier builds that this one no longer publishes. */
export function removeStaleFiles(siteDir: string, kept: ReadonlySet<string>): void {
  for (const path of existingFiles(siteDir)) {
    if (!kept.has(path)) rmSync(join(siteDir, path), { force: true });
  }
}

/**
 * The article shards the last build wrote, by the hash of their sources, kept beside the
 * assets folder (not in it: it is not uploaded). Saved after the files and the manifest, so a
 * killed build can leave it older than the shards (they are rendered again), never newer.
 */
export function readWrittenShards(siteDir: string) {
  const file = `${siteDir}.shards.json`;
  let keys = new Map<string, string>();
  try {
    keys = new Map(Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>));
  } catch {
    // No earlier build, or one from before this file: render everything.
  }
  const existing = existingFiles(siteDir);
  return {
    has: (path: string, sourceKey: string) => keys.get(path) === sourceKey && existing.has(path),
    // Rewritten only when it differs, so a build that changes nothing writes nothing.
    save: (current: ReadonlyMap<string, string>) => {
      const text = `${JSON.stringify(Object.fromEntries(current))}\n`;
      if (text !== readText(file)) writeAtomically(file, text);
    },
  };
}

/** The files in the build's folders, as asset paths ("/a/123"). */
function existingFiles(siteDir: string): Set<string> {
  const paths = new Set<string>();
  for (const folder of OWN_FOLDERS) {
    const dir = join(siteDir, folder);
    if (existsSync(dir)) for (const name of readdirSync(dir)) paths.add(`/${folder}/${name}`);
  }
  return paths;
}

function sameBytes(path: string, bytes: Uint8Array): boolean {
  const existing = readFileSync(path);
  return existing.length === bytes.length && existing.equals(bytes);
}
