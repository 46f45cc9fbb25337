// The build's disk access: reading and writing files so that a killed build never
// leaves a half-written one behind.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

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

/** Write then rename: a build killed midway never leaves a half-written file behind. */
export function writeAtomically(path: string, text: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
