// Starts a new article: writes articles/NNN_<fresh id>.txt with the title, the current time in
// the site's time zone, and an abstract and a body for the author to replace; prints its path.
// Usage: node scripts/new-article.ts [--articles DIR] "Title"   (npm run new -- "Title")
// (ARTICLES_DIR in the environment also selects the folder, as for the build.)
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { isValidTimeZone } from "../src/load/zoned-time.ts";
import { siteConfig } from "../src/site-config.ts";
import { displayPath } from "./build-files.ts";
import { newArticleFile } from "./new-article-file.ts";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  return process.exit(1) as never;
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { articles: { type: "string", default: process.env.ARTICLES_DIR || "articles" } },
    });
  } catch (cause) {
    return fail(`new-article: ${(cause as Error).message}; expected npm run new -- "Title" [--articles DIR]`);
  }
})();
const articlesDir = values.articles;

if (!isValidTimeZone(siteConfig.timeZone)) {
  fail(
    `src/site-config.ts: time zone "${siteConfig.timeZone}" is not an IANA time zone; expected e.g. "UTC" or "Europe/Kyiv"`,
  );
}
let existingNames: string[];
try {
  existingNames = readdirSync(articlesDir);
} catch (cause) {
  fail(`${articlesDir}: cannot read the articles folder (${(cause as Error).message}); expected an existing folder`);
}

// Words given without quotes arrive one by one; they are one title.
const file = newArticleFile({
  title: positionals.join(" "),
  now: Date.now(),
  timeZone: siteConfig.timeZone,
  existingNames,
});
if (!file.ok) fail(`new-article: ${file.message}`);

const path = join(articlesDir, file.name);
try {
  // "wx": created here or not at all, so an existing file is never overwritten.
  writeFileSync(path, file.text, { flag: "wx" });
} catch (cause) {
  fail(`${displayPath(path)}: cannot create the article (${(cause as Error).message}); nothing was overwritten`);
}
process.stdout.write(`${displayPath(path)}\n`);
