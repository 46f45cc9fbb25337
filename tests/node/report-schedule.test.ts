import { describe, expect, it } from "vitest";
import { LISTED_SCHEDULED, reportSchedule } from "../../scripts/report-schedule.ts";
import { fileNameOf, loadSources, plainArticle } from "../support/articles.ts";
import { testSite } from "../support/test-site.ts";

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const site = testSite("https://news.example");

/** Articles 0… dated by `dates` (date lines in UTC), loaded as the build loads them. */
function loaded(dates: readonly string[]) {
  const { articles, dateLines } = loadSources(dates.map((date, n) => plainArticle(n, date)));
  return { articles, dateLines };
}

describe("reportSchedule", () => {
  it("names the soonest scheduled articles and counts the rest up to the last one", () => {
    const dates = Array.from({ length: 300 }, (_, n) => `2026-02-${String(1 + (n % 28)).padStart(2, "0")} 10:00:00`);
    const report = reportSchedule({ ...loaded(["2025-12-31 10:00:00", ...dates]), site, now: NOW });
    expect(report.scheduled).toBe(300);
    expect(report.warnings).toEqual([]);
    expect(report.lines).toHaveLength(LISTED_SCHEDULED + 1);
    // Eleven articles fall on each of the first days of February: the first ten are listed.
    expect(report.lines[0]).toBe(
      `articles/${fileNameOf(1)}:3: "Article number 1" goes live February 1, 2026 at 10:00 UTC, in 30 days`,
    );
    expect(report.lines.at(-1)).toBe(
      "…and 290 more scheduled article(s), the last going live February 28, 2026 at 10:00 UTC, in 57 days",
    );
  });

  it("says nothing when nothing is scheduled", () => {
    const report = reportSchedule({ ...loaded(["2025-12-31 10:00:00"]), site, now: NOW });
    expect(report).toEqual({ scheduled: 0, warnings: [], lines: [] });
  });

  it("counts an article the last build scheduled as live once its time has passed", () => {
    const { articles, dateLines } = loaded(["2026-01-03 10:00:00"]);
    // Scheduled for 02:00 when the last build ran; it went live before this build moved it.
    const previous = { timeZone: "UTC", publishedAt: new Map([[articles[0]?.id ?? "", Date.UTC(2026, 0, 2, 2)]]) };
    const report = reportSchedule({ articles, dateLines, site, now: NOW, previous });
    expect(report.lines[0]).toBe(
      `articles/${fileNameOf(0)}:3: "Article number 0" has been live since January 2, 2026 at 02:00 UTC; its date line now schedules it for January 3, 2026 at 10:00 UTC, in 1 day 7 h, so the site will not show it until then`,
    );
  });

  it("says nothing new of an article that was already scheduled and still is", () => {
    const { articles, dateLines } = loaded(["2026-01-03 10:00:00"]);
    const previous = { timeZone: "UTC", publishedAt: new Map([[articles[0]?.id ?? "", Date.UTC(2026, 0, 2, 9)]]) };
    const report = reportSchedule({ articles, dateLines, site, now: NOW, previous });
    expect(report.lines).toEqual([
      `articles/${fileNameOf(0)}:3: "Article number 0" goes live January 3, 2026 at 10:00 UTC, in 1 day 7 h`,
    ]);
  });
});

describe("dates more than a year ahead", () => {
  it("are warned about farthest first, ten of them, the rest counted", () => {
    const planned = Array.from({ length: 12 }, (_, n) => `2027-${String(n + 1).padStart(2, "0")}-15 10:00:00`);
    const report = reportSchedule({ ...loaded([...planned, "2062-12-06 09:00:00"]), site, now: NOW });
    expect(report.warnings).toHaveLength(LISTED_SCHEDULED + 1);
    expect(report.warnings[0]).toBe(
      `warning: articles/${fileNameOf(12)}:3: "Article number 12" is scheduled 36 years ahead, for December 6, 2062 at 09:00 UTC; a typo in the year? It is built, and stays off the site until then`,
    );
    // Every one of the thirteen is more than a year after the build's 2 January 2026.
    expect(report.warnings.at(-1)).toBe("warning: …and 3 more article(s) scheduled more than a year ahead");
  });
});
