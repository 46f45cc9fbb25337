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
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ICON_FILES, ROBOTS_PATH } from "../src/model/paths.ts";
import { InFlightLimit } from "../src/publish/in-flight-limit.ts";
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

/** Writes in flight at once: enough to keep the file system busy beside the rendering. */
const MAX_IN_FLIGHT = 64;

/**
 * Writes files into the assets folder, each only when its bytes differ from what is there.
 * They go first into a staging folder beside it (same file system, not uploaded), and only
 * `commit` moves them in: shards are written as they are rendered, before the build has seen
 * every file it makes, and a file found too big then must leave the last build untouched.
 * A first build (an empty folder: a fresh clone, as every git-connected deploy is) has no last
 * build to keep, so it writes in place, sparing a folder, a rename and a removal per file; a
 * marker beside the folder says it is unfinished until `commit`, and the next build starts
 * from an empty folder if one was left. Writes run on libuv's threads while the build renders
 * on its own (a few dozen at a time, so memory stays bounded).
 */
export class SiteWriter {
  readonly #siteDir: string;
  readonly #staging: string;
  readonly #unfinished: string;
  readonly #existing: ReadonlySet<string>;
  /** Whether files go straight into the folder (a first build). */
  readonly #inPlace: boolean;
  readonly #staged: string[] = [];
  readonly #writes = new InFlightLimit(MAX_IN_FLIGHT);
  readonly #folders = new Set<string>();
  /** How many files were written. */
  changed = 0;

  constructor(siteDir: string) {
    this.#siteDir = siteDir;
    this.#staging = `${siteDir}.staging`;
    this.#unfinished = `${siteDir}.unfinished`;
    // A first build that was stopped: what it wrote may be half a file.
    if (existsSync(this.#unfinished)) rmSync(siteDir, { recursive: true, force: true });
    this.#existing = existingFiles(siteDir);
    this.#inPlace = this.#existing.size === 0;
    if (this.#inPlace) {
      mkdirSync(dirname(this.#unfinished), { recursive: true });
      writeFileSync(this.#unfinished, "");
    }
    // What a killed build left: it was never moved in, so it is stale.
    this.discard();
  }

  /** Stages `bytes` for `path` unless they are there already; resolves once another write may start. */
  write(path: string, bytes: Uint8Array): Promise<void> {
    return this.#writes.start(() => this.#stage(path, bytes));
  }

  /** Waits for every write, and fails if one failed. */
  flush(): Promise<void> {
    return this.#writes.settle();
  }

  /** Moves every staged file into place, each by one rename, so a file is always old or new. */
  async commit(): Promise<void> {
    await this.flush();
    for (const path of this.#staged) {
      await this.#ensureFolder(join(this.#siteDir, path));
      renameSync(join(this.#staging, path), join(this.#siteDir, path));
    }
    this.discard();
    rmSync(this.#unfinished, { force: true });
  }

  /** Forgets every file written, once no write is left running: the folder is as it was. */
  async abandon(): Promise<void> {
    await this.#writes.settle().catch(() => undefined);
    if (this.#inPlace) {
      rmSync(this.#siteDir, { recursive: true, force: true });
      rmSync(this.#unfinished, { force: true });
    }
    this.discard();
  }

  /** Forgets every staged file. */
  discard(): void {
    rmSync(this.#staging, { recursive: true, force: true });
  }

  async #stage(path: string, bytes: Uint8Array): Promise<void> {
    // A content-named file (/s/) never changes under its name: existing is enough.
    if (this.#existing.has(path) && (path.startsWith("/s/") || (await sameBytes(join(this.#siteDir, path), bytes)))) {
      return;
    }
    const target = join(this.#inPlace ? this.#siteDir : this.#staging, path);
    await this.#ensureFolder(target);
    await writeFile(target, bytes);
    if (!this.#inPlace) this.#staged.push(path);
    this.changed++;
  }

  /** Creates the folder of `file` once per build (an article page has a folder of its own). */
  async #ensureFolder(file: string): Promise<void> {
    const folder = dirname(file);
    if (this.#folders.has(folder)) return;
    await mkdir(folder, { recursive: true });
    this.#folders.add(folder);
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

async function sameBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  const existing = await readFile(path);
  return existing.length === bytes.length && existing.equals(bytes);
}
