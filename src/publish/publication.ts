import type { Article } from "../model/article.ts";

/** What is visible at an instant: scheduled articles stay hidden until their time. */
export interface Publication {
  /** Published articles, newest first. */
  readonly published: readonly Article[];
  /** The next scheduled article's instant, if any: everything may change then. */
  readonly nextAt: number | undefined;
  /** How many articles are still scheduled; identifies the publication state. */
  readonly scheduledCount: number;
}

/**
 * How many of the newest-first articles are still in the future at `now`. A binary search,
 * so finding the state costs O(log n) per request whatever the number of articles.
 */
export function countScheduled(newestFirst: readonly Article[], now: number): number {
  let low = 0;
  let high = newestFirst.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((newestFirst[mid]?.published.epochMs ?? 0) > now) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function publicationOf(newestFirst: readonly Article[], scheduledCount: number): Publication {
  return {
    published: newestFirst.slice(scheduledCount),
    nextAt: newestFirst[scheduledCount - 1]?.published.epochMs,
    scheduledCount,
  };
}
