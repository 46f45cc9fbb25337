import type { Sample } from "./measure-serving.ts";

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Medians over rounds; socket errors summed. */
export function summarize(samples: readonly Sample[]): Sample {
  return {
    requestsPerSecond: median(samples.map((s) => s.requestsPerSecond)),
    cpuUsPerRequest: median(samples.map((s) => s.cpuUsPerRequest)),
    socketErrors: samples.reduce((sum, s) => sum + s.socketErrors, 0),
  };
}

/** CPU per request of `a` over `b`: the median over rounds of the ratio within each round. */
export function cpuRatio(a: readonly Sample[], b: readonly Sample[]): number {
  const rounds = Math.min(a.length, b.length);
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    ratios.push((a[i] as Sample).cpuUsPerRequest / (b[i] as Sample).cpuUsPerRequest);
  }
  return median(ratios);
}
