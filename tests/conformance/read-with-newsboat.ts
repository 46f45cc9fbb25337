import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FeedItem } from "./feed-item.ts";
import { newsboatEnv } from "./newsboat-home.ts";
import { runTool } from "./run-tool.ts";

/** Debian's python, whose sqlite3 module reads newsboat's cache. */
const PYTHON = process.env.CONFORMANCE_PYTHON ?? "/usr/bin/python3";
const READ_CACHE_PY = fileURLToPath(new URL("read-newsboat-cache.py", import.meta.url));

interface CacheDump {
  readonly feeds: Readonly<Record<string, string>>;
  readonly items: readonly {
    readonly feedurl: string;
    readonly guid: string;
    readonly title: string;
    readonly url: string;
    readonly pubDate: number;
  }[];
}

/**
 * Subscribes newsboat (the terminal reader, Debian's package) to `urls`, lets it fetch them
 * over HTTP with `-x reload`, and returns per URL the items it stored, titles as it shows
 * them. Everything it writes (cache, config, lock, its ~/.newsboat) lives in a temporary
 * HOME that is removed afterwards: the user's own newsboat is never touched. A URL it could
 * not read is missing from the result; its error log is thrown with the cause.
 */
export function readWithNewsboat(urls: readonly string[]): ReadonlyMap<string, readonly FeedItem[]> {
  const home = mkdtempSync(join(tmpdir(), "newsboat-"));
  try {
    const errorLog = join(home, "error.log");
    writeFileSync(join(home, "urls"), `${urls.join("\n")}\n`);
    // An empty config is newsboat's defaults; the error log says why a feed was not read.
    writeFileSync(join(home, "config"), `error-log "${errorLog}"\n`);
    writeFileSync(errorLog, "");
    const cache = join(home, "cache.db");
    const env = newsboatEnv(home);
    const run = runTool(
      "newsboat",
      ["-u", join(home, "urls"), "-C", join(home, "config"), "-c", cache, "-x", "reload"],
      undefined,
      env,
    );
    if (run.status !== 0) throw new Error(`newsboat -x reload exited ${run.status}: ${run.stderr.trim()}`);
    const dump = runTool(PYTHON, [READ_CACHE_PY, cache]);
    if (dump.status !== 0) throw new Error(`read-newsboat-cache.py exited ${dump.status}: ${dump.stderr.trim()}`);
    const { feeds, items } = JSON.parse(dump.stdout) as CacheDump;
    const missing = urls.filter((url) => !(url in feeds));
    if (missing.length > 0) {
      throw new Error(`newsboat did not read ${missing.join(", ")}: ${readFileSync(errorLog, "utf8").trim()}`);
    }
    return new Map(
      urls.map((url) => [
        url,
        items
          .filter((item) => item.feedurl === url)
          .map((item) => ({ id: item.guid, link: item.url, title: item.title, publishedMs: item.pubDate * 1000 })),
      ]),
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
