import { describe, expect, it } from "vitest";
import { progressLine } from "../../../scripts/progress-line.ts";

/** A stream that keeps what is written to it, and a clock the test moves. */
function terminal(isTTY = true) {
  const written: string[] = [];
  const clock = { ms: 0 };
  const progress = progressLine({
    stream: { isTTY, write: (text: string) => written.push(text) },
    elapsedMs: () => clock.ms,
  });
  return { written, clock, progress };
}

describe("the build's progress line", () => {
  it("stays quiet in the build's first 2 s", () => {
    const { written, clock, progress } = terminal();
    clock.ms = 1_999;
    progress.step("reading articles", 10);
    progress.update(4);
    progress.done();
    expect(written).toEqual([]);
  });

  it("names the step and its count once the build has run 2 s, counted from the build's start", () => {
    const { written, clock, progress } = terminal();
    clock.ms = 1_500;
    progress.step("reading articles", 10);
    clock.ms = 2_500;
    progress.update(4);
    progress.done();
    expect(written).toEqual(["\r\x1b[Kreading articles: 4/10", "\r\x1b[K"]);
  });

  it("draws a new step at once, and a step without a count as a step under way", () => {
    const { written, clock, progress } = terminal();
    clock.ms = 3_000;
    progress.step("reading articles", 10);
    progress.update(10);
    progress.step("parsing articles");
    expect(written).toEqual(["\r\x1b[Kreading articles: 0/10", "\r\x1b[Kparsing articles…"]);
  });

  it("redraws a count at most every 100 ms", () => {
    const { written, clock, progress } = terminal();
    clock.ms = 3_000;
    progress.step("writing files", 1_000);
    clock.ms = 3_050;
    progress.update(1);
    clock.ms = 3_100;
    progress.update(2);
    expect(written).toEqual(["\r\x1b[Kwriting files: 0/1000", "\r\x1b[Kwriting files: 2/1000"]);
  });

  it("is never drawn where stderr is not a terminal (logs, CI)", () => {
    const { written, clock, progress } = terminal(false);
    clock.ms = 60_000;
    progress.step("rendering articles", 10);
    progress.update(4);
    progress.done();
    expect(written).toEqual([]);
  });
});
