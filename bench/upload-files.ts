// The files a `wrangler deploy` of a build would upload: the script's modules (what
// `--dry-run --outdir` wrote) and, when wrangler.toml has an [assets] table, every file of its
// directory. Hashed by content, as the asset upload is keyed (docs/static-assets.md).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface UploadFile {
  /** Relative to its folder, prefixed "script/" or "assets/". */
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface Upload {
  readonly script: readonly UploadFile[];
  readonly assets: readonly UploadFile[];
}

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function describe(prefix: string, root: string, path: string): UploadFile {
  const bytes = readFileSync(path);
  return {
    path: `${prefix}/${relative(root, path)}`,
    bytes: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** The [assets] directory named in the copy's wrangler.toml, if any. */
function readAssetsDirectory(projectDir: string): string | undefined {
  const config = readFileSync(join(projectDir, "wrangler.toml"), "utf8");
  const table = /^\[assets\]\n((?:(?!\[)[^\n]*\n?)*)/m.exec(config);
  const directory = table?.[1] && /^directory\s*=\s*"([^"]+)"/m.exec(table[1])?.[1];
  return directory ? join(projectDir, directory) : undefined;
}

export function readUpload(projectDir: string, outDir: string): Upload {
  const config = readFileSync(join(projectDir, "wrangler.toml"), "utf8");
  // Source maps go up only with upload_source_maps = true (wrangler's configuration docs).
  const withMaps = /^upload_source_maps\s*=\s*true/m.test(config);
  const script = listFiles(outDir)
    .filter((path) => withMaps || !path.endsWith(".map"))
    // wrangler writes a note about the folder there; it is not part of the upload.
    .filter((path) => relative(outDir, path) !== "README.md")
    .map((path) => describe("script", outDir, path));
  const assetsDir = readAssetsDirectory(projectDir);
  const assets =
    assetsDir && existsSync(assetsDir) && statSync(assetsDir).isDirectory()
      ? listFiles(assetsDir)
          .filter((path) => !path.endsWith(".assetsignore"))
          .map((path) => describe("assets", assetsDir, path))
      : [];
  return { script, assets };
}

/** Bytes of `after`'s files that are new or whose content differs from `before`'s. */
export function measureChangedBytes(before: Upload, after: Upload): { changed: number; total: number; files: number } {
  const known = new Set([...before.script, ...before.assets].map((f) => `${f.path}\n${f.sha256}`));
  const files = [...after.script, ...after.assets];
  const changed = files.filter((f) => !known.has(`${f.path}\n${f.sha256}`));
  return {
    changed: changed.reduce((sum, f) => sum + f.bytes, 0),
    total: files.reduce((sum, f) => sum + f.bytes, 0),
    files: changed.length,
  };
}
