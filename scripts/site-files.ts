// Writing the published files into the assets folder: only what changed, never half a file.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { ICON_FILES } from "../src/render/icons.ts";
import { ROBOTS_PATH } from "../src/render/robots.ts";
import { readText, writeAtomically } from "./build-files.ts";

/** The asset server's headers file (scripts/headers-file.ts): configuration, never served. */
export const HEADERS_FILE = "/_headers";
/**
 * The folders the build writes in the assets folder, and its files at the top: the shards and
 * content-named files, and what the asset server answers alone at its own address (article
 * pages, images, robots.txt, icons). Nothing else there is touched.
 */
const OWN_FOLDERS = ["a", "articles", "f", "l", "media", "p", "s", "t"];
const OWN_TOP_FILES = [ROBOTS_PATH, ...ICON_FILES.map((icon) => icon.path), HEADERS_FILE];

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

/** Removes the files of earlier builds that this one no longer publishes, and folders left empty. */
export function removeStaleFiles(siteDir: string, kept: ReadonlySet<string>): void {
  for (const path of existingFiles(siteDir)) {
    if (kept.has(path)) continue;
    rmSync(join(siteDir, path), { force: true });
    // An article page or image has a folder of its own (/articles/<id>/<slug>): not left behind.
    for (let folder = dirname(path); folder.split("/").length > 2; folder = dirname(folder)) {
      if (readdirSync(join(siteDir, folder)).length > 0) break;
      rmdirSync(join(siteDir, folder));
    }
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

/** The files the build owns in the assets folder, as asset paths ("/a/123"), sorted. */
export function existingFiles(siteDir: string): Set<string> {
  const paths: string[] = [];
  for (const folder of OWN_FOLDERS) {
    const dir = join(siteDir, folder);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile())
        paths.push(`/${folder}${entry.parentPath.slice(dir.length).replaceAll("\\", "/")}/${entry.name}`);
    }
  }
  for (const path of OWN_TOP_FILES) if (existsSync(join(siteDir, path))) paths.push(path);
  return new Set(paths.sort());
}

function sameBytes(path: string, bytes: Uint8Array): boolean {
  const existing = readFileSync(path);
  return existing.length === bytes.length && existing.equals(bytes);
}
