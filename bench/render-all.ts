// Renders every output of a built corpus once, as a static-site generator would: the feeds,
// the index and every article page. Prints totals as JSON. The Worker itself renders lazily,
// on first request; this is the "render" part of the full build compared with Hugo's.
// Usage (cwd = a project copy whose src/generated/articles.ts is built): node bench/render-all.ts DIR
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: node bench/render-all.ts PROJECT_COPY_DIR\n");
  process.exit(2);
}
const load = (path: string) => import(pathToFileURL(join(dir, path)).href);

const start = performance.now();
// The generated module is one JSON string literal; reading it directly spares Node's type
// stripping of a 50 MB .ts file, which is no part of rendering.
const generated = readFileSync(join(dir, "src/generated/articles.ts"), "utf8");
const opening = generated.indexOf('JSON.parse("');
const closing = generated.lastIndexOf('");');
if (opening < 0 || closing < opening)
  throw new Error(`${dir}/src/generated/articles.ts: no JSON.parse("…") of the bundle found`);
const bundle = JSON.parse(JSON.parse(generated.slice(opening + "JSON.parse(".length, closing + 1)));
const { siteConfig } = await load("src/site-config.ts");
const { FEED_FORMATS } = await load("src/render/formats.ts");
const { renderIndexPage } = await load("src/render/index-page.ts");
const { renderArticlePage } = await load("src/render/article-page.ts");
const { articlePath } = await load("src/render/links.ts");

const site = { ...siteConfig, baseUrl: "https://bench.example" };
const outputs: string[] = [
  ...FEED_FORMATS.map((format: { render: (s: unknown, a: unknown) => string }) => format.render(site, bundle.articles)),
  renderIndexPage(site, bundle.articles),
  ...bundle.articles.map((article: unknown) => renderArticlePage(site, article)),
];
const encoder = new TextEncoder();
const bodies = outputs.map((text) => encoder.encode(text));
const ms = performance.now() - start;

// What carrying every body pre-compressed would add to the bundle (not part of the render time).
const gzipStart = performance.now();
let bytes = 0;
let gzipBytes = 0;
for (const body of bodies) {
  bytes += body.byteLength;
  gzipBytes += gzipSync(body, { level: 9 }).byteLength;
}
const gzipMs = performance.now() - gzipStart;
// An article in the middle of the archive: older than anything the feeds and index carry.
const samplePath: string = articlePath(bundle.articles[Math.floor(bundle.articles.length / 2)]);
// Another one, to tell a first page's one-off costs (compiling, Intl) from rendering one page.
const secondPath: string = articlePath(bundle.articles[Math.floor(bundle.articles.length / 4)]);
process.stdout.write(
  `${JSON.stringify({ ms, gzipMs, outputs: bodies.length, bytes, gzipBytes, samplePath, secondPath })}\n`,
);
