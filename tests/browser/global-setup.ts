// Starts the Worker for the browser tests: a copy of the project (the test site in its
// src/site-config.ts) over a test corpus, served by `wrangler dev` on a free port of 127.0.0.1
// in its own process group. The copy builds its own assets and manifest, so nothing the
// checkout's build wrote (dist/site/, src/generated/) is touched.
import { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import type { RunningServer } from "../../scripts/process-group.ts";
import { articleText, fileNameOf, idOf } from "../support/articles.ts";
import { makeProjectCopy, ROOT, removeTempDirs } from "../support/project-copy.ts";
import { startTestWranglerDev } from "../support/test-wrangler-dev.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the Worker under test answers, e.g. "http://127.0.0.1:41234". */
    baseUrl: string;
  }
}

const ARTIFACTS = join(ROOT, "test-artifacts");
/** Enough filler that the archive needs three pages (at 20 a page). */
const FILLER_COUNT = 40;
/** wrangler dev builds the corpus and loads its assets before the first answer. */
const READY_TIMEOUT_MS = 120_000;

/** Filler articles, one a day through January–February 2024: older than every fixture. */
function writeFiller(dir: string): void {
  for (let n = 0; n < FILLER_COUNT; n++) {
    const date = new Date(Date.UTC(2024, 0, 1 + n, 12, 0, 0)).toISOString().slice(0, 19).replace("T", " ");
    const text = articleText({
      title: `Archive report ${n + 1}`,
      date,
      abstract: `Summary of archive report ${n + 1}, one of the older articles.`,
      paragraphs: [`Body of archive report ${n + 1}.`],
    });
    writeFileSync(join(dir, fileNameOf(800 + n, idOf(0xa000 + n))), text);
  }
}

/**
 * The hand-written fixtures (with their images) and the filler, as the copy's articles/. Not the
 * checkout's articles/: the site owner's, which must not change what the pages hold (one
 * right-to-left title, three list pages).
 */
function writeCorpus(dir: string): void {
  const fixtures = join(ROOT, "tests/browser/fixtures");
  for (const name of readdirSync(fixtures).filter((n) => n.endsWith(".txt"))) {
    copyFileSync(join(fixtures, name), join(dir, name));
  }
  cpSync(join(ROOT, "tests/browser/fixtures/media"), join(dir, "media"), { recursive: true });
  writeFiller(dir);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const copy = makeProjectCopy("browser", 0);
  writeCorpus(join(copy, "articles"));
  // This run's log only: the server appends to it.
  const logFile = join(ARTIFACTS, "browser-wrangler.log");
  rmSync(logFile, { force: true });
  let server: RunningServer;
  try {
    server = await startTestWranglerDev(copy, { logFile, timeoutMs: READY_TIMEOUT_MS });
  } catch (error) {
    removeTempDirs();
    throw error;
  }
  project.provide("baseUrl", server.origin);
  return async () => {
    await server.stop();
    removeTempDirs();
  };
}
