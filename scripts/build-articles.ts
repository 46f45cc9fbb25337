// Publishes articles/: every body into the static assets (dist/site/) and the manifest the Worker
// imports (src/generated/site-manifest.ts). See docs/static-assets.md.
// Usage: node scripts/build-articles.ts [--articles DIR] [--out FILE] [--site DIR] [--config FILE]
// (ARTICLES_DIR and SITE_DIR in the environment also select the folders.) Links start with the
// site's address (scripts/site-address.ts): BASE_URL from the environment or wrangler.toml; a
// build for `wrangler deploy` or `wrangler versions upload` refuses a missing or local one. It
// first checks src/site-config.ts.
// On any error it prints every problem, writes nothing and exits 1 (0 under a running
// wrangler dev, see below), so the last good build stays in place.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { checkSiteConfig } from "../src/load/check-site-config.ts";
import { classifyEntries, skippedNotice } from "../src/load/classify-entries.ts";
import { idFromPath, loadArticles, type SourceFile } from "../src/load/load-articles.ts";
import { formatProblem } from "../src/load/problem.ts";
import type { ArticleBundle } from "../src/model/article.ts";
import { mediaNameOf, SITE_DIR } from "../src/model/paths.ts";
import { latestOf, wholeSeconds } from "../src/model/time.ts";
import { publishSite } from "../src/publish/publish-site.ts";
import { PAGE_STYLE } from "../src/render/pages/page-style.ts";
import { siteConfig } from "../src/site-config.ts";
import { type AssetSize, MAX_ASSET_BYTES, oversizedAssetLines } from "./asset-size-limit.ts";
import { displayPath, readText, writeAtomically } from "./build-files.ts";
import { writeDeploymentPings } from "./deployment-pings.ts";
import { FREE_PLAN_ASSET_FILES, SERVED_ALONE_MAX_FILES } from "./file-budget.ts";
import { generatedIcons, readIcons } from "./generated-icons.ts";
import { generatedBuildKind, generatedModule } from "./generated-module.ts";
import { readGitState, readRevisions } from "./git-revisions.ts";
import { fingerprintInputs } from "./input-fingerprint.ts";
import { readLastBuild } from "./last-build.ts";
import { progressLine } from "./progress-line.ts";
import { readPublicationRecord, savePublicationRecord } from "./publication-record.ts";
import { ArticleChangedError, readBody, sha256Hex } from "./read-body.ts";
import { hasMediaFolder, readMedia } from "./read-media.ts";
import { nodeGzip, startRenderPool } from "./render-pool.ts";
import { reportSchedule } from "./report-schedule.ts";
import { baseUrlForBuild, readBaseUrlSetting, uploadingCommand, WRANGLER_CONFIG_FILE } from "./site-address.ts";
import { HEADERS_FILE, readWrittenShards, removeStaleFiles, SiteWriter } from "./site-files.ts";
import { exitStoppingWrangler } from "./stop-wrangler.ts";

const SITE_CONFIG_FILE = "src/site-config.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: process.env.ARTICLES_DIR || "articles" },
    out: { type: "string", default: "src/generated/site-manifest.ts" },
    site: { type: "string", default: process.env.SITE_DIR || SITE_DIR },
    // The wrangler configuration that holds the site's address.
    config: { type: "string", default: WRANGLER_CONFIG_FILE },
  },
});
const articlesDir = values.articles;
const outFile = values.out;
const siteDir = values.site;

/** Ends a build that cannot start, with one line saying why. */
function fail(message: string): Promise<never> {
  process.stderr.write(`${message}\n`);
  return exitStoppingWrangler(1);
}

/**
 * Ends a build that found errors, leaving every output as it was. `wrangler dev` (which sets
 * WRANGLER_COMMAND=dev for its custom build) holds every request after a failed rebuild until
 * the next good one (workers-sdk#10646). With a previous build in place, exit 0 so it reloads
 * that build and the running server keeps answering. Otherwise the wrangler that runs the
 * build is stopped, so its user reads these lines and no dump of the failed child process.
 */
async function failBuild(counts: string): Promise<never> {
  const previous = existsSync(outFile);
  const upload = uploadingCommand(process.env);
  const keepServing = process.env.WRANGLER_COMMAND === "dev" && previous;
  const kept = upload
    ? `nothing was uploaded; fix the problems above and run wrangler ${upload} again`
    : !previous
      ? "there is no previous build; fix the problems above and run the command again"
      : keepServing
        ? "the previous build is kept and wrangler dev keeps serving it"
        : "the previous build is kept";
  process.stderr.write(`build failed: ${counts}; nothing was written, ${kept}\n`);
  return keepServing ? process.exit(0) : exitStoppingWrangler(1);
}

const address = baseUrlForBuild(process.env, readBaseUrlSetting(process.env, values.config));
const origin = "problem" in address ? await fail(address.problem) : address.origin;

const configProblems = checkSiteConfig(siteConfig);
if (configProblems.length > 0) {
  const configLines = (readText(SITE_CONFIG_FILE) ?? "").split("\n");
  for (const { field, message } of configProblems) {
    const index = configLines.findIndex((line) => new RegExp(`^\\s*["']?${field}["']?\\s*:`).test(line));
    process.stderr.write(`${SITE_CONFIG_FILE}:${index + 1 || 1}: ${message}\n`);
  }
  await failBuild(`${configProblems.length} error(s) in ${SITE_CONFIG_FILE}`);
}
// Which command the build is for, first: wrangler dev reloads even after a failed build.
const buildKindFile = join(dirname(outFile), "build-kind.ts");
// Under wrangler dev the Worker answers every request, so that it can relink each body to the
// address dev listens on: nothing is served alone (docs/static-assets.md#served-alone).
const forWranglerDev = process.env.WRANGLER_COMMAND === "dev";
const buildKind = generatedBuildKind(forWranglerDev, PAGE_STYLE);
if (buildKind !== readText(buildKindFile)) writeAtomically(buildKindFile, buildKind);
// Nothing changed since the last build (docs/static-assets.md#builds): stop before reading an article.
const git = readGitState(articlesDir, ".");
const inputs = fingerprintInputs({ articlesDir, outFile, siteDir, baseUrl: origin, forWranglerDev, git });
const lastBuild = readLastBuild(siteDir, [outFile, join(dirname(outFile), "icons.ts")]);
if (lastBuild.matches(inputs)) {
  // Which feeds an upload changes depends on the live site, not on what this build would write.
  await writeDeploymentPings(outFile);
  process.stdout.write(
    `nothing changed since the last build of ${articlesDir} into ${displayPath(siteDir)}; nothing written\n`,
  );
  process.exit(0);
}
const names = await readdir(articlesDir).catch((cause: Error) =>
  fail(`${articlesDir}: cannot read the articles folder (${cause.message}); expected a folder of NNN_<hex>.txt files`),
);
// A link that leads nowhere is not a folder.
const isDirectory = (name: string) =>
  statSync(join(articlesDir, name), { throwIfNoEntry: false })?.isDirectory() ?? false;
const { read, skipped } = classifyEntries(names, isDirectory);
const notice = skippedNotice(displayPath(articlesDir), skipped);
if (notice !== undefined) process.stderr.write(`${notice}\n`);
// Cleared (done) before any other message, so no message lands on the end of the line.
const progress = progressLine();
progress.step("reading and parsing articles", read.length);
// Each file is read when the loader takes its bytes and dropped when it is parsed, and its body
// is read again whenever it is rendered: neither the sources of 100,000 articles (over 500 MB)
// nor their bodies (over 1 GB as strings) are ever all in memory.
function readAndLoad() {
  let taken = 0;
  const sources: SourceFile[] = read.map((name) => {
    const path = join(articlesDir, name);
    return {
      path: displayPath(path),
      get bytes() {
        progress.update(taken++);
        return readFileSync(path);
      },
      leaveBody: { file: path, sha256: sha256Hex, read: readBody },
    };
  });
  return loadArticles(sources, siteConfig.timeZone, undefined, media);
}
const media = hasMediaFolder(articlesDir) ? readMedia(articlesDir) : new Map();
const { articles, errors, warnings, media: served, dateLines } = readAndLoad();
progress.done();
for (const problem of [...warnings, ...errors]) process.stderr.write(`${formatProblem(problem)}\n`);
if (errors.length > 0) {
  const files = new Set(errors.map((e) => e.path)).size;
  await failBuild(`${errors.length} error(s) in ${files} file(s)`);
}
if (articles.length === 0) await fail(`${articlesDir}: no articles found; expected at least one NNN_<hex>.txt file`);
// Said before the long render, so a date typo shows at once; the record is the last build's.
const lastPublication = readPublicationRecord(siteDir);
const site = { ...siteConfig, baseUrl: origin };
const schedule = reportSchedule({ articles, dateLines, site, now: Date.now(), previous: lastPublication });
for (const line of schedule.warnings) process.stderr.write(`${line}\n`);

// Dated by git history, so a build is a function of the commit; uncommitted files by their
// modification time, and only what is outside a git work tree by the build's clock.
progress.step("dating articles from git");
const mediaNames = [...media.keys()].map((name) => `media/${name}`);
const now = wholeSeconds(Date.now());
const revisions = readRevisions(git, articlesDir, [...read, ...mediaNames], ".", now);
progress.done();
for (const line of revisions.notices) process.stderr.write(`${line}\n`);
const servedImageNames = new Map(
  articles.flatMap((a) => {
    const name = a.image && served.has(a.image.url) ? mediaNameOf(a.image.url) : undefined;
    return name === undefined ? [] : [[a.id, name]];
  }),
);
const bundle: ArticleBundle = {
  articles,
  revisedAt: revisions.templatesRevisedAt,
  articleRevisedAt: Object.fromEntries(
    read.flatMap((name) => {
      const id = idFromPath(name);
      const at = revisions.articlesRevisedAt.get(name);
      return id === undefined || at === undefined ? [] : [[id, Math.max(at, imageRevisedAt(id))]];
    }),
  ),
};

/**
 * One line naming the newest input whose commit is dated after `now` (uncommitted files are
 * dated no later than the clock by readRevisions), or undefined when there is none.
 */
function datedAhead(dates: typeof revisions, now: number): string | undefined {
  const ahead = [...dates.articlesRevisedAt]
    .filter(([, at]) => at > now)
    .map(([name, at]) => ({
      what: `the last commit of ${displayPath(join(articlesDir, name))}`,
      at,
    }));
  if (dates.templatesRevisedAt > now)
    ahead.push({ what: "the last commit of the templates (src/, package-lock.json)", at: dates.templatesRevisedAt });
  if (ahead.length === 0) return undefined;
  const newest = ahead.reduce((a, b) => (b.at > a.at ? b : a));
  const others = ahead.length > 1 ? ` (and ${ahead.length - 1} more)` : "";
  const iso = (at: number) => new Date(at).toISOString().replace(".000Z", "Z");
  return `warning: ${newest.what}${others} is dated ${iso(newest.at)}, after this machine's clock (${iso(now)}); publication starts from the clock, so nothing scheduled in between comes early, but check both clocks: one of them is probably wrong`;
}

/** A page shows its article's image, so a new image file is a revision of the article too. */
function imageRevisedAt(id: string): number {
  const name = servedImageNames.get(id);
  return (name && revisions.articlesRevisedAt.get(`media/${name}`)) || 0;
}
// No request comes before the newest input's date, so earlier publication states are not rendered.
const sourceDate = latestOf(revisions.articlesRevisedAt.values(), revisions.templatesRevisedAt);
// But requests do come before a date in the future (a commit made on a machine whose clock runs
// ahead, or through an API): starting there would publish what is scheduled until then early.
// The clock only decides while it is behind the commit, so once that date has passed every
// build of the commit writes the same bytes again, and until then two builds differ only when
// an article's instant falls between them.
const from = Math.min(sourceDate, now);
const ahead = datedAhead(revisions, now);
if (ahead !== undefined) process.stderr.write(`${ahead}\n`);
// The writer first: it clears what a stopped first build left, which no shard may be taken from.
const writer = new SiteWriter(siteDir);
const written = readWrittenShards(siteDir);
// Shards are staged as they are rendered (never held all at once); each is checked first.
const sizes: AssetSize[] = [];
progress.step("rendering articles", articles.length);
const pool = startRenderPool();
const published = await publishSite({
  site,
  bundle,
  icons: readIcons(),
  media: served,
  from,
  sha256: (bytes) => createHash("sha256").update(bytes).digest(),
  // zlib's default level, fixed: the bytes name files and give ETags, so every build must write
  // the same ones, and they are CompressionStream's in Node (tests/integration/git-revisions.test.ts).
  gzip: nodeGzip,
  alreadyWritten: written.has,
  writeShard: (path, bytes) => {
    sizes.push({ path, bytes: bytes.length });
    return bytes.length <= MAX_ASSET_BYTES ? writer.write(path, bytes) : Promise.resolve();
  },
  onProgress: progress.update,
  renderArticleShard: pool.renderArticleShard,
  renderFeedPageShard: pool.renderFeedPageShard,
  ...(forWranglerDev ? {} : { servedAlone: { maxFiles: SERVED_ALONE_MAX_FILES } }),
})
  .catch(async (error: unknown) => {
    if (!(error instanceof ArticleChangedError)) throw error;
    progress.done();
    await writer.abandon();
    process.stderr.write(`${error.message}\n`);
    return failBuild("an article changed during the build");
  })
  .finally(pool.close);

progress.done();
// Imported only now: its headers name the page style's hash, which this build has just written.
const { renderHeadersFile } = await import("../src/publish/headers-file.ts");
const headersFile = renderHeadersFile(published.servedAlone);
const files = new Map(published.files);
if (headersFile !== "") files.set(HEADERS_FILE, new TextEncoder().encode(headersFile));
for (const [path, bytes] of files) sizes.push({ path, bytes: bytes.length });
const oversized = oversizedAssetLines(displayPath(siteDir), sizes, published.manifest);
if (oversized.length > 0) {
  await writer.abandon();
  for (const line of oversized) process.stderr.write(`${line}\n`);
  await failBuild(`${oversized.length} asset file(s) over 25 MiB`);
}

const previous = readText(outFile) ?? "";
const output = generatedModule(published.manifest, displayPath(articlesDir));
// Files first, then the manifest that names them, then what no manifest names any more: a
// build killed at any point leaves a manifest whose files are all there.
progress.step("writing files", files.size);
let checked = 0;
for (const [path, bytes] of files) {
  progress.update(checked++);
  await writer.write(path, bytes);
}
// The record goes before anything lands in the site, so a build killed midway is never reused.
lastBuild.forget();
await writer.commit();
if (output !== previous) writeAtomically(outFile, output);
const shardKeys = new Map([
  ...published.articleShardKeys,
  ...published.articlePageKeys,
  ...published.feedPageShardKeys,
]);
const kept = new Set([...files.keys(), ...shardKeys.keys()]);
removeStaleFiles(siteDir, kept);
written.save(shardKeys);
savePublicationRecord(siteDir, articles, siteConfig.timeZone);
const iconsFile = join(dirname(outFile), "icons.ts");
const icons = generatedIcons();
if (icons !== readText(iconsFile)) writeAtomically(iconsFile, icons);
if (!revisions.clockDated) lastBuild.save(inputs);
progress.done();
const { scheduled } = schedule;
// Cloudflare refuses a deployment with more asset files than the plan allows; say so before it does.
// The headers file is configuration, not an asset.
const assetFiles = kept.size - (kept.has(HEADERS_FILE) ? 1 : 0);
if (assetFiles > FREE_PLAN_ASSET_FILES) {
  process.stderr.write(
    `${displayPath(siteDir)}: ${assetFiles} asset files, more than the ${FREE_PLAN_ASSET_FILES} a deployment may have on Cloudflare's free plan (100,000 on paid plans); each article scheduled for later adds about 13 (docs/static-assets.md#limits)\n`,
  );
}
process.stdout.write(
  `built ${articles.length} article(s) from ${articlesDir}${scheduled ? ` (${scheduled} scheduled for later)` : ""} into ${displayPath(siteDir)}: ${assetFiles} files, ${writer.changed} changed, ${published.renderedArticleShards} of ${published.articleShardKeys.size} article shards rendered, ${published.renderedFeedPageShards} of ${published.feedPageShardKeys.size} feed-page shards\n`,
);
for (const line of schedule.lines) process.stdout.write(`${line}\n`);
// Whatever the rest of the build rewrote: which feeds the hub hears of depends on the live site.
await writeDeploymentPings(outFile);
