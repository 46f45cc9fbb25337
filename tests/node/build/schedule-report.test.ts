import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { articleText, fileNameOf, plainArticle } from "../../support/articles.ts";
import { BUILD_CLOCK, fixedClockArgs } from "../../support/build-fixtures.ts";
import { childEnv, makeProjectCopy, removeTempDirs } from "../../support/project-copy.ts";
import { TEST_SITE_CONFIG, testSiteConfigModule } from "../../support/test-site.ts";

afterAll(removeTempDirs);

// Every build here runs at BUILD_CLOCK, 2026-01-02 03:04:05 UTC.

/** A copy of the project with two articles of March 2025 and the test site in `timeZone`. */
function projectIn(prefix: string, timeZone: string): string {
  const dir = makeProjectCopy(prefix);
  setTimeZone(dir, timeZone);
  return dir;
}

function setTimeZone(dir: string, timeZone: string): void {
  writeFileSync(join(dir, "src/site-config.ts"), testSiteConfigModule({ ...TEST_SITE_CONFIG, timeZone }));
}

/** Article n, its date line (line 3) saying `date`. */
function writeArticle(dir: string, n: number, date: string): string {
  const name = `articles/${fileNameOf(n)}`;
  writeFileSync(join(dir, name), articleText(plainArticle(n, date)));
  return name;
}

/** The project copy's own build, as `npm run build` runs it, at the test clock. */
function build(dir: string) {
  const run = spawnSync(process.execPath, [...fixedClockArgs(BUILD_CLOCK), "scripts/build-articles.ts"], {
    cwd: dir,
    encoding: "utf8",
    env: childEnv(),
  });
  expect(run.status, run.stderr).toBe(0);
  const lines = (text: string) => text.split("\n").filter((line) => line !== "");
  return {
    // The summary line comes first; what follows is about scheduled articles.
    summary: lines(run.stdout)[0] ?? "",
    said: lines(run.stdout).slice(1),
    // Outside git the build also notes that it dates pages by its clock: not a warning.
    warnings: lines(run.stderr).filter((line) => line.startsWith("warning:")),
  };
}

describe("the build's report of scheduled articles", () => {
  it("names each one, soonest first, with its date line, its time in the site's zone and how far ahead", () => {
    const dir = projectIn("scheduled", "Europe/Kyiv");
    const later = writeArticle(dir, 2, "2026-01-14 10:00:00");
    const soon = writeArticle(dir, 3, "2026-01-02 08:24:05");
    const run = build(dir);
    expect(run.summary).toMatch(/^built 4 article\(s\) from articles \(2 scheduled for later\) into /);
    expect(run.said).toEqual([
      `${soon}:3: "Article number 3" goes live January 2, 2026 at 08:24 UTC+2 (Europe/Kyiv), in 3 h 20 min`,
      `${later}:3: "Article number 2" goes live January 14, 2026 at 10:00 UTC+2 (Europe/Kyiv), in 12 days`,
    ]);
    expect(run.warnings).toEqual([]);
  });

  it("warns, naming file and line, about a date more than a year ahead, and still builds", () => {
    const dir = projectIn("far-ahead", "UTC");
    const typo = writeArticle(dir, 2, "2062-12-06 09:00:00");
    const run = build(dir);
    expect(run.warnings).toEqual([
      `warning: ${typo}:3: "Article number 2" is scheduled 36 years ahead, for December 6, 2062 at 09:00 UTC; a typo in the year? It is built, and stays off the site until then`,
    ]);
    expect(run.said).toEqual([`${typo}:3: "Article number 2" goes live December 6, 2062 at 09:00 UTC, in 36 years`]);
  });

  it("warns when a new time zone takes down a live article, once, and says how to keep it", () => {
    const dir = projectIn("time-zone", "UTC");
    const recent = writeArticle(dir, 2, "2026-01-02 03:00:00");
    const first = build(dir);
    expect(first.summary).not.toContain("scheduled");
    expect([...first.said, ...first.warnings]).toEqual([]);

    setTimeZone(dir, "America/New_York");
    const moved = build(dir);
    expect(moved.warnings).toEqual([
      `warning: ${recent}:3: "Article number 2" has been live since January 2, 2026 at 03:00 UTC, but timeZone changed from UTC to America/New_York since the last build, so its date line 2026-01-02 03:00:00 now means January 2, 2026 at 03:00 UTC-5 (America/New_York), in 4 h 56 min: the site will not show it until then. To keep it live, write its date line as 2026-01-01 22:00:00`,
    ]);
    expect(moved.said).toEqual([
      `${recent}:3: "Article number 2" goes live January 2, 2026 at 03:00 UTC-5 (America/New_York), in 4 h 56 min`,
    ]);

    // The last build has it scheduled too: nothing new to say, but it is still listed.
    const again = build(dir);
    expect(again.warnings).toEqual([]);
    expect(again.said).toEqual(moved.said);
  });

  it("says, without a warning, that an edited date line takes a live article down until then", () => {
    const dir = projectIn("edited-date", "UTC");
    const edited = writeArticle(dir, 2, "2026-01-01 12:00:00");
    build(dir);
    writeArticle(dir, 2, "2026-01-05 12:00:00");
    const run = build(dir);
    expect(run.warnings).toEqual([]);
    expect(run.said).toEqual([
      `${edited}:3: "Article number 2" has been live since January 1, 2026 at 12:00 UTC; its date line now schedules it for January 5, 2026 at 12:00 UTC, in 3 days 9 h, so the site will not show it until then`,
      `${edited}:3: "Article number 2" goes live January 5, 2026 at 12:00 UTC, in 3 days 9 h`,
    ]);
  });
});
