import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { WrkSettings } from "./run-wrk.ts";

export interface BenchOptions {
  readonly quick: boolean;
  readonly sizes: readonly number[];
  readonly rounds: number;
  readonly wrk: WrkSettings;
  /** Repetitions of each build (ours and Hugo's) below 100,000 articles; the median is reported. */
  readonly buildRepeats: number;
  /** Corpus size to which one article is added, to measure what a deploy uploads again. */
  readonly deltaSize: number | undefined;
  readonly workDir: string;
  readonly outFile: string;
  /** Corpus size at which a day of a news site is replayed (bench/measure-traffic-day.ts). */
  readonly trafficSize: number | undefined;
  /** Every this many requests of the day's each class are replayed; 1 replays the whole day. */
  readonly trafficSample: number;
  /**
   * "noop": only the rebuilds with nothing changed (at deltaSize) and `wrangler dev` over a
   * previous build (at the sizes from 100,000, else the largest), for a run of minutes.
   * "large-body": only the concurrent GETs of a 24 MiB image (bench/measure-large-body.ts).
   * "traffic-day": only the day of a news site, at trafficSize.
   * "serving": only one build per size, its fresh isolates and its steady state against the floor.
   */
  readonly only: (typeof ONLY)[number] | undefined;
}

const ONLY = ["noop", "large-body", "traffic-day", "serving"] as const;

const USAGE = `usage: npm run bench -- [--quick] [--sizes 100,1000,10000] [--rounds N] [--duration SECONDS]
       [--threads N] [--connections N] [--builds N] [--work DIR] [--out FILE] [--only noop|large-body|traffic-day|serving]
       [--traffic-sample N]
  --quick   2 s per wrk run, 1 round, one build each, corpora of 100 and 1,000 (a smoke test)
  default   3 s per wrk run, 3 rounds, 3 builds each (one at 100,000), corpora of 1,000, 10,000
            and 100,000; one article is added, and one edited, at 10,000 (or the largest size below)
  --only noop   only the rebuild with nothing changed (at 10,000 or the largest size below) and
                \`wrangler dev\` started over a previous build (from 100,000, else the largest size)
  --only large-body   only 10 concurrent GETs of a 24 MiB image, and of a tiny one, with the
                      isolate's memory sampled
  --only traffic-day   only a day of a news site replayed under wrangler dev (at 10,000 or the
                       largest size below)
  --only serving   only one build per size, then its first requests in fresh isolates and its
                   steady state against the floor Worker (what the Worker itself costs)
  --traffic-sample N   replay every Nth request of that day (10 unless given; 1: all of it)`;

function readPositive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} ${value}: expected a positive whole number\n${USAGE}`);
  return n;
}

export function readOptions(args: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      quick: { type: "boolean", default: false },
      sizes: { type: "string" },
      rounds: { type: "string" },
      duration: { type: "string" },
      threads: { type: "string" },
      connections: { type: "string" },
      builds: { type: "string" },
      work: { type: "string" },
      out: { type: "string" },
      only: { type: "string" },
      "traffic-sample": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const sizes = (values.sizes ?? (quick ? "100,1000" : "1000,10000,100000"))
    .split(",")
    .map((s) => readPositive("sizes", s.trim(), 0));
  const deltaSize = sizes.filter((n) => n <= 10_000).sort((a, b) => b - a)[0];
  const only = ONLY.find((name) => name === values.only);
  if (values.only !== undefined && only === undefined) {
    throw new Error(`--only ${values.only}: expected --only ${ONLY.join(" or --only ")}\n${USAGE}`);
  }
  return {
    quick,
    sizes,
    rounds: readPositive("rounds", values.rounds, quick ? 1 : 3),
    wrk: {
      threads: readPositive("threads", values.threads, 1),
      connections: readPositive("connections", values.connections, 10),
      durationSeconds: readPositive("duration", values.duration, quick ? 2 : 3),
    },
    buildRepeats: readPositive("builds", values.builds, quick ? 1 : 3),
    deltaSize,
    // Like one more article: the largest size up to 10,000, so a run of minutes.
    trafficSize: deltaSize,
    trafficSample: readPositive("traffic-sample", values["traffic-sample"], 10),
    workDir: values.work ?? join(tmpdir(), "feed-publisher-bench"),
    outFile: values.out ?? "BENCHMARKS.md",
    only,
  };
}
