import { once } from "node:events";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  makeTempDir,
  removeTempDirs,
  runBuild,
  seededRandom,
  startBuild,
  withoutStamp,
  writeGoodArticles,
} from "./build-fixtures.ts";

const KILLS = 24;
const SEED = 5;

describe("a build killed with SIGKILL at random points", () => {
  afterAll(removeTempDirs);

  it(`leaves the old or the new complete module, never a partial one (${KILLS} kills)`, async () => {
    const dir = makeTempDir("killed");
    const small = join(dir, "small");
    const large = join(dir, "large");
    writeGoodArticles(small, 3);
    // Many articles make a large module, so the write takes long enough to be hit.
    writeGoodArticles(large, 1000);
    const out = join(dir, "generated", "articles.ts");

    expect(runBuild(small, out).status).toBe(0);
    const old = readFileSync(out, "utf8");
    const reference = join(dir, "reference", "articles.ts");
    const started = performance.now();
    expect(runBuild(large, reference).status).toBe(0);
    const duration = performance.now() - started;
    const complete = withoutStamp(readFileSync(reference, "utf8"));

    const random = seededRandom(SEED);
    const outcomes = { old: 0, new: 0, finished: 0 };
    for (let kill = 0; kill < KILLS; kill++) {
      writeFileSync(out, old);
      const build = startBuild(large, out);
      // Half the kills anywhere in the run, half in its last third, where the module is written.
      const at = kill % 2 === 0 ? random() * duration * 1.1 : duration * (0.67 + random() * 0.4);
      const timer = setTimeout(() => build.kill("SIGKILL"), at);
      const [code] = (await once(build, "exit")) as [number | null];
      clearTimeout(timer);
      const now = withoutStamp(readFileSync(out, "utf8"));
      if (code === 0) outcomes.finished++;
      if (now === withoutStamp(old)) outcomes.old++;
      else if (now === complete) outcomes.new++;
      else expect.fail(`kill ${kill} at ${at.toFixed(0)} ms left a module that is neither the old nor the new one`);
    }
    console.log(
      `killed builds (run takes ${duration.toFixed(0)} ms):`,
      outcomes,
      "left behind:",
      readdirSync(join(out, "..")),
    );
    expect(outcomes.old + outcomes.new).toBe(KILLS);
    expect(existsSync(out)).toBe(true);
  });
});
