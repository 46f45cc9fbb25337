// "A day of a news site" (docs/performance.md): a corpus built as a deploy builds it, served by
// `wrangler dev` (whose router applies [assets] run_worker_first and serves assets as
// Cloudflare's does), and the stated day (bench/traffic-day.ts) replayed twice: "before", every
// request to the Worker (run_worker_first = true), and "after", the [assets] rules of the
// checkout's wrangler.toml. The Worker is the project's, wrapped to mark its answers, so the
// count is of the requests the router really sent it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { parse, stringify } from "smol-toml";
import type { RunningServer } from "../scripts/process-group.ts";
import { readMedia } from "../scripts/read-media.ts";
import { startWranglerDev } from "../scripts/wrangler-dev-server.ts";
import { idFromPath, loadArticles } from "../src/load/load-articles.ts";
import { formatProblem } from "../src/load/problem.ts";
import { countListPages } from "../src/model/list-pages.ts";
import { articlePath, isServedImage, SITE_DIR } from "../src/model/paths.ts";
import { ARTICLES_PER_SITEMAP } from "../src/render/site-files/sitemap.ts";
import { siteConfig } from "../src/site-config.ts";
import { copyProject, publishCommand } from "./build-worker.ts";
import { cronRunsPerDay } from "./cron-runs.ts";
import { writeCorpus } from "./generate-corpus.ts";
import { replayRequests, WORKER_MARK } from "./replay-traffic.ts";
import { runCommand } from "./run-command.ts";
import { type DayRequest, planDay, type SiteFacts, sampleDay } from "./traffic-day.ts";
import { type RoutingTally, tallyDay } from "./traffic-tally.ts";

/** Every this many articles has a picture, the newest among them. */
export const IMAGE_EVERY = 5;

export interface TrafficDayResult {
  readonly articles: number;
  /** Every `sample`th request of each class was replayed. */
  readonly sample: number;
  readonly requests: number;
  readonly replayed: number;
  /** The checkout's run_worker_first, as written in its wrangler.toml. */
  readonly shippedRule: string;
  /** Of the published articles and their images, how many the build wrote at their own path. */
  readonly staticPages: { readonly files: number; readonly of: number };
  readonly staticImages: { readonly files: number; readonly of: number };
  readonly before: RoutingTally;
  readonly after: RoutingTally;
  readonly replayMs: { readonly before: number; readonly after: number };
}

/** The project's Worker as it is, each of its responses marked, for `main` in the copy. */
const MARKING_WORKER = `// Written by bench/measure-traffic-day.ts: the project's Worker unchanged, with a mark on every
// response it gives, so the replay tells its answers from the asset server's.
import worker from "./src/index.ts";

export default {
  ...worker,
  async fetch(request, env, ctx) {
    const response = await worker.fetch(request, env, ctx);
    // A Response as the init keeps status, headers and the body's encoding as they were.
    const marked = new Response(response.body, response);
    marked.headers.set("${WORKER_MARK}", "1");
    return marked;
  },
};
`;
const MARKING_MAIN = "count-invocations.js";

type Assets = Record<string, unknown> & { run_worker_first?: unknown };

/** The copy's configuration with the marking Worker as `main`, and run_worker_first as given or as shipped. */
function writeConfig(dir: string, name: string, runWorkerFirst?: true): string {
  const config = parse(readFileSync(join(dir, "wrangler.toml"), "utf8"));
  const assets = config.assets as Assets | undefined;
  if (!assets) throw new Error("wrangler.toml: no [assets] table; the day is about what the asset server answers");
  const changed = {
    ...config,
    main: MARKING_MAIN,
    assets: runWorkerFirst ? { ...assets, run_worker_first: runWorkerFirst } : assets,
  };
  writeFileSync(join(dir, name), stringify(changed));
  return name;
}

/** The built site's addresses, from the corpus through the project's own loader and link rules. */
function readSiteFacts(corpusDir: string): SiteFacts {
  const sources = readdirSync(corpusDir)
    .filter((name) => idFromPath(name) !== undefined)
    .map((name) => ({ path: join(corpusDir, name), bytes: readFileSync(join(corpusDir, name)) }));
  const loaded = loadArticles(sources, siteConfig.timeZone, undefined, readMedia(corpusDir));
  const first = loaded.errors[0];
  if (first) throw new Error(`the corpus did not load: ${formatProblem(first)}`);
  const articles = loaded.articles.map((a) => ({
    id: a.id,
    path: articlePath(a),
    ...(a.image && isServedImage(a.image) ? { image: a.image.url } : {}),
  }));
  return {
    articles,
    pageCount: countListPages(siteConfig, articles.length),
    sitemapParts: Math.ceil(articles.length / ARTICLES_PER_SITEMAP),
  };
}

/** How many of `paths` the build wrote as files of the site at that very path. */
function countStatic(siteDir: string, paths: readonly string[]) {
  return { files: paths.filter((path) => existsSync(join(siteDir, path))).length, of: paths.length };
}

/** One `wrangler dev` over the built copy with `config`, the sample replayed through it. */
async function replayUnder(
  dir: string,
  config: string,
  sampled: readonly DayRequest[],
  log: (message: string) => void,
) {
  const label = config.replace(/\.toml$/, "");
  let dev: RunningServer | undefined;
  try {
    dev = await startWranglerDev(dir, {
      args: ["--config", config],
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false" },
      logFile: join(dir, `${label}.log`),
      timeoutMs: 120_000,
    });
    log(`${label}: replaying ${sampled.length.toLocaleString("en-US")} requests`);
    const started = performance.now();
    const outcomes = await replayRequests(dev.origin, sampled);
    const ms = performance.now() - started;
    const wrong = outcomes.filter((o) => !o.request.expect.includes(o.status));
    if (wrong.length > 0) {
      const examples = wrong
        .slice(0, 5)
        .map((o) => `${o.request.path} (${o.request.cls}): ${o.status}, expected ${o.request.expect.join(" or ")}`);
      // What wrangler dev logged about them: the work folder, and the log with it, is removed after the run.
      const errors = stripVTControlCharacters(readFileSync(join(dir, `${label}.log`), "utf8"))
        .split("\n")
        .filter((line) => /ERROR|Uncaught|Error:/.test(line))
        .slice(0, 3);
      const logged = errors.length > 0 ? `; wrangler dev logged: ${errors.join(" | ")}` : "";
      throw new Error(
        `${label}: ${wrong.length} answer(s) not as a correct site gives them: ${examples.join("; ")}${logged}`,
      );
    }
    return { outcomes, ms };
  } finally {
    await dev?.stop();
  }
}

/**
 * Builds `articles` (one in IMAGE_EVERY with a picture) in a project copy at `dir`, then replays
 * every `sample`th request of the day under each routing.
 */
export async function measureTrafficDay(
  articles: number,
  dir: string,
  sample: number,
  log: (message: string) => void,
): Promise<TrafficDayResult> {
  const corpusDir = join(dir, "articles");
  const workerDir = join(dir, "worker");
  log(`${articles} articles, a day of a news site: the corpus, one in ${IMAGE_EVERY} with a picture`);
  writeCorpus(articles, corpusDir, { imageEvery: IMAGE_EVERY });
  copyProject(workerDir);
  log(`${articles} articles, a day of a news site: a plain build, as a deploy's`);
  const [command, args] = publishCommand(corpusDir);
  await runCommand(command, args, { cwd: workerDir });

  const site = readSiteFacts(corpusDir);
  const siteDir = join(workerDir, SITE_DIR);
  const day = planDay(site);
  const sampled = sampleDay(day, sample);
  const shipped = parse(readFileSync(join(workerDir, "wrangler.toml"), "utf8"));
  const crons = ((shipped.triggers as { crons?: string[] } | undefined)?.crons ?? []).map(String);
  const cronRuns = cronRunsPerDay(crons);
  writeFileSync(join(workerDir, MARKING_MAIN), MARKING_WORKER);

  const before = await replayUnder(workerDir, writeConfig(workerDir, "before.toml", true), sampled, log);
  const after = await replayUnder(workerDir, writeConfig(workerDir, "after.toml"), sampled, log);
  return {
    articles,
    sample,
    requests: day.length,
    replayed: sampled.length,
    shippedRule: JSON.stringify((shipped.assets as Assets | undefined)?.run_worker_first ?? false),
    staticPages: countStatic(
      siteDir,
      site.articles.map((a) => a.path),
    ),
    staticImages: countStatic(
      siteDir,
      site.articles.flatMap((a) => (a.image ? [a.image] : [])),
    ),
    before: tallyDay(day, before.outcomes, cronRuns),
    after: tallyDay(day, after.outcomes, cronRuns),
    replayMs: { before: before.ms, after: after.ms },
  };
}
