import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file under an assets folder, by its path as the Worker asks for it ("/a/123"), in base64. */
export function readSiteFiles(siteDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[`/${relative(siteDir, path)}`] = readFileSync(path).toString("base64");
  }
  return Object.fromEntries(Object.entries(files).toSorted(([a], [b]) => (a < b ? -1 : 1)));
}
