import { describe, expect, it } from "vitest";
import { decideTargets, type Verdict } from "../../../bench/decide-targets.ts";
import { build, MIB, size } from "./bench-results.ts";

function verdict(verdicts: readonly Verdict[], id: string, articles: number): Verdict | undefined {
  return verdicts.find((v) => v.target.id === id && v.articles === articles);
}

describe("bench verdicts", () => {
  it("a target is met at or under its limit and missed over it", () => {
    const verdicts = decideTargets([
      size(100_000, { builds: { ok: true, value: [build({ scriptGzipBytes: 2 * MIB, peakRssBytes: 1_024 * MIB })] } }),
    ]);
    expect(verdict(verdicts, "script", 100_000)).toMatchObject({ status: "missed", value: 2 * MIB });
    expect(verdict(verdicts, "build-memory", 100_000)).toMatchObject({ status: "met", value: 1_024 * MIB });
    expect(verdict(verdicts, "steady-200", 100_000)).toMatchObject({ status: "met", value: 1.2, note: "index /" });
    expect(verdict(verdicts, "build", 100_000)).toMatchObject({ status: "met", value: 0.15 });
  });

  it("a size the target does not name is shown with its number but not judged", () => {
    const verdicts = decideTargets([size(1_000, { wranglerDevMs: { ok: true, value: 40_000 } }), size(100_000)]);
    expect(verdict(verdicts, "wrangler-dev", 1_000)).toMatchObject({ status: "not judged", value: 40_000 });
    expect(verdict(verdicts, "wrangler-dev", 100_000)).toMatchObject({ status: "met", value: 20_000 });
  });

  it("a size the target names but the run left out is not measured", () => {
    const verdicts = decideTargets([size(1_000)]);
    expect(verdict(verdicts, "asset-files", 100_000)).toMatchObject({
      status: "not measured",
      note: "this size was not in the run",
    });
  });

  it("a measurement that failed at a named size is a miss that says why", () => {
    const verdicts = decideTargets([
      size(100_000, { fresh: { ok: false, error: "workerd exited (1) before answering" } }),
    ]);
    expect(verdict(verdicts, "heap", 100_000)).toMatchObject({
      status: "missed",
      note: "workerd exited (1) before answering",
    });
  });

  it("one more article and the rebuild are judged only where the run measured them", () => {
    const measured = size(10_000, {
      delta: { ok: true, value: { changedBytes: 2_000, totalBytes: 1_000_000, changedFiles: 3 } },
      rebuild: { ok: true, value: { ms: 6_000, writtenFiles: 4, publishedFiles: 4_000 } },
    });
    const verdicts = decideTargets([size(1_000), measured]);
    expect(verdict(verdicts, "delta", 10_000)).toMatchObject({ status: "met", value: 0.2 });
    expect(verdict(verdicts, "rebuild", 10_000)).toMatchObject({ status: "missed", value: 6_000 });
    expect(verdict(verdicts, "delta", 1_000)).toBeUndefined();
    expect(verdict(verdicts, "rebuild", 1_000)).toBeUndefined();
  });

  it("a rebuild with nothing changed is judged by the slower of committed and not, and by any file it wrote", () => {
    const noop = (committedMs: number, uncommittedMs: number, writtenFiles: number) =>
      size(10_000, {
        noopRebuild: {
          ok: true,
          value: { committed: { ms: committedMs, writtenFiles: 0 }, uncommitted: { ms: uncommittedMs, writtenFiles } },
        },
      });
    const slow = decideTargets([noop(1_000, 3_500, 0)]);
    expect(verdict(slow, "noop-rebuild", 10_000)).toMatchObject({
      status: "missed",
      value: 3_500,
      note: "uncommitted",
    });
    expect(verdict(slow, "noop-writes", 10_000)).toMatchObject({ status: "met", value: 0 });
    const writing = decideTargets([noop(1_000, 2_000, 2)]);
    expect(verdict(writing, "noop-rebuild", 10_000)).toMatchObject({ status: "met", value: 2_000 });
    expect(verdict(writing, "noop-writes", 10_000)).toMatchObject({ status: "missed", value: 2 });
    const restart = decideTargets([
      size(100_000, {
        devRestart: { ok: true, value: { committedMs: 31_000, uncommittedMs: 6_000, previousBuildMs: [] } },
      }),
    ]);
    expect(verdict(restart, "wrangler-dev-rebuilt", 100_000)).toMatchObject({ status: "missed", note: "committed" });
  });

  it("a build of 2 s or less needs no progress line; a longer one without it misses", () => {
    const verdicts = decideTargets([
      size(1_000, { builds: { ok: true, value: [build({ publishMs: 1_500 })] } }),
      size(10_000, { builds: { ok: true, value: [build({ publishMs: 9_000 })] } }),
      size(100_000, { builds: { ok: true, value: [build({ publishMs: 90_000, progressShownAtMs: 400 })] } }),
    ]);
    expect(verdict(verdicts, "progress", 1_000)?.status).toBe("not judged");
    expect(verdict(verdicts, "progress", 10_000)).toMatchObject({
      status: "missed",
      note: "no progress line in a 9.0 s build",
    });
    expect(verdict(verdicts, "progress", 100_000)).toMatchObject({ status: "met", value: 400 });
  });
});
