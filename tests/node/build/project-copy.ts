import { cpSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { testSiteConfigModule } from "../../support/test-site.ts";
import { makeTempDir, ROOT, writeGoodArticles } from "./build-fixtures.ts";

/**
 * A copy of the project in a temp folder: package.json, src/ (but its build output) and scripts/, the test
 * site in src/site-config.ts, `count` good articles, and wrangler.toml as it is but for the
 * Worker's name and the build command (this Node, no npm). Links follow BASE_URL in the
 * environment of whatever builds it.
 */
export function makeProjectCopy(prefix: string, count = 2): string {
  const dir = makeTempDir(prefix);
  const generated = join(ROOT, "src/generated");
  for (const part of ["src", "scripts"]) {
    cpSync(join(ROOT, part), join(dir, part), { recursive: true, filter: (path) => !path.startsWith(generated) });
  }
  cpSync(join(ROOT, "package.json"), join(dir, "package.json"));
  writeFileSync(join(dir, "src/site-config.ts"), testSiteConfigModule());
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  writeGoodArticles(join(dir, "articles"), count);
  writeFileSync(
    join(dir, "wrangler.toml"),
    readFileSync(join(ROOT, "wrangler.toml"), "utf8")
      .replace(/^name = .*$/m, `name = "feed-publisher-${prefix}"`)
      .replace(/^command = .*$/m, `command = '"${process.execPath}" scripts/build-articles.ts'`),
  );
  return dir;
}
