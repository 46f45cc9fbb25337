// A fingerprint of everything that shapes the build's output, read without opening a single
// article, so a build whose inputs match the last successful one can stop at once
// (scripts/last-build.ts). It must change whenever the output could: what each article and
// image file is (name, size, times), what git says about them and about the templates (the
// commit, its shallow boundary, the uncommitted paths), the code that renders (src/ but
// src/generated/, scripts/, the lock file), the Node that runs it, and where the build reads,
// writes and links to. It may change when the output does not: that only costs a full build.
import { createHash, type Hash } from "node:crypto";
import { readdirSync, readFileSync, type Stats, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { GitState, WorkTreeState } from "./git-revisions.ts";

/** The project this script belongs to: the code that is running. */
const CODE_ROOT = resolve(import.meta.dirname, "..");

/**
 * A file changed this close to when it was looked at may change again within the same
 * timestamp tick (a second or two on some file systems), unseen: such a build is not reused.
 */
const SETTLE_MS = 2_000;

export interface InputFingerprint {
  /** The SHA-256 of every input, hex. */
  readonly key: string;
  /**
   * False when an input changed too recently to trust its times, or a code file changed after
   * this build had loaded it: then the output may not match the key, and it is not reused.
   */
  readonly settled: boolean;
}

export interface BuildInputs {
  readonly articlesDir: string;
  readonly outFile: string;
  readonly siteDir: string;
  /** The origin every link starts with. */
  readonly baseUrl: string;
  /** Whether the build is for `wrangler dev`, whose Worker answers everything (no files served alone). */
  readonly forWranglerDev: boolean;
  readonly git: GitState;
}

/**
 * Fingerprints the build's inputs; reads file names, sizes and times, and the code's bytes.
 * `now` is the machine's real time, which file times are set from (never a test's fixed clock).
 */
export function fingerprintInputs(
  inputs: BuildInputs,
  now = performance.timeOrigin + performance.now(),
): InputFingerprint {
  const hash = createHash("sha256");
  let settled = true;
  const add = (...parts: readonly (string | number | bigint)[]) => hash.update(`${parts.join("\t")}\n`);
  /**
   * Adds a file's identity and times (the change time too: it moves even when a copy keeps the
   * old modification time); a file modified at or after `since` leaves the build unsettled.
   */
  const addStats = (name: string, stats: Stats, since: number) => {
    add(name, stats.isDirectory() ? "d" : "f", stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino);
    if (stats.mtimeMs >= since) settled = false;
  };

  add("format", 1);
  add("node", process.version, process.versions.icu ?? "", process.versions.tz ?? "", process.versions.unicode ?? "");
  add("paths", process.cwd(), resolve(inputs.articlesDir), resolve(inputs.outFile), resolve(inputs.siteDir));
  add("base URL", inputs.baseUrl);
  add("for wrangler dev", String(inputs.forWranglerDev));
  addGitState(add, "articles", inputs.git.articles, false);
  addGitState(add, "templates", inputs.git.templates, true);

  // The code is hashed by its bytes; it was loaded when the process started, before this.
  const loadedAt = performance.timeOrigin;
  for (const root of new Set([CODE_ROOT, resolve(".")])) {
    for (const path of codeFiles(root)) {
      const stats = statSync(path);
      if (stats.mtimeMs >= loadedAt - SETTLE_MS) settled = false;
      // Times too: while src/ has uncommitted changes, the newest of them dates the templates.
      add("code", path, stats.size, stats.mtimeMs, createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  }

  // The articles folder's entries and every file of its media folder, as the build reads them.
  const dir = resolve(inputs.articlesDir);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return { key: "", settled: false }; // The build says why it cannot read the folder.
  }
  for (const name of names) {
    const stats = statSync(join(dir, name), { throwIfNoEntry: false });
    if (stats === undefined) add("dangling", name);
    else addStats(name, stats, now - SETTLE_MS);
  }
  for (const path of mediaFiles(join(dir, "media"))) addStats(relative(dir, path), statSync(path), now - SETTLE_MS);

  return { key: hash.digest("hex"), settled };
}

function addGitState(
  add: (...parts: readonly (string | number)[]) => Hash,
  label: string,
  state: WorkTreeState,
  withTimes: boolean,
): void {
  if (!state.tree.ok) {
    add(label, "no work tree", state.tree.why);
    return;
  }
  add(label, state.tree.top, state.tree.prefix, state.head, state.shallow);
  // undefined (git failed) dates everything by the clock, and such a build is never reused.
  for (const path of [...(state.changed ?? ["(git status failed)"])].sort()) {
    // A deleted template is dated by its folder's time (scripts/git-revisions.ts); the articles'
    // times are added with their listing.
    add(label, "changed", path, withTimes ? statSync(nearestExisting(join(state.tree.top, path))).mtimeMs : "");
  }
}

/** The path itself, or its closest folder that exists. */
function nearestExisting(path: string): string {
  let existing = path;
  while (statSync(existing, { throwIfNoEntry: false }) === undefined) existing = dirname(existing);
  return existing;
}

/** What renders: src/ but the build's own output, scripts/, and the lock file and manifest. */
function codeFiles(root: string): string[] {
  const generated = join(root, "src", "generated");
  const files = ["src", "scripts"].flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !`${entry.parentPath}/`.startsWith(`${generated}/`))
      .map((entry) => join(entry.parentPath, entry.name)),
  );
  const project = ["package.json", "package-lock.json"].map((name) => join(root, name));
  return [...files.sort(), ...project.filter((path) => statSync(path, { throwIfNoEntry: false }) !== undefined)];
}

/** Every file under the media folder (none when there is no folder), sorted. */
function mediaFiles(mediaDir: string): string[] {
  try {
    return readdirSync(mediaDir, { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}
