// The bodies our Worker answers, fetched once from it and written under a folder with the
// headers that matter, so the floor Worker (floor-worker.ts) can serve the very same bytes.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Headers copied from the Worker's response so both Workers send comparable headers. */
const COPIED_HEADERS = ["cache-control", "content-security-policy", "referrer-policy", "x-content-type-options"];

export interface MirroredFile {
  readonly path: string;
  readonly file: string;
  readonly contentType: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly bytes: number;
  readonly etag: string;
  readonly lastModified: string;
}

/** Where the body of `path` lives under the root: "/" is index.html, others keep their path. */
function fileFor(path: string): string {
  return path === "/" ? "/index.html" : path;
}

export async function mirrorWorker(origin: string, paths: readonly string[], root: string): Promise<MirroredFile[]> {
  const mirrored: MirroredFile[] = [];
  for (const path of paths) {
    // The representation wrk gets, which sends no Accept-Encoding (fetch would ask for gzip).
    const response = await fetch(`${origin}${path}`, { headers: { "Accept-Encoding": "identity" } });
    const body = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`the Worker answered ${response.status} for ${path}; expected 200`);
    const file = fileFor(path);
    const target = join(root, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
    const headers = COPIED_HEADERS.flatMap((name) => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value] as const];
    });
    const contentType = response.headers.get("content-type") ?? "application/octet-stream";
    mirrored.push({
      path,
      file,
      contentType,
      headers,
      bytes: body.byteLength,
      etag: response.headers.get("etag") ?? "",
      lastModified: response.headers.get("last-modified") ?? "",
    });
  }
  return mirrored;
}
