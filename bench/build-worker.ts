// Builds the Worker for a synthetic corpus in a scratch copy of the project, so the shared
// src/generated/ that other servers use is never touched: parse (scripts/build-articles.ts),
// render every output once (render-all.ts), bundle (wrangler deploy --dry-run).
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { DEPLOY_MARKER } from "../scripts/deploy-guard.ts";
import { runCommand } from "./run-command.ts";
import { readUpload, type Upload } from "./upload-files.ts";

export const PROJECT_ROOT = resolve(import.meta.dirname, "..");

export interface RenderTotals {
  readonly ms: number;
  /** Time spent gzipping every body to size them; subtracted from the render step. */
  readonly gzipMs: number;
  readonly outputs: number;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** An article in the middle of the archive, for the page benchmark. */
  readonly samplePath: string;
  /** Another article, requested cold after the first to separate one-off costs from rendering. */
  readonly secondPath: string;
}

export interface WorkerBuild {
  readonly dir: string;
  readonly scriptPath: string;
  readonly compatibilityDate: string;
  readonly parseMs: number;
  readonly renderMs: number;
  readonly bundleMs: number;
  readonly render: RenderTotals;
  readonly scriptBytes: number;
  readonly scriptGzipBytes: number;
  /** Largest resident memory of any build step (steps run one after another). */
  readonly peakRssBytes: number;
  /** What `wrangler deploy` would upload from this build. */
  readonly upload: Upload;
}

/** The project as wrangler needs it, without the [build] step (the bench runs it itself). */
function copyProject(dir: string): void {
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
  const config = readFileSync(join(PROJECT_ROOT, "wrangler.toml"), "utf8").replace(
    /^\[build\]\n(?:(?!\[)[^\n]*\n?)*/m,
    "",
  );
  writeFileSync(join(dir, "wrangler.toml"), config);
}

export function readCompatibilityDate(): string {
  const match = /^compatibility_date\s*=\s*"([\d-]+)"/m.exec(readFileSync(join(PROJECT_ROOT, "wrangler.toml"), "utf8"));
  if (!match?.[1]) throw new Error('wrangler.toml: no compatibility_date; expected compatibility_date = "YYYY-MM-DD"');
  return match[1];
}

/**
 * Parses, renders and bundles `corpusDir` in a fresh project copy at `dir`; `prepare` runs on
 * the copy before the build (to commit it, so revision times come from git, not the clock).
 */
export async function buildWorker(
  corpusDir: string,
  dir: string,
  prepare?: (dir: string) => void,
): Promise<WorkerBuild> {
  copyProject(dir);
  prepare?.(dir);
  const node = process.execPath;
  const parse = await runCommand(node, ["scripts/build-articles.ts", "--articles", corpusDir], { cwd: dir });
  const render = await runCommand(node, [join(PROJECT_ROOT, "bench", "render-all.ts"), dir], { cwd: dir });
  const outDir = join(dir, "dist");
  const wrangler = join(PROJECT_ROOT, "node_modules", ".bin", "wrangler");
  const bundle = await runCommand(wrangler, ["deploy", "--dry-run", "--outdir", outDir, "--config", "wrangler.toml"], {
    cwd: dir,
    // A dry run for measuring is no deploy: the build's deploy guard is handed a local base
    // URL (the bench follows no links, so which port it names does not matter).
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", [DEPLOY_MARKER]: "http://127.0.0.1:8787" },
  });
  const totals = JSON.parse(render.stdout) as RenderTotals;
  const scriptPath = join(outDir, "index.js");
  const script = readFileSync(scriptPath);
  return {
    dir,
    scriptPath,
    compatibilityDate: readCompatibilityDate(),
    parseMs: parse.ms,
    renderMs: render.ms - totals.gzipMs,
    bundleMs: bundle.ms,
    render: totals,
    scriptBytes: script.byteLength,
    // Cloudflare's size limit is on the gzip-compressed upload; zlib's default level, as wrangler.
    scriptGzipBytes: gzipSync(script).byteLength,
    peakRssBytes: Math.max(parse.peakRssBytes, render.peakRssBytes, bundle.peakRssBytes),
    upload: readUpload(dir, outDir),
  };
}
