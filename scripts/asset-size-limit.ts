// Cloudflare serves no static asset file over 25 MiB, and `wrangler deploy` refuses the whole
// upload for one such file. The build checks each file it would write, before writing any, and
// says what the file holds and what makes it smaller.
import type { SiteManifest } from "../src/model/site-manifest.ts";
import { displayPath } from "./build-files.ts";

export const MAX_ASSET_BYTES = 25 * 1024 * 1024;

/** A file the build would write, by its asset path ("/a/3f2"), and its size. */
export interface AssetSize {
  readonly path: string;
  readonly bytes: number;
}

const FEWER_ITEMS = "lower itemsPerFeed in src/site-config.ts, or shorten its longest articles";

/** One `path: …; expected at most …` line per file over the limit, in path order. */
export function oversizedAssetLines(siteDir: string, sizes: readonly AssetSize[], manifest: SiteManifest): string[] {
  const routes = routesByFile(manifest);
  return sizes
    .filter(({ bytes }) => bytes > MAX_ASSET_BYTES)
    .toSorted((a, b) => (a.path < b.path ? -1 : 1))
    .map(({ path, bytes }) => {
      const [what, remedy] = describe(path, routes, manifest.feedPagesPerShard);
      return `${displayPath(`${siteDir}${path}`)}: ${bytes.toLocaleString("en")} bytes (${what}); expected at most ${MAX_ASSET_BYTES.toLocaleString("en")} (25 MiB, Cloudflare's limit for one asset file): ${remedy}`;
    });
}

/** What a file holds, and what makes it smaller. */
function describe(path: string, routes: ReadonlyMap<string, string>, feedPagesPerShard: number): [string, string] {
  const [, folder = "", name = ""] = path.split("/");
  if (folder === "a") {
    return [
      `the pages of the articles whose ids start with ${name}`,
      "shorten the longest of those articles, or split it",
    ];
  }
  if (folder === "p" || folder === "t") return [`list pages (${name})`, FEWER_ITEMS];
  if (folder === "f")
    return [`the feed pages of list pages from ${Number(name) * feedPagesPerShard + 1} on`, FEWER_ITEMS];
  const route = routes.get(path);
  if (route !== undefined) return [`the body of ${route}`, FEWER_ITEMS];
  return ["its bytes", "shorten the longest articles"];
}

/** Each whole file's first route ("/feed.json, gzip-coded"), by its asset path. */
function routesByFile(manifest: SiteManifest): Map<string, string> {
  const routes = new Map<string, string>();
  const name = (index: number, route: string) => {
    const file = manifest.files[index];
    if (file === undefined) return;
    if (!routes.has(file.path)) routes.set(file.path, route);
    if (file.gzip && !routes.has(file.gzip.path)) routes.set(file.gzip.path, `${route}, gzip-coded`);
  };
  for (const [route, index] of Object.entries(manifest.fixedRoutes)) name(index, route);
  for (const state of manifest.states) {
    for (const [route, index] of Object.entries(state.routes)) name(index, route);
    for (const [route, index] of Object.entries(state.previews)) name(index, `the browser preview of ${route}`);
  }
  return routes;
}
