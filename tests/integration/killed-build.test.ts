import { once } from "node:events";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readGeneratedModule } from "../../scripts/generated-module.ts";
import {
  readBuild,
  runBuild,
  siteDirFor,
  snapshotFolder,
  startBuild,
  writeSpreadArticles,
} from "../support/build-fixtures.ts";
import { makeTempDir, removeTempDirs, writeGoodArticles } from "../support/project-copy.ts";
// Its type only: importing the module would patch this process's file functions.
import type { FileStep } from "./file-steps.ts";

/** Preloaded into the build: numbers its changes to files, and kills it at the one asked for. */
const FILE_STEPS = join(import.meta.dirname, "file-steps.ts");
/** Kills in each stretch of the build's writes, spread evenly over it, both ends included. */
const KILLS_PER_STRETCH = 3;

type Outcome = "old" | "partly written" | "new";

/** Puts a folder back exactly as it was, so that every build killed starts from the same state. */
function restore(dir: string, snapshot: ReadonlyMap<string, Buffer>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, bytes] of snapshot) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}

/** Runs the build to its end, and returns its changes to files in the order it made them. */
async function traceBuild(articles: string, out: string, traceFile: string): Promise<FileStep[]> {
  const build = startBuild(articles, out, [`--import=${FILE_STEPS}`], { FILE_STEPS_TRACE: traceFile });
  const [code] = await once(build, "exit");
  expect(code, "the traced build").toBe(0);
  return readFileSync(traceFile, "utf8")
    .split("\n")
    .map((line) => JSON.parse(line) as FileStep);
}

/** Runs the build until it is killed at its change to files number `step` (from 1). */
async function killAt(articles: string, out: string, step: number): Promise<void> {
  const build = startBuild(articles, out, [`--import=${FILE_STEPS}`], { FILE_STEPS_KILL_AT: String(step) });
  const [code, signal] = await once(build, "exit");
  expect({ code, signal }, `the build killed at step ${step}`).toEqual({ code: null, signal: "SIGKILL" });
}

/** `count` steps from `first` to `last`, evenly spaced, both included. */
function evenly(first: number, last: number, count: number): number[] {
  const steps = Array.from({ length: count }, (_, i) => first + Math.round((i * (last - first)) / (count - 1)));
  return [...new Set(steps)];
}

describe("a build killed with SIGKILL at set points of its writes", () => {
  // Three builds of a thousand articles to remove: more than a hook's default budget when the
  // machine is busy.
  afterAll(removeTempDirs, 60_000);

  it(`leaves every file old or new and whole, and a manifest whose files are all there (${4 * KILLS_PER_STRETCH} kills)`, {
    // Sixteen runs of a thousand-article build, most of them to near their end, on a machine
    // that may be running other suites.
    timeout: 480_000,
  }, async () => {
    const dir = makeTempDir("killed");
    const small = join(dir, "small");
    const large = join(dir, "large");
    writeGoodArticles(small, 3);
    // A thousand articles with ids spread as real ones are: many shards and article folders,
    // each file staged, then moved into the site by a rename of its own.
    writeSpreadArticles(large, 1000);
    const generated = join(dir, "generated");
    const out = join(generated, "site-manifest.ts");
    const site = siteDirFor(out);

    expect(runBuild(large, join(dir, "reference", "site-manifest.ts")).status).toBe(0);
    const fresh = readBuild(join(dir, "reference", "site-manifest.ts"));
    expect(runBuild(small, out).status).toBe(0);
    const old = readBuild(out);
    const lastGood = snapshotFolder(generated);

    // The build over the last good one, run to its end once: its changes to files, in order.
    // From the same state it makes the same changes (writes in flight may swap places, never
    // cross a stretch below), so a kill at step n leaves the same stretch done in every run,
    // whatever the machine's speed or load.
    const steps = await traceBuild(large, out, join(dir, "steps.jsonl"));
    expect(readBuild(out), "the traced build").toEqual(fresh);
    const lands = (step: FileStep) =>
      step.call === "renameSync" && step.path.startsWith(`${site}.staging/`) && step.to?.startsWith(`${site}/`);
    const firstLanding = steps.findIndex(lands) + 1;
    const lastLanding = steps.findLastIndex(lands) + 1;
    const manifest = steps.findIndex((step) => step.call === "renameSync" && step.to === out) + 1;
    // Staged files are moved in one rename each, then the manifest naming them, then the rest.
    expect(firstLanding, "a staged file renamed into the site").toBeGreaterThan(0);
    expect(lastLanding, "more than one").toBeGreaterThan(firstLanding);
    expect(manifest, "the manifest renamed in after the last file").toBeGreaterThan(lastLanding);
    expect(steps.length, "steps after the manifest").toBeGreaterThan(manifest);

    // A kill up to the first landing leaves the site as it was; one from the second landing to
    // the manifest's rename leaves some files new and the manifest old: the window where a build
    // that is not atomic tears its output, hit on purpose, not by chance.
    const stretches: readonly { name: string; steps: number[]; outcome: Outcome }[] = [
      { name: "before any file lands", steps: evenly(1, firstLanding, KILLS_PER_STRETCH), outcome: "old" },
      {
        name: "while the files land",
        steps: evenly(firstLanding + 1, lastLanding, KILLS_PER_STRETCH),
        outcome: "partly written",
      },
      {
        name: "once they have landed, before the manifest",
        steps: evenly(lastLanding + 1, manifest, KILLS_PER_STRETCH),
        outcome: "partly written",
      },
      { name: "after the manifest", steps: evenly(manifest + 1, steps.length, KILLS_PER_STRETCH), outcome: "new" },
    ];

    for (const stretch of stretches) {
      for (const step of stretch.steps) {
        const kill = `killed at step ${step} of ${steps.length}, ${stretch.name}`;
        restore(generated, lastGood);
        await killAt(large, out, step);

        const left = readBuild(out);
        expect([old.module, fresh.module], `${kill}: the module`).toContain(left.module);
        let written = 0;
        for (const [path, bytes] of Object.entries(left.files)) {
          if (path.endsWith(".tmp")) continue;
          expect([old.files[path], fresh.files[path]], `${kill}: ${path}`).toContain(bytes);
          if (bytes !== old.files[path]) written++;
        }
        const named = readGeneratedModule(left.module);
        for (const file of named.files) {
          expect(left.files[file.path], `${kill}: ${file.path}, named by the manifest`).toBeDefined();
          if (file.gzip) expect(left.files[file.gzip.path], `${kill}: ${file.gzip.path}`).toBeDefined();
        }
        const outcome: Outcome = left.module === fresh.module ? "new" : written > 0 ? "partly written" : "old";
        expect(outcome, kill).toBe(stretch.outcome);
      }
    }

    // The next complete build, over what one killed halfway through the landing left (some
    // files in place, the rest staged), leaves exactly its own output.
    restore(generated, lastGood);
    await killAt(large, out, Math.round((firstLanding + lastLanding) / 2));
    expect(runBuild(large, out).status).toBe(0);
    expect(readBuild(out)).toEqual(fresh);
  });
});
