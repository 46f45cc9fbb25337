// The record of the last successful build, so a build whose inputs have not changed since
// (scripts/input-fingerprint.ts) can stop without reading an article: what `wrangler dev` runs
// at every start and every watched change. Kept beside the assets folder, not in it (it is not
// uploaded). It holds the inputs' fingerprint and one of the outputs as that build left them,
// so outputs that were removed, rewritten or half-written since are built again.
import { createHash } from "node:crypto";
import { readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeAtomically } from "./build-files.ts";
import type { InputFingerprint } from "./input-fingerprint.ts";
import { existingFiles } from "./site-files.ts";

interface Recorded {
  readonly inputs: string;
  readonly outputs: string;
}

export interface LastBuild {
  /** Whether the last build had these inputs and its outputs are still as it left them. */
  matches(inputs: InputFingerprint): boolean;
  /** Drops the record before anything is written: a build stopped midway must not be reused. */
  forget(): void;
  /** Records a finished build, unless its inputs were not settled enough to be trusted. */
  save(inputs: InputFingerprint): void;
}

/** The last build into `siteDir` that also wrote `outFiles` (the generated modules). */
export function readLastBuild(siteDir: string, outFiles: readonly string[]): LastBuild {
  const file = `${siteDir}.last-build.json`;
  const outputs = () => fingerprintOutputs(siteDir, outFiles);
  return {
    matches(inputs) {
      const recorded = readRecord(file);
      return recorded?.inputs === inputs.key && recorded.outputs === outputs();
    },
    forget() {
      rmSync(file, { force: true });
    },
    save(inputs) {
      if (!inputs.settled) return;
      writeAtomically(file, `${JSON.stringify({ inputs: inputs.key, outputs: outputs() } satisfies Recorded)}\n`);
    },
  };
}

function readRecord(file: string): Recorded | undefined {
  try {
    const recorded = JSON.parse(readFileSync(file, "utf8")) as Partial<Recorded>;
    return typeof recorded.inputs === "string" && typeof recorded.outputs === "string"
      ? { inputs: recorded.inputs, outputs: recorded.outputs }
      : undefined;
  } catch {
    return undefined; // No earlier build, or a damaged record: build.
  }
}

/** Every output file's name, size and times: any change to one, or a missing one, shows. */
function fingerprintOutputs(siteDir: string, outFiles: readonly string[]): string {
  const hash = createHash("sha256");
  const add = (path: string) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    hash.update(`${path}\t${stats ? `${stats.size}\t${stats.mtimeMs}\t${stats.ino}` : "missing"}\n`);
  };
  for (const path of outFiles) add(path);
  for (const path of existingFiles(siteDir)) add(join(siteDir, path));
  return hash.digest("hex");
}
