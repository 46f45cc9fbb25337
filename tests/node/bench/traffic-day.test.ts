import { describe, expect, it } from "vitest";
import { cronRunsPerDay } from "../../../bench/cron-runs.ts";
import { readOptions } from "../../../bench/options.ts";
import {
  CLASS_NAMES,
  DAY,
  DAY_MS,
  type DayRequest,
  planDay,
  type SiteFacts,
  sampleDay,
} from "../../../bench/traffic-day.ts";
import { FREE_DAILY_REQUESTS, type Outcome, tallyDay } from "../../../bench/traffic-tally.ts";
import { writeReport } from "../../../bench/write-report.ts";
import { size } from "./bench-results.ts";

/** 1,000 articles, newest first, one in five with a picture. */
const site: SiteFacts = {
  articles: Array.from({ length: 1_000 }, (_, n) => ({
    id: n.toString(16).padStart(16, "0"),
    path: `/articles/${n.toString(16).padStart(16, "0")}/title-${n}`,
    ...(n % 5 === 0 ? { image: `/media/${n}/photo.png` } : {}),
  })),
  pageCount: 50,
  sitemapParts: 1,
};

const countBy = (requests: readonly DayRequest[]) => Map.groupBy(requests, (r) => r.cls);

describe("cron runs per day", () => {
  it("counts the minutes and hours an expression names", () => {
    expect(cronRunsPerDay(["* * * * *"])).toBe(1_440);
    expect(cronRunsPerDay(["*/15 * * * *"])).toBe(96);
    expect(cronRunsPerDay(["0 9-17 * * *", "30 0,12 * * *"])).toBe(11);
    expect(cronRunsPerDay([])).toBe(0);
  });

  it("refuses what would make the count depend on the day, or what it cannot read", () => {
    expect(() => cronRunsPerDay(["0 0 * * 1"])).toThrow(/only \*/);
    expect(() => cronRunsPerDay(["61 * * * *"])).toThrow(/outside 0-59/);
    expect(() => cronRunsPerDay(["@daily"])).toThrow(/5 fields/);
  });
});

describe("the day of a news site", () => {
  const day = planDay(site);

  it("has the stated number of requests in each class, all within the day", () => {
    const classes = countBy(day);
    expect(classes.get("feed readers")?.length).toBe(DAY.feedReaders * 24);
    expect(classes.get("page views")?.length).toBe(DAY.pageViews);
    expect(classes.get("image loads")?.length).toBe(DAY.imageLoads);
    expect(classes.get("spike: the article")?.length).toBe(DAY.spikeViews);
    expect(classes.get("spike: its image")?.length).toBe(DAY.spikeViews);
    expect(classes.get("scanners' probes")?.length).toBe(DAY.probes);
    expect(day.every((r) => r.atMs >= 0 && r.atMs < DAY_MS)).toBe(true);
    expect([...classes.keys()].toSorted()).toEqual([...CLASS_NAMES].toSorted());
  });

  it("is the same day for the same site", () => {
    expect(planDay(site)).toEqual(day);
  });

  it("sends the spike to the newest article and its picture, from noon", () => {
    const spike = day.filter((r) => r.cls === "spike: the article" || r.cls === "spike: its image");
    expect(new Set(spike.map((r) => r.path))).toEqual(new Set([site.articles[0]?.path, site.articles[0]?.image]));
    expect(Math.min(...spike.map((r) => r.atMs))).toBeGreaterThanOrEqual(DAY.spikeStartMs);
  });

  it("gives most article views to recent articles and some to the oldest", () => {
    const views = day.filter((r) => r.cls === "page views" && r.path.startsWith("/articles/"));
    const rank = (path: string) => site.articles.findIndex((a) => a.path === path);
    const recent = views.filter((r) => rank(r.path) < 100).length;
    expect(recent / views.length).toBeGreaterThan(0.6);
    expect(views.some((r) => rank(r.path) >= 900)).toBe(true);
  });

  it("samples every nth request of each class, the first included", () => {
    const sampled = sampleDay(day, 10);
    for (const [cls, requests] of countBy(day)) {
      expect(countBy(sampled).get(cls)?.length).toBe(Math.ceil(requests.length / 10));
    }
    expect(sampled.map((r) => r.atMs)).toEqual(sampled.map((r) => r.atMs).toSorted((a, b) => a - b));
    expect(sampleDay(day, 1)).toHaveLength(day.length);
  });

  it("refuses a site whose newest article has no picture for the spike", () => {
    expect(() => planDay({ ...site, articles: site.articles.slice(1) })).toThrow(/no image/);
  });
});

/** `n` requests of `cls`, evenly over the day from `fromMs`. */
function requests(cls: DayRequest["cls"], n: number, fromMs = 0): DayRequest[] {
  return Array.from({ length: n }, (_, i) => ({
    cls,
    atMs: fromMs + (i * (DAY_MS - fromMs)) / n,
    path: "/",
    headers: {},
    expect: [200],
  }));
}

const answered = (sample: readonly DayRequest[], byWorker: (r: DayRequest) => boolean): Outcome[] =>
  sample.map((request) => ({ request, byWorker: byWorker(request), status: 200 }));

describe("tallying a replayed day", () => {
  it("scales a sample's invocations to the day and counts the cron runs", () => {
    const day = [...requests("page views", 20_000), ...requests("image loads", 5_000)];
    const sample = sampleDay(day, 10);
    const tally = tallyDay(
      day,
      answered(sample, (r) => r.cls === "page views"),
      1_440,
    );
    expect(tally.classes.map((c) => [c.cls, c.requests, c.replayed, c.workerInvocations])).toEqual([
      ["page views", 20_000, 2_000, 20_000],
      ["image loads", 5_000, 500, 0],
    ]);
    expect(tally.workerInvocations).toBe(21_440);
    expect(tally.limitReachedAtMs).toBeUndefined();
    expect(tally.classes.every((c) => c.limited === 0)).toBe(true);
  });

  it("finds when the limit is passed, and counts each class's invocations after it as 429s", () => {
    // 60,000 through the day, and 60,000 more from noon: the limit falls in the afternoon.
    const day = [...requests("feed readers", 60_000), ...requests("spike: the article", 60_000, DAY_MS / 2)];
    const tally = tallyDay(
      day,
      answered(day, () => true),
      0,
    );
    expect(tally.workerInvocations).toBe(120_000);
    const at = tally.limitReachedAtMs ?? 0;
    expect(at).toBeGreaterThan(DAY_MS / 2);
    expect(at).toBeLessThan(DAY_MS);
    const limited = tally.classes.reduce((sum, c) => sum + c.limited, 0);
    expect(limited).toBe(120_000 - FREE_DAILY_REQUESTS);
    expect(tally.classes.find((c) => c.cls === "spike: the article")?.limited).toBeGreaterThan(0);
  });
});

describe("the report's day", () => {
  it("states the day and says which routing stays up", () => {
    const day = [...requests("feed readers", 60_000), ...requests("spike: the article", 60_000, DAY_MS / 2)];
    const before = tallyDay(
      day,
      answered(day, () => true),
      1_440,
    );
    const after = tallyDay(
      day,
      answered(day, (r) => r.cls === "feed readers"),
      1_440,
    );
    const trafficDay = {
      ok: true as const,
      value: {
        articles: 10_000,
        sample: 1,
        requests: day.length,
        replayed: day.length,
        shippedRule: '["/","/rss.xml"]',
        staticPages: { files: 9_000, of: 10_000 },
        staticImages: { files: 2_000, of: 2_000 },
        before,
        after,
        replayMs: { before: 60_000, after: 50_000 },
      },
    };
    const report = writeReport({
      options: readOptions(["--only", "traffic-day", "--sizes", "10000"]),
      environment: { date: "2026-01-01T00:00:00Z", nproc: 2, cpu: "cpu", kernel: "Linux", versions: { node: "v22" } },
      loadBefore: "0.00, 0.00, 0.00",
      loadAfter: "0.00, 0.00, 0.00",
      durationMinutes: 1,
      sizes: [size(10_000, { trafficDay })],
    });
    const rows = report.split("\n");
    // Before, the feed readers past the limit are refused too: a fifth of the day's is after it.
    expect(rows.find((row) => row.startsWith("| feed readers |"))).toMatch(
      /^\| feed readers \| 60,000 \| 60,000 \| 60,000 \| [1-9][\d,]* \/ 0 \| 200: 60,000 \|$/,
    );
    expect(rows).toContain("| **the day** | 121,440 | 121,440 | 61,440 |  |  |");
    expect(report).toContain('after: this checkout\'s `run_worker_first = ["/","/rss.xml"]`');
    expect(report).toMatch(/- Before: 121,440 Worker invocations, 121 % .* the limit is reached at \d\d:\d\d UTC/);
    expect(rows).toContain(
      "- After: 61,440 Worker invocations, 61 % of the free plan's 100,000: the site stays up all day.",
    );
    expect(report).toContain("9,000 of 10,000 article pages");
  });
});
