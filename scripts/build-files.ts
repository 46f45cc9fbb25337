// The build's disk access: listing, reading and writing files so that a killed build never
// leaves a half-written one behind.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.name.startsWith(".")) return [];
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** Paths in messages: relative inside the project, absolute outside it. */
export function displayPath(path: string): string {
  const inside = relative(".", path);
  return inside.startsWith("..") ? resolve(path) : inside;
}

export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined; // First build: there is nothing to keep.
  }
}

export function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readText(path) ?? "null") ?? undefined;
  } catch {
    return undefined; // Unreadable: treat everything as changed, which is always safe.
  }
}

/** Write then rename: a build killed midway never leaves a half-written file behind. */
export function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
