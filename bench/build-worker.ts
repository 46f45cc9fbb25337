// Builds the Worker for a synthetic corpus in a scratch copy of the project, so the shared
// src/generated/ and dist/ that other servers use are never touched: publish every body into
// the static assets and the manifest module (scripts/build-articles.ts, what `npm run build`
// and every deploy run), then bundle (wrangler deploy --dry-run).
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { readGeneratedModule } from "../scripts/generated-module.ts";
import { WRANGLER_CLI } from "../scripts/runtime-binaries.ts";
import { SITE_DIR } from "../src/model/paths.ts";
import type { SiteManifest } from "../src/model/site-manifest.ts";
import { runCommand } from "./run-command.ts";
import { readUpload, type Upload } from "./upload-files.ts";

export const PROJECT_ROOT = resolve(import.meta.dirname, "..");

/** Where the bundle goes: outside the assets directory, so it is not uploaded as one. */
const BUNDLE_DIR = join("dist", "worker");

export interface WorkerBuild {
  readonly dir: string;
  readonly scriptPath: string;
  /** The built static assets, which the Worker reads through its ASSETS binding. */
  readonly siteDir: string;
  readonly compatibilityDate: string;
  /** scripts/build-articles.ts: parse, render every body, write the assets and the manifest. */
  readonly publishMs: number;
  readonly bundleMs: number;
  /**
   * The same bundle step with an assets folder of one file: wrangler's own fixed cost, which no
   * build can lower. What it adds for the build's assets is read and hashed file by file.
   */
  readonly bundleOneAssetMs: number;
  /**
   * Under a terminal: ms from the build's start to its first progress line, or null when it
   * drew none; undefined when the build did not run under a terminal.
   */
  readonly progressShownAtMs?: number | null;
  readonly scriptBytes: number;
  readonly scriptGzipBytes: number;
  /** Largest resident memory of any build step (steps run one after another). */
  readonly peakRssBytes: number;
  /** What `wrangler deploy` would upload from this build. */
  readonly upload: Upload;
}

/**
 * The project as wrangler needs it, without the [build] step (the bench runs it itself) unless
 * `withBuildStep`, for a `wrangler dev` that builds as a writer's does.
 */
export function copyProject(dir: string, withBuildStep = false): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of ["src", "scripts", "package.json", "tsconfig.json"]) {
    cpSync(join(PROJECT_ROOT, entry), join(dir, entry), {
      recursive: true,
      filter: (source) => !source.includes("/src/generated"),
    });
  }
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(dir, "node_modules"));
  // The [build] table up to the next table header: its values may hold "[" (watch_dir is a list).
  const original = readFileSync(join(PROJECT_ROOT, "wrangler.toml"), "utf8");
  const config = withBuildStep ? original : original.replace(/^\[build\]\n(?:(?!\[)[^\n]*\n?)*/m, "");
  writeFileSync(join(dir, "wrangler.toml"), config);
}

function readCompatibilityDate(): string {
  const match = /^compatibility_date\s*=\s*"([\d-]+)"/m.exec(readFileSync(join(PROJECT_ROOT, "wrangler.toml"), "utf8"));
  if (!match?.[1]) throw new Error('wrangler.toml: no compatibility_date; expected compatibility_date = "YYYY-MM-DD"');
  return match[1];
}

/** The build's own command: what `npm run build` runs, on the given corpus. */
export function publishCommand(corpusDir: string): [string, string[]] {
  return [process.execPath, ["scripts/build-articles.ts", "--articles", corpusDir]];
}

/** Bundles the copy at `dir` as a deploy would, without uploading; `assetsDir` replaces its assets. */
function bundleWorker(dir: string, assetsDir?: string) {
  return runCommand(
    process.execPath,
    [
      WRANGLER_CLI,
      "deploy",
      "--dry-run",
      "--outdir",
      BUNDLE_DIR,
      "--config",
      "wrangler.toml",
      ...(assetsDir ? ["--assets", assetsDir] : []),
    ],
    {
      cwd: dir,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
    },
  );
}

export interface BuildOptions {
  /** Runs on the copy before the build (to commit it, so revision times come from git, not the clock). */
  readonly prepare?: (dir: string) => void;
  /** Run the publish step under a pseudo-terminal, as on a developer's terminal, to see its progress line. */
  readonly terminal?: boolean;
}

/** Publishes and bundles `corpusDir` in a fresh project copy at `dir`. */
export async function buildWorker(corpusDir: string, dir: string, options: BuildOptions = {}): Promise<WorkerBuild> {
  copyProject(dir);
  options.prepare?.(dir);
  const [command, args] = publishCommand(corpusDir);
  const publish = await runCommand(command, args, { cwd: dir, terminal: options.terminal });
  const bundle = await bundleWorker(dir);
  const oneAsset = join(dir, "one-asset");
  mkdirSync(oneAsset, { recursive: true });
  writeFileSync(join(oneAsset, "robots.txt"), "User-agent: *\n");
  const bundleOneAsset = await bundleWorker(dir, oneAsset);
  const scriptPath = join(dir, BUNDLE_DIR, "index.js");
  const script = readFileSync(scriptPath);
  return {
    dir,
    scriptPath,
    siteDir: join(dir, SITE_DIR),
    compatibilityDate: readCompatibilityDate(),
    publishMs: publish.ms,
    bundleMs: bundle.ms,
    bundleOneAssetMs: bundleOneAsset.ms,
    ...(options.terminal ? { progressShownAtMs: publish.firstMatchMs(PROGRESS_LINE) } : {}),
    scriptBytes: script.byteLength,
    // Cloudflare's size limit is on the gzip-compressed upload; zlib's default level, as wrangler.
    scriptGzipBytes: gzipSync(script).byteLength,
    peakRssBytes: Math.max(publish.peakRssBytes, bundle.peakRssBytes),
    upload: readUpload(dir, join(dir, BUNDLE_DIR)),
  };
}

/** The manifest the build generated for the Worker. */
export function readManifest(build: WorkerBuild): SiteManifest {
  return readGeneratedModule(readFileSync(join(build.dir, "src/generated/site-manifest.ts"), "utf8"));
}

/** What scripts/progress-line.ts draws: ESC [K (clear the line), then the step's name. */
const PROGRESS_LINE = new RegExp(`${String.fromCharCode(0x1b)}\\[K\\S`);
