import { once } from "node:events";
import { mkdirSync, rmSync, watch, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readGeneratedModule } from "../../scripts/generated-module.ts";
import {
  readBuild,
  runBuild,
  seededRandom,
  siteDirFor,
  startBuild,
  writeSpreadArticles,
} from "../support/build-fixtures.ts";
import { makeTempDir, removeTempDirs, writeGoodArticles } from "../support/project-copy.ts";

const KILLS = 12;
const SEED = 5;

type Build = ReturnType<typeof readBuild>;

/** Puts a build's output back in place, as if it had just been written. */
function restore(out: string, build: Build): void {
  rmSync(siteDirFor(out), { recursive: true, force: true });
  for (const [path, base64] of Object.entries(build.files)) {
    const target = join(siteDirFor(out), path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, Buffer.from(base64, "base64"));
  }
  writeFileSync(out, build.module);
}

/**
 * Resolves once the build starts putting article shards in place (they are staged beside the
 * site folder, then renamed in): the window this test is about.
 */
function writingStarted(out: string): { started: Promise<void>; close: () => void } {
  let close = () => {};
  const started = new Promise<void>((resolve) => {
    const watcher = watch(join(siteDirFor(out), "a"), () => resolve());
    close = () => watcher.close();
  });
  return { started, close };
}

describe("a build killed with SIGKILL at random points", () => {
  afterAll(removeTempDirs);

  it(`leaves every file old or new and whole, and a manifest whose files are all there (${KILLS} kills)`, {
    timeout: 240_000,
  }, async () => {
    const dir = makeTempDir("killed");
    const small = join(dir, "small");
    const large = join(dir, "large");
    writeGoodArticles(small, 3);
    // Many articles with ids spread as real ones are make many shard files, so the writes take
    // long enough to be hit.
    writeSpreadArticles(large, 1000);
    const out = join(dir, "generated", "site-manifest.ts");
    const reference = join(dir, "reference", "site-manifest.ts");

    expect(runBuild(small, out).status).toBe(0);
    const old = readBuild(out);
    const started = performance.now();
    expect(runBuild(large, reference).status).toBe(0);
    const duration = performance.now() - started;
    const fresh = readBuild(reference);

    const random = seededRandom(SEED);
    const outcomes = { old: 0, partlyWritten: 0, new: 0, leftTemporaryFiles: 0 };
    for (let kill = 0; kill < KILLS; kill++) {
      restore(out, old);
      const writing = writingStarted(out);
      const build = startBuild(large, out);
      // Each kill either at a random point or as the first shard lands, never both: a busy
      // machine slows the build, and a timer drawn from the unloaded run would fire first.
      const timer = kill % 2 === 0 ? setTimeout(() => build.kill("SIGKILL"), random() * duration * 1.1) : undefined;
      if (kill % 2 === 1) void writing.started.then(() => build.kill("SIGKILL"));
      await once(build, "exit");
      clearTimeout(timer);
      writing.close();

      const left = readBuild(out);
      expect([old.module, fresh.module], `kill ${kill}: the module`).toContain(left.module);
      let temporary = 0;
      let written = 0;
      for (const [path, bytes] of Object.entries(left.files)) {
        if (path.endsWith(".tmp")) {
          temporary++;
          continue;
        }
        expect([old.files[path], fresh.files[path]], `kill ${kill}: ${path}`).toContain(bytes);
        if (bytes !== old.files[path]) written++;
      }
      const manifest = readGeneratedModule(left.module);
      for (const file of manifest.files) {
        expect(left.files[file.path], `kill ${kill}: ${file.path}, named by the manifest`).toBeDefined();
        if (file.gzip) expect(left.files[file.gzip.path], `kill ${kill}: ${file.gzip.path}`).toBeDefined();
      }
      if (temporary > 0) outcomes.leftTemporaryFiles++;
      if (left.module === fresh.module) outcomes.new++;
      else if (written > 0) outcomes.partlyWritten++;
      else outcomes.old++;
    }
    console.log(`killed builds (a full one takes ${duration.toFixed(0)} ms):`, outcomes);
    // The kills did land inside the write, where a non-atomic build would tear files.
    expect(outcomes.partlyWritten).toBeGreaterThan(0);

    // The next complete build leaves exactly its own output, temporary files of killed ones gone.
    expect(runBuild(large, out).status).toBe(0);
    expect(readBuild(out)).toEqual({ module: fresh.module.replace("reference", "generated"), files: fresh.files });
  });
});
