// When each piece of built content last changed, read from git history, so that every build of
// one commit dates every page alike. Last-Modified must move when a body changes
// (RFC 9110 §8.8.2): an edited article's page, or every page after a template change, must not
// answer an older If-Modified-Since with 304. The number of git processes is fixed, whatever
// the number of articles: `git rev-parse` (twice), `git status` and `git log` for the articles
// folder, and the same for the templates. What git does not date yet (uncommitted files) is dated
// by its modification time, which stays put from build to build until the file changes.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { latestOf, wholeSeconds } from "../src/model/time.ts";
import { displayPath } from "./build-files.ts";

/** Everything that shapes every body, as git pathspecs relative to the project. */
export const TEMPLATE_PATHSPECS: readonly string[] = [
  "src",
  ":(exclude)src/generated", // the build's own output
  "package-lock.json", // a feed or hono upgrade can change the bytes
];

/** What git says about one folder's work tree before the build reads anything of it. */
export interface WorkTreeState {
  readonly tree: WorkTree;
  /** The commit checked out ("" when there is none yet). */
  readonly head: string;
  /** The shallow clone's boundary commits ("" for full history): deepening it moves dates. */
  readonly shallow: string;
  /** Paths from the top of the work tree with uncommitted changes; undefined when git failed. */
  readonly changed: ReadonlySet<string> | undefined;
}

/** The git state of the articles folder and of the templates, read once per build. */
export interface GitState {
  readonly articles: WorkTreeState;
  readonly templates: WorkTreeState;
}

/**
 * Reads the git state the dates depend on: the commit, the shallow boundary and the uncommitted
 * paths of the articles folder (ignored files too: an article once committed and since ignored is
 * not what git holds) and of the templates.
 */
export function readGitState(articlesDir: string, projectDir: string): GitState {
  const read = (dir: string, pathspecs: readonly string[], ignoredToo: boolean): WorkTreeState => {
    const tree = findWorkTree(dir);
    if (!tree.ok) return { tree, head: "", shallow: "", changed: undefined };
    const head = git(dir, ["rev-parse", "-q", "--verify", "HEAD"]);
    return {
      tree,
      head: head.ok ? head.out.trim() : "",
      shallow: tree.shallow ? (readText(tree.shallowFile) ?? "") : "",
      changed: changedPaths(dir, pathspecs, ignoredToo),
    };
  };
  return { articles: read(articlesDir, ["."], true), templates: read(projectDir, TEMPLATE_PATHSPECS, false) };
}

export interface Revisions {
  /** When the templates last changed, in ms since the epoch. */
  readonly templatesRevisedAt: number;
  /** Per file name in the articles folder, when that file last changed, in ms since the epoch. */
  readonly articlesRevisedAt: ReadonlyMap<string, number>;
  /** One line for each way the dates fall short of full git history; none when they do not. */
  readonly notices: readonly string[];
  /**
   * Whether some date is the build's clock (no git, git failed, a modification time in the
   * future): the next build may then date differently, so it must not be skipped.
   */
  readonly clockDated: boolean;
}

/**
 * Dates the articles (`names` in `articlesDir`) and the templates (`projectDir`), each by the
 * committer time of the last commit that changed it on the first-parent line, so a change
 * merged from a branch is dated by its merge. Whatever has uncommitted changes (modified,
 * added, untracked) is dated by its modification time in whole seconds, so it keeps its date
 * until it changes again; the templates then by the newest of their files'. Outside a git work
 * tree everything is dated by `now`, and so is a modification time later than `now`.
 */
export function readRevisions(
  state: GitState,
  articlesDir: string,
  names: readonly string[],
  projectDir: string,
  now: number,
): Revisions {
  let clockDated = false;
  const clock = () => {
    clockDated = true;
    return now;
  };
  /** Never later than the build: a date from the future would hold back every request's state. */
  const notAfterNow = (at: number) => (at <= now ? at : clock());

  const { tree: articlesTree, changed } = state.articles;
  const committed = articlesTree.ok && changed ? lastChanges(articlesDir, ["."]) : new Map<string, number>();
  const articlesRevisedAt = new Map<string, number>();
  for (const name of names) {
    const path = articlesTree.ok ? `${articlesTree.prefix}${name}` : "";
    const at = committed.get(path);
    if (!articlesTree.ok || !changed) articlesRevisedAt.set(name, clock());
    else if (changed.has(path)) articlesRevisedAt.set(name, notAfterNow(modifiedAt(join(articlesDir, name))));
    else articlesRevisedAt.set(name, at ?? clock());
  }

  const { tree: projectTree, changed: templatesChanged } = state.templates;
  let templatesRevisedAt: number;
  if (!projectTree.ok || !templatesChanged) {
    templatesRevisedAt = clock();
  } else if (templatesChanged.size === 0) {
    templatesRevisedAt = lastChange(projectDir, TEMPLATE_PATHSPECS) ?? clock();
  } else {
    // Any save, revert or new file sets some template file's time, and a deletion its folder's,
    // so the newest of them moves with every uncommitted change and stays put between them.
    const deleted = [...templatesChanged].filter(
      (path) => statSync(join(projectTree.top, path), { throwIfNoEntry: false }) === undefined,
    );
    const folders = deleted.map((path) => modifiedAt(nearestFolder(projectTree.top, path)));
    const committedAt = lastChange(projectDir, TEMPLATE_PATHSPECS) ?? 0;
    templatesRevisedAt = notAfterNow(latestOf(folders, Math.max(committedAt, newestModified(projectDir))));
  }

  return {
    templatesRevisedAt,
    articlesRevisedAt,
    notices: notices(articlesDir, articlesTree, projectDir, projectTree),
    clockDated,
  };
}

/** A file's modification time in whole seconds, as HTTP dates carry it. */
function modifiedAt(path: string): number {
  return wholeSeconds(statSync(path).mtimeMs);
}

/** The newest modification time of the template files (TEMPLATE_PATHSPECS) under `projectDir`. */
function newestModified(projectDir: string): number {
  const src = join(projectDir, "src");
  const generated = join(src, "generated");
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !`${entry.parentPath}/`.startsWith(`${generated}/`))
    .map((entry) => join(entry.parentPath, entry.name));
  const lock = join(projectDir, "package-lock.json");
  return latestOf(
    [...files, lock].map((path) => wholeSeconds(statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0)),
    0,
  );
}

/** The closest folder of a deleted path that still exists. */
function nearestFolder(top: string, path: string): string {
  let dir = dirname(join(top, path));
  while (!statSync(dir, { throwIfNoEntry: false })) dir = dirname(dir);
  return dir;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

type WorkTree =
  | {
      readonly ok: true;
      readonly top: string;
      /** The folder's path inside the work tree as git prints paths: "" or ending in "/". */
      readonly prefix: string;
      readonly shallow: boolean;
      /** Where git lists a shallow clone's boundary commits. */
      readonly shallowFile: string;
    }
  | { readonly ok: false; readonly why: string };

/** The git work tree holding `dir`, or why there is none. */
function findWorkTree(dir: string): WorkTree {
  const run = git(dir, [
    "rev-parse",
    "--show-toplevel",
    "--show-prefix",
    "--is-shallow-repository",
    "--git-path",
    "shallow",
  ]);
  if (!run.ok) return run;
  const [top = "", prefix = "", shallow, shallowFile = ""] = run.out.split("\n");
  return { ok: true, top, prefix, shallow: shallow === "true", shallowFile: resolve(dir, shallowFile) };
}

/**
 * The same history on every machine, whatever the user's configuration: first parents only,
 * a merge compared with its first parent, a rename as a deletion and an addition, the first
 * commit listing every file it adds, paths from the top of the work tree.
 */
const LOG = ["-c", "diff.relative=false", "log", "-m", "--first-parent", "--no-renames", "--root"];

/**
 * Per path (from the top of the work tree), the committer time of the newest commit that
 * changed it, in one pass over the history of `pathspecs`. Empty if git fails, which dates
 * everything by the build: never older than the truth.
 */
function lastChanges(dir: string, pathspecs: readonly string[]): Map<string, number> {
  const times = new Map<string, number>();
  // "\0<time>\0" heads each commit, newest first; then "\n" and its paths, each ending in "\0".
  const log = git(dir, [...LOG, "--name-only", "-z", "--format=%x00%ct", "--", ...pathspecs]);
  if (!log.ok) return times;
  const fields = log.out.split("\0");
  let at = 0;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] ?? "";
    if (field === "") {
      i++;
      at = Number(fields[i]) * 1000;
      const first = fields[i + 1];
      if (first?.startsWith("\n")) fields[i + 1] = first.slice(1);
    } else if (!times.has(field)) {
      times.set(field, at);
    }
  }
  return times;
}

/** The committer time of the newest commit that changed anything in `pathspecs`. */
function lastChange(dir: string, pathspecs: readonly string[]): number | undefined {
  const log = git(dir, [...LOG, "-1", "--format=%ct", "--", ...pathspecs]);
  const seconds = log.ok ? log.out.trim() : "";
  return seconds === "" ? undefined : Number(seconds) * 1000;
}

/**
 * Paths (from the top of the work tree) with uncommitted changes, untracked files included;
 * undefined if git fails, and then everything counts as changed.
 */
function changedPaths(dir: string, pathspecs: readonly string[], ignoredToo: boolean): Set<string> | undefined {
  const status = git(dir, [
    // A build only reads: it never rewrites the index, which a running git may hold.
    "--no-optional-locks",
    "status",
    "--porcelain",
    "-z",
    "--no-renames",
    "--untracked-files=all",
    ...(ignoredToo ? ["--ignored"] : []),
    "--",
    ...pathspecs,
  ]);
  if (!status.ok) return undefined;
  // Each entry is "XY <path>\0" (git-status(1), porcelain format version 1).
  const entries = status.out.split("\0").filter((entry) => entry !== "");
  return new Set(entries.map((entry) => entry.slice(3)));
}

/** The lines that say where dates do not follow full git history. */
function notices(articlesDir: string, articlesTree: WorkTree, projectDir: string, projectTree: WorkTree): string[] {
  const lines: string[] = [];
  if (!articlesTree.ok && !projectTree.ok) {
    lines.push(
      `${resolve(projectDir)}: ${projectTree.why}, so every page is dated by this build and again by the next one; build from a git clone for dates that follow the commits`,
    );
  } else if (!articlesTree.ok) {
    lines.push(`${displayPath(articlesDir)}: ${articlesTree.why}, so its articles are dated by this build`);
  } else if (!projectTree.ok) {
    lines.push(`${resolve(projectDir)}: ${projectTree.why}, so the templates are dated by this build`);
  }
  const shallow = new Set([articlesTree, projectTree].flatMap((tree) => (tree.ok && tree.shallow ? [tree.top] : [])));
  for (const top of shallow) {
    lines.push(
      `${top}: shallow git clone, so whatever last changed before its oldest commit is dated by that commit; deploy from full history (git fetch --unshallow)`,
    );
  }
  return lines;
}

type GitRun = { readonly ok: true; readonly out: string } | { readonly ok: false; readonly why: string };

/** Runs git in `dir`: its output, or why there is none in a few words. */
function git(dir: string, args: readonly string[]): GitRun {
  const run = spawnSync("git", args, { cwd: dir, encoding: "utf8", maxBuffer: 2 ** 30 });
  if (run.error) {
    const missing = (run.error as NodeJS.ErrnoException).code === "ENOENT";
    return { ok: false, why: missing ? "git is not installed" : `git failed (${run.error.message})` };
  }
  if (run.status !== 0) {
    const said = run.stderr.split("\n")[0]?.replace(/^fatal: /, "") ?? "";
    return { ok: false, why: /^not a git repository/.test(said) ? "not in a git work tree" : `git says: ${said}` };
  }
  return { ok: true, out: run.stdout };
}
