import { describe, expect, it } from "vitest";
import { describeDuration } from "../../scripts/describe-duration.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("describeDuration", () => {
  it.each([
    [20_000, "under a minute"],
    [MINUTE, "1 min"],
    [59 * MINUTE + 20_000, "59 min"],
    [59 * MINUTE + 40_000, "1 h"],
    [3 * HOUR + 19 * MINUTE + 58_000, "3 h 20 min"],
    [23 * HOUR + 59 * MINUTE + 50_000, "1 day"],
    [DAY + 5 * HOUR, "1 day 5 h"],
    [3 * DAY + 8 * HOUR + 56 * MINUTE, "3 days 9 h"],
    [12 * DAY + 5 * HOUR, "12 days"],
    [300 * DAY, "300 days"],
    [400 * DAY, "1 year 35 days"],
    [Date.UTC(2062, 11, 6, 9) - Date.UTC(2026, 0, 2, 3, 4, 5), "36 years"],
  ])("says %d ms is %s", (ms, words) => {
    expect(describeDuration(ms)).toBe(words);
  });
});
