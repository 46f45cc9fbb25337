import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { articleText, fileNameOf, idOf } from "../../support/articles.ts";
import { runBuild, siteDirFor, snapshotFolder } from "../../support/build-fixtures.ts";
import { makeTempDir, removeTempDirs, writeGoodArticles } from "../../support/project-copy.ts";

afterAll(removeTempDirs);

function sameFiles(a: ReadonlyMap<string, Buffer>, b: ReadonlyMap<string, Buffer>): boolean {
  return a.size === b.size && [...a].every(([path, bytes]) => b.get(path)?.equals(bytes) === true);
}

/**
 * Just under the 1 MiB an article may have: text gzip cannot shrink much (shard pages are stored
 * gzip-coded), then characters HTML escapes into five bytes each (a feed is stored as it is).
 */
function heavyText(seed: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?-'()";
  let state = seed;
  let text = "";
  for (let i = 0; i < 800_000; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    text += alphabet[(state >>> 16) % alphabet.length];
  }
  return `${text.trim()} ${"& ".repeat(100_000).trimEnd()}`;
}

/** Scheduled pages enough to fill 25 MiB of their shard even gzip-coded. */
const HEAVY = Array.from({ length: 45 }, (_, i) => 90 + i);

describe("an asset file over Cloudflare's 25 MiB", () => {
  it("fails the build naming each such file and what to do, and writes nothing", () => {
    const dir = makeTempDir("asset-size");
    const articles = join(dir, "articles");
    writeGoodArticles(articles, 2);
    const out = join(dir, "generated", "site-manifest.ts");
    expect(runBuild(articles, out).status).toBe(0);
    const site = siteDirFor(out);
    const before = snapshotFolder(join(dir, "generated"));

    // Such pages (some 600 KB each gzip-coded) share the shard of ids starting 000 with the two
    // already there; scheduled, so that they stay in it (a published page may be a file of its
    // own), and at one instant, so that the build renders one more state, not one per page.
    for (const n of HEAVY) {
      const text = articleText({
        title: `Long ${n}`,
        date: "2099-04-01 10:00:00",
        abstract: "A.",
        paragraphs: [heavyText(n)],
      });
      writeFileSync(join(articles, fileNameOf(n)), text);
    }
    const run = runBuild(articles, out);
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split("\n");
    const shardLine = new RegExp(
      `^${site}/a/000: [\\d,]+ bytes \\(the pages of the articles whose ids start with 000\\); expected at most 26,214,400 \\(25 MiB, Cloudflare's limit for one asset file\\): shorten the longest of those articles, or split it$`,
    );
    expect(lines.filter((line) => shardLine.test(line))).toHaveLength(1);
    const feedLine =
      /^.*\/s\/[0-9a-f]{32}: [\d,]+ bytes \(the body of \/atom\.xml\); expected at most 26,214,400 \(25 MiB, Cloudflare's limit for one asset file\): lower itemsPerFeed in src\/site-config\.ts, or shorten its longest articles$/;
    expect(lines.filter((line) => feedLine.test(line))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(
      /^build failed: \d+ asset file\(s\) over 25 MiB; nothing was written, the previous build is kept$/,
    );
    // Compared as a verdict: a diff of megabyte buffers would take minutes to print.
    expect(sameFiles(snapshotFolder(join(dir, "generated")), before)).toBe(true);
    expect(existsSync(`${site}.staging`)).toBe(false);
    expect(HEAVY.every((n) => idOf(n).startsWith("000"))).toBe(true);
  });
});
