import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DEPLOY_MARKER } from "../../../scripts/deploy-guard.ts";
import { Random } from "../../support/random.ts";

/** The checkout root: the build hashes src/ relative to it, so it runs from here. */
export const ROOT = resolve(import.meta.dirname, "../../..");
const BUILD_SCRIPT = join(ROOT, "scripts/build-articles.ts");

const tempDirs: string[] = [];

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `feed-publisher-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A valid article file's text; `n` makes each one distinct. */
export function articleText(n: number, extra = ""): string {
  const day = String(1 + (n % 28)).padStart(2, "0");
  return `Article number ${n}${extra}\n\n2025-03-${day} 10:${String(n % 60).padStart(2, "0")}:00\n\nAbstract: Summary of article ${n}.\n\nBody of article ${n}, first paragraph.\n\nSecond paragraph.\n`;
}

export function idOf(n: number): string {
  return n.toString(16).padStart(16, "0");
}

export function fileNameOf(n: number): string {
  return `${String(n).padStart(3, "0")}_${idOf(n)}.txt`;
}

/** A folder of `count` valid articles numbered from `first`. */
export function writeGoodArticles(dir: string, count: number, first = 0): void {
  mkdirSync(dir, { recursive: true });
  for (let n = first; n < first + count; n++) writeFileSync(join(dir, fileNameOf(n)), articleText(n));
}

/**
 * The environment for a build or wrangler started by a test: the runner's, less what would
 * choose the build's behaviour. Vitest itself sets BASE_URL (to "/", Vite's base path), which
 * the build would take as the site's address.
 */
export function childEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const { WRANGLER_COMMAND: _, BASE_URL: __, [DEPLOY_MARKER]: ___, ...env } = process.env;
  return { ...env, WRANGLER_SEND_METRICS: "false", CI: "1", ...extra };
}

export interface BuildRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function buildArgs(articlesDir: string, outFile: string): string[] {
  return [BUILD_SCRIPT, "--articles", articlesDir, "--out", outFile];
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
  const run = spawnSync(process.execPath, buildArgs(articlesDir, outFile), {
    cwd: ROOT,
    encoding: "utf8",
    env: childEnv({ ...(wranglerCommand === undefined ? {} : { WRANGLER_COMMAND: wranglerCommand }), ...extraEnv }),
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function startBuild(articlesDir: string, outFile: string): ChildProcess {
  return spawn(process.execPath, buildArgs(articlesDir, outFile), { cwd: ROOT, stdio: "ignore", env: childEnv() });
}

/**
 * The generated module without what depends on the build's clock (revisedAt and the
 * per-article revision times), so two complete builds of the same articles compare equal.
 * A truncated module does not parse and comes back as it is.
 */
export function withoutStamp(module: string): string {
  const literal = /JSON\.parse\(("(?:[^"\\]|\\.)*")\);\n$/.exec(module)?.[1];
  if (literal === undefined) return module;
  try {
    const { revisedAt: _, articleRevisedAt: __, ...rest } = JSON.parse(JSON.parse(literal)) as Record<string, unknown>;
    return `${module.slice(0, module.indexOf("JSON.parse("))}${JSON.stringify(rest)}`;
  } catch {
    return module;
  }
}

/** Every file of a folder with its bytes: what a failed build must leave untouched. */
export function snapshotFolder(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

/** Deterministic pseudo-random numbers in [0, 1), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}
