// What a replayed day adds up to on the free plan: Worker invocations by class, scaled from the
// sample, and when in the day the daily limit would be reached. Pure: bench/traffic-day.ts and
// bench/measure-traffic-day.ts give it the day and the replay's answers.
import { CLASS_NAMES, type ClassName, DAY_MS, type DayRequest } from "./traffic-day.ts";

/**
 * Workers Free: requests a day to Workers, account-wide, reset at 00:00 UTC; past them the
 * router answers 429 to each request that would run the Worker, and assets alone still serve.
 */
export const FREE_DAILY_REQUESTS = 100_000;

/** One replayed request: whether the Worker answered it (the marking Worker's header) and how. */
export interface Outcome {
  readonly request: DayRequest;
  readonly byWorker: boolean;
  readonly status: number;
}

export interface ClassTally {
  readonly cls: ClassName;
  /** In the whole day. */
  readonly requests: number;
  readonly replayed: number;
  readonly replayedByWorker: number;
  /** replayedByWorker scaled to the whole day. */
  readonly workerInvocations: number;
  /** Replayed answers by status. */
  readonly statuses: Readonly<Record<number, number>>;
  /** Of its Worker invocations, those after the limit was reached (scaled): the 429s. */
  readonly limited: number;
}

export interface RoutingTally {
  readonly classes: readonly ClassTally[];
  /** Cron runs of the day, all invocations. */
  readonly cronRuns: number;
  /** Requests and cron runs that ran the Worker, scaled to the day. */
  readonly workerInvocations: number;
  /** When the invocations passed FREE_DAILY_REQUESTS (ms after 00:00 UTC), if they did. */
  readonly limitReachedAtMs: number | undefined;
}

/**
 * Sums the outcomes of a sample of `day`. Cron runs are spread evenly over the day; every
 * invocation from the one past the limit on (requests, not cron runs) is counted as a 429.
 */
export function tallyDay(day: readonly DayRequest[], outcomes: readonly Outcome[], cronRuns: number): RoutingTally {
  const requests = new Map<ClassName, number>();
  for (const r of day) requests.set(r.cls, (requests.get(r.cls) ?? 0) + 1);
  const replayed = new Map<ClassName, number>();
  for (const o of outcomes) replayed.set(o.request.cls, (replayed.get(o.request.cls) ?? 0) + 1);
  const weight = (cls: ClassName) => (requests.get(cls) ?? 0) / (replayed.get(cls) ?? 1);

  // The invocations in time order, each with the day's requests it stands for.
  const events = [
    ...outcomes
      .filter((o) => o.byWorker)
      .map((o) => ({ atMs: o.request.atMs, cls: o.request.cls, n: weight(o.request.cls) })),
    ...Array.from({ length: cronRuns }, (_, i) => ({ atMs: (i * DAY_MS) / cronRuns, cls: undefined, n: 1 })),
  ].toSorted((a, b) => a.atMs - b.atMs);
  let total = 0;
  let limitReachedAtMs: number | undefined;
  const limited = new Map<ClassName, number>();
  for (const event of events) {
    total += event.n;
    if (limitReachedAtMs === undefined && total > FREE_DAILY_REQUESTS) limitReachedAtMs = event.atMs;
    if (limitReachedAtMs !== undefined && event.cls !== undefined) {
      limited.set(event.cls, (limited.get(event.cls) ?? 0) + event.n);
    }
  }

  const classes = CLASS_NAMES.filter((cls) => requests.has(cls)).map((cls): ClassTally => {
    const own = outcomes.filter((o) => o.request.cls === cls);
    const statuses: Record<number, number> = {};
    for (const o of own) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
    const byWorker = own.filter((o) => o.byWorker).length;
    return {
      cls,
      requests: requests.get(cls) ?? 0,
      replayed: own.length,
      replayedByWorker: byWorker,
      workerInvocations: Math.round(byWorker * weight(cls)),
      statuses,
      limited: Math.round(limited.get(cls) ?? 0),
    };
  });
  return { classes, cronRuns, workerInvocations: Math.round(total), limitReachedAtMs };
}
