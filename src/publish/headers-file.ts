// The asset server's headers file (`_headers` in the assets folder, read by `wrangler dev` and
// `wrangler deploy`, never served): for each file it answers without the Worker, the headers
// the Worker would send for it (docs/static-assets.md#served-alone).
import { servedAloneHeaders } from "../serve/content-headers.ts";
import type { ServedAloneFile } from "./publish-fixed-files.ts";

/** Cloudflare reads at most 100 rules and lines of at most 2,000 characters. */
const MAX_RULES = 100;
const MAX_LINE = 2000;

/**
 * One rule for every article page, one per image extension (its type), and one per other file
 * (robots.txt, each icon): a handful of rules whatever the size of the site.
 */
function ruleOf(path: string): string {
  if (path.startsWith("/articles/")) return "/articles/*";
  const extension = /^\/media\/.*(\.[a-z0-9]+)$/.exec(path)?.[1];
  return extension === undefined ? path : `/media/*${extension}`;
}

/** The `_headers` text for `files`; throws if one rule would cover files that need different headers. */
export function renderHeadersFile(files: readonly ServedAloneFile[]): string {
  const rules = new Map<string, { readonly path: string; readonly lines: string[] }>();
  for (const file of files) {
    const rule = ruleOf(file.path);
    const headers = servedAloneHeaders(file.contentType, file.kind);
    const lines = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
    const known = rules.get(rule);
    if (known === undefined) rules.set(rule, { path: file.path, lines });
    else if (known.lines.join("\n") !== lines.join("\n"))
      throw new Error(`${file.path} and ${known.path} share the rule ${rule} but need different headers`);
  }
  if (rules.size > MAX_RULES) throw new Error(`${rules.size} header rules; Cloudflare reads at most ${MAX_RULES}`);
  const text = [...rules].map(([rule, { lines }]) => [rule, ...lines].join("\n")).join("\n");
  const long = text.split("\n").find((line) => line.length > MAX_LINE);
  if (long !== undefined) throw new Error(`a header line of ${long.length} characters: ${long.slice(0, 60)}…`);
  return files.length === 0 ? "" : `${text}\n`;
}
