import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FeedItem, FeedKind } from "./feed-item.ts";
import { runToolAsync } from "./run-tool.ts";

const SOURCE = fileURLToPath(new URL("read-with-gofeed.go", import.meta.url));
/** Where Debian's golang-*-dev packages put their sources (GOPATH layout). */
const DEBIAN_GOPATH = "/usr/share/gocode";

interface GofeedOutput {
  readonly url: string;
  readonly feedType?: string;
  readonly error?: string;
  readonly items: readonly {
    readonly guid: string;
    readonly link: string;
    readonly title: string;
    readonly description: string;
    readonly descriptionShown: string;
    readonly publishedMs: number | null;
  }[];
}

/**
 * Reads `feeds` with gofeed (Debian's golang-github-mmcdole-gofeed-dev), which fetches each over
 * HTTP itself, and returns per URL its items as a reader built on gofeed shows them, or the
 * error gofeed gave. gofeed hands every format's item over as one shape, whose Title is an RSS
 * title (text) and whose Description an RSS description (HTML), so such a reader prints the
 * title as text and renders the description as HTML: what is compared for RSS and Atom is the
 * text a browser shows for it. A JSON Feed summary is plain text by that format's own definition
 * and gofeed passes it on untouched, so it is compared as text (no JSON Feed can be written
 * that a reader rendering it as HTML would show as written: see docs/conformance.md).
 */
export async function readWithGofeed(
  feeds: readonly { readonly url: string; readonly kind: FeedKind }[],
): Promise<ReadonlyMap<string, readonly FeedItem[] | Error>> {
  const dir = mkdtempSync(join(tmpdir(), "gofeed-"));
  try {
    const binary = join(dir, "read-with-gofeed");
    // GOPATH mode on Debian's packaged sources: no module download, nothing but apt needed.
    // No cgo, so no C compiler either. The build cache is Go's usual one, kept between runs.
    const env = {
      ...process.env,
      GO111MODULE: "off",
      GOPATH: DEBIAN_GOPATH,
      GOFLAGS: "",
      GOPROXY: "off",
      GOTOOLCHAIN: "local",
      CGO_ENABLED: "0",
    };
    const build = await runToolAsync("go", ["build", "-o", binary, SOURCE], env);
    if (build.status !== 0) throw new Error(`go build read-with-gofeed.go exited ${build.status}: ${build.stderr}`);
    const run = await runToolAsync(
      binary,
      feeds.map((feed) => feed.url),
    );
    if (run.status !== 0) throw new Error(`read-with-gofeed exited ${run.status}: ${run.stderr.trim()}`);
    const kinds = new Map(feeds.map((feed) => [feed.url, feed.kind]));
    const results = new Map<string, readonly FeedItem[] | Error>();
    for (const line of run.stdout.split("\n").filter((text) => text !== "")) {
      const output = JSON.parse(line) as GofeedOutput;
      const kind = kinds.get(output.url);
      if (output.error !== undefined || kind === undefined) {
        results.set(output.url, new Error(`gofeed: ${output.error ?? "a URL it was not given"}`));
      } else if (output.feedType !== kind) {
        results.set(output.url, new Error(`gofeed took it for ${output.feedType}, not ${kind}`));
      } else {
        results.set(
          output.url,
          output.items.map((item) => ({
            id: item.guid,
            link: item.link,
            title: item.title,
            summary: kind === "json" ? item.description : item.descriptionShown,
            publishedMs: item.publishedMs ?? undefined,
          })),
        );
      }
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
