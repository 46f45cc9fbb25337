// The conformance suite: serves each corpus with `wrangler dev` and reads it over HTTP with
// parsers and validators nobody here wrote. See docs/conformance.md.
// Usage: npm run conformance [-- --articles DIR [--articles DIR …]]
// Prints `PASS name` or `FAIL name: reason` per check, then `N passed, M failed`; exits 1 on
// any failure.
import { writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { killStartedGroupsSync, type RunningServer } from "../../scripts/process-group.ts";
import { copyProject, type ProjectCopy, ROOT } from "../support/project-copy.ts";
import { testSiteConfigModule } from "../support/test-site.ts";
import { startTestWranglerDev } from "../support/test-wrangler-dev.ts";
import { checkFeeds } from "./check-feeds.ts";
import { checkHttp } from "./check-http.ts";
import { checkOpml } from "./check-opml.ts";
import { checkSite } from "./check-site.ts";
import { type Corpus, loadCorpus } from "./load-corpus.ts";
import { Report } from "./report.ts";

const DEFAULT_CORPORA = ["articles", "tests/fixtures/tricky-articles", "tests/fixtures/metadata-articles"];
/**
 * How long wrangler dev may take to answer first: it builds every article before, so a larger
 * corpus is given longer.
 */
const READY_TIMEOUT_MS = 90_000;
const READY_TIMEOUT_MS_PER_ARTICLE = 2;

const { values } = parseArgs({ options: { articles: { type: "string", multiple: true } } });
const corpora = (values.articles?.length ? values.articles : DEFAULT_CORPORA.map((dir) => resolve(ROOT, dir))).map(
  (dir) => resolve(dir),
);

const copies = new Set<ProjectCopy>();
/** Whatever happens (failure, Ctrl-C, kill), no server and no temporary copy outlives us. */
function cleanUpSync(): void {
  killStartedGroupsSync();
  for (const copy of copies) copy.remove();
  copies.clear();
}
process.on("exit", cleanUpSync);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    process.stderr.write(`\n${signal}: stopping the servers started by this run\n`);
    cleanUpSync();
    process.exit(130);
  });
}

async function runCorpus(report: Report, dir: string): Promise<void> {
  let corpus: Corpus | undefined;
  const label = dir.slice(dir.lastIndexOf("/") + 1);
  const name = (check: string) => `[${label}] ${check}`;
  await report.check(name(`${relative(process.cwd(), dir) || "."} loads with the project's loader`), () => {
    corpus = loadCorpus(dir, Date.now());
    return [];
  });
  if (!corpus) return;
  const articleCount = corpus.published.length + corpus.scheduled.length;

  const copy = copyProject("conformance");
  copies.add(copy);
  // Served as the test site, whatever the checkout's own configuration says (its itemsPerFeed
  // decides how many list pages the corpus fills).
  writeFileSync(join(copy.dir, "src", "site-config.ts"), testSiteConfigModule(corpus.site));
  let worker: RunningServer | undefined;
  try {
    await report.check(name("wrangler dev builds the Worker and answers on a free 127.0.0.1 port"), async () => {
      // The copy's wrangler.toml [build] compiles ARTICLES_DIR before wrangler dev answers.
      worker = await startTestWranglerDev(copy.dir, {
        env: { ARTICLES_DIR: dir },
        args: ["--log-level", "warn"],
        timeoutMs: READY_TIMEOUT_MS + articleCount * READY_TIMEOUT_MS_PER_ARTICLE,
      });
      return [];
    });
    if (!worker) return;
    process.stderr.write(
      `${label}: wrangler dev (pid ${worker.pid}) ready at ${worker.origin} in ${worker.startupMs.toFixed(0)} ms\n`,
    );
    const context = { report, corpus, baseUrl: worker.origin, name };
    const crawl = await checkSite(context);
    await checkFeeds(context, crawl);
    await checkHttp(context);
    await checkOpml(context);
  } finally {
    await worker?.stop();
    copy.remove();
    copies.delete(copy);
  }
}

const report = new Report();
const started = Date.now();
for (const dir of corpora) await runCorpus(report, dir);
process.stderr.write(
  `conformance: ${corpora.length} corpus/corpora in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
console.log(report.summary());
process.exitCode = report.failed > 0 ? 1 : 0;
