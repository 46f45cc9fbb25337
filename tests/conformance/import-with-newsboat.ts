import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newsboatEnv } from "./newsboat-home.ts";
import { runTool } from "./run-tool.ts";

/** One line of newsboat's urls file: a subscription and the tags newsboat gave it. */
export interface ImportedFeed {
  readonly url: string;
  /** From the outlines around it: a folder in the OPML is a tag in newsboat. */
  readonly tags: readonly string[];
}

/**
 * Imports an OPML subscription list as a newsboat user does (`newsboat -i FILE`), and returns
 * the subscriptions it wrote to its urls file, in order. Like readWithNewsboat, it runs with a
 * temporary HOME holding its urls, config and cache, removed afterwards, so the user's own
 * newsboat is never touched. Throws with newsboat's output when the import fails.
 */
export function importWithNewsboat(opml: Uint8Array): ImportedFeed[] {
  const home = mkdtempSync(join(tmpdir(), "newsboat-import-"));
  try {
    const file = join(home, "feeds.opml");
    const urls = join(home, "urls");
    writeFileSync(file, opml);
    // An empty config is newsboat's defaults.
    writeFileSync(join(home, "config"), "");
    const env = newsboatEnv(home);
    const run = runTool(
      "newsboat",
      ["-u", urls, "-C", join(home, "config"), "-c", join(home, "cache.db"), "-i", file],
      undefined,
      env,
    );
    const output = `${run.stdout}${run.stderr}`.trim();
    if (run.status !== 0 || !existsSync(urls)) throw new Error(`newsboat -i exited ${run.status}: ${output}`);
    return readFileSync(urls, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("#"))
      .map((line) => {
        const [url = ""] = line.split(/\s+/, 1);
        return { url, tags: [...line.slice(url.length).matchAll(/"([^"]*)"/g)].map((match) => match[1] ?? "") };
      });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
