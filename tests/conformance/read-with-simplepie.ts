import { fileURLToPath } from "node:url";
import type { FeedItem } from "./feed-item.ts";
import { runToolAsync } from "./run-tool.ts";

const SCRIPT = fileURLToPath(new URL("read-with-simplepie.php", import.meta.url));

interface SimplePieOutput {
  readonly url: string;
  readonly error?: string;
  readonly items: readonly {
    readonly id: string | null;
    readonly link: string | null;
    readonly titleShown: string | null;
    readonly descriptionShown: string | null;
    readonly publishedMs: number | null;
  }[];
}

/**
 * Reads RSS and Atom `urls` with SimplePie (Debian's libphp-simplepie, run by Debian's php-cli),
 * which fetches each over HTTP itself, and returns per URL its items as a PHP reader built on it
 * shows them, or SimplePie's error. get_title() and get_description() return HTML for the page
 * to print as it is, so what is compared is the text a browser shows for that HTML.
 */
export async function readWithSimplePie(
  urls: readonly string[],
): Promise<ReadonlyMap<string, readonly FeedItem[] | Error>> {
  const run = await runToolAsync("php", [SCRIPT, ...urls]);
  // Anything PHP says besides the JSON (a warning, an uncaught error) fails every feed of the run.
  if (run.status !== 0 || run.stderr.trim() !== "") {
    throw new Error(`read-with-simplepie.php exited ${run.status}: ${run.stderr.trim()}`);
  }
  const results = new Map<string, readonly FeedItem[] | Error>();
  for (const line of run.stdout.split("\n").filter((text) => text !== "")) {
    const output = JSON.parse(line) as SimplePieOutput;
    results.set(
      output.url,
      output.error !== undefined
        ? new Error(`SimplePie: ${output.error}`)
        : output.items.map((item) => ({
            id: item.id ?? "",
            link: item.link ?? "",
            title: item.titleShown ?? "",
            summary: item.descriptionShown ?? undefined,
            publishedMs: item.publishedMs ?? undefined,
          })),
    );
  }
  return results;
}
