import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { articleFileName } from "../../src/model/paths.ts";
import { numberedArticleText } from "./articles.ts";
import { childEnv, ROOT } from "./project-copy.ts";
import { readSiteFiles } from "./site-output.ts";

const BUILD_SCRIPT = join(ROOT, "scripts/build-articles.ts");

/** An id spread over the shards as random ones are (ids of `idOf` all share the first digits). */
export function spreadIdOf(n: number): string {
  return ((BigInt(n + 1) * 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn).toString(16).padStart(16, "0");
}

/** A folder of `count` valid articles with spread ids. */
export function writeSpreadArticles(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < count; n++) {
    writeFileSync(join(dir, articleFileName(n, spreadIdOf(n))), numberedArticleText(n));
  }
}

export interface BuildRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where a test build writes its assets: beside its manifest module, never the project's dist/. */
export function siteDirFor(outFile: string): string {
  return join(dirname(outFile), "site");
}

export function buildArgs(articlesDir: string, outFile: string): string[] {
  return [
    BUILD_SCRIPT,
    "--articles",
    articlesDir,
    "--out",
    outFile,
    "--site",
    siteDirFor(outFile),
    "--config",
    testWranglerConfig(),
  ];
}

/** The tests' own wrangler configuration, with no address set whatever the project's says. */
function testWranglerConfig(): string {
  const path = join(tmpdir(), "feed-publisher-test-wrangler.toml");
  const text = '[vars]\nBASE_URL = ""\n';
  if (!existsSync(path)) writeFileSync(path, text);
  return path;
}

/**
 * The build clock of test builds: files outside git are dated by it, so two builds of the
 * same articles write the same bytes however far apart they run.
 */
export const BUILD_CLOCK = Date.UTC(2026, 0, 2, 3, 4, 5);

/**
 * A test build's stderr without the warning that the project's own last commit is dated after
 * BUILD_CLOCK, which it is whenever the checkout was committed after that fixed instant.
 */
export function withoutTemplatesAhead(stderr: string): string {
  return stderr.replace(/^warning: the last commit of the templates .*\n/m, "");
}

/** Node arguments that start a script with Date and Date.now() fixed at `clock`. */
export function fixedClockArgs(clock: number): string[] {
  const source = `const D = Date; globalThis.Date = class extends D { constructor(...a) { super(...(a.length ? a : [${clock}])); } static now() { return ${clock}; } };`;
  return [`--import=data:text/javascript,${encodeURIComponent(source)}`];
}

/**
 * Node arguments that send a script's fetches for `from` (an origin) to `to` instead: a build
 * probes the live site at the public address it writes into every link, which no test serves.
 */
export function redirectedFetchArgs(from: string, to: string): string[] {
  const source = `const f = globalThis.fetch; globalThis.fetch = (url, init) => f(String(url).replace(${JSON.stringify(from)}, ${JSON.stringify(to)}), init);`;
  return [`--import=data:text/javascript,${encodeURIComponent(source)}`];
}

/**
 * Runs the real build script to completion on Node (the one running the tests), as a plain
 * `npm run build` or as the custom build of a wrangler command (`dev`, `deploy`).
 */
export function runBuild(
  articlesDir: string,
  outFile: string,
  wranglerCommand?: string,
  extraEnv: Readonly<Record<string, string>> = {},
): BuildRun {
  const run = spawnSync(process.execPath, [...fixedClockArgs(BUILD_CLOCK), ...buildArgs(articlesDir, outFile)], {
    cwd: ROOT,
    encoding: "utf8",
    env: childEnv({ ...(wranglerCommand === undefined ? {} : { WRANGLER_COMMAND: wranglerCommand }), ...extraEnv }),
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Starts the build as runBuild runs it, with more Node arguments (a preload) and environment. */
export function startBuild(
  articlesDir: string,
  outFile: string,
  nodeArgs: readonly string[] = [],
  extraEnv: Readonly<Record<string, string>> = {},
): ChildProcess {
  return spawn(process.execPath, [...fixedClockArgs(BUILD_CLOCK), ...nodeArgs, ...buildArgs(articlesDir, outFile)], {
    cwd: ROOT,
    stdio: "ignore",
    env: childEnv(extraEnv),
  });
}

/** What a build wrote: its manifest module and every asset file (base64), by path. */
export function readBuild(outFile: string): { module: string; files: Record<string, string> } {
  return { module: readFileSync(outFile, "utf8"), files: readSiteFiles(siteDirFor(outFile)) };
}

/** Every file of a folder with its bytes: what a failed build must leave untouched. */
export function snapshotFolder(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [
        relative(dir, join(entry.parentPath, entry.name)),
        readFileSync(join(entry.parentPath, entry.name)),
      ]),
  );
}
