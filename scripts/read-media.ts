import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { MediaSource } from "../src/load/article-image.ts";

/**
 * Every file under `<articlesDir>/media/`, by its path there ("grid.png", "2025/map.png"), with
 * its SHA-256. Hidden files are passed over like in articles/. No folder, no media.
 */
export function readMedia(articlesDir: string): Map<string, MediaSource> {
  const media = new Map<string, MediaSource>();
  const root = join(articlesDir, "media");
  const entries = readdirSync(root, { recursive: true, withFileTypes: true, encoding: "utf8" }).filter((entry) =>
    entry.isFile(),
  );
  for (const entry of entries.toSorted((a, b) => (a.parentPath + a.name < b.parentPath + b.name ? -1 : 1))) {
    const name = join(entry.parentPath, entry.name)
      .slice(root.length + 1)
      .replaceAll("\\", "/");
    if (name.split("/").some((segment) => segment.startsWith("."))) continue;
    const bytes = readFileSync(join(root, name));
    media.set(name, { bytes, sha256: createHash("sha256").update(bytes).digest("hex") });
  }
  return media;
}

/** Whether there is a media folder to read; the build reads none when there is not. */
export function hasMediaFolder(articlesDir: string): boolean {
  try {
    return readdirSync(join(articlesDir, "media")) !== undefined;
  } catch {
    return false;
  }
}
