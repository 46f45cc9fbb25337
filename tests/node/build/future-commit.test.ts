import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readGeneratedModule } from "../../../scripts/generated-module.ts";
import { SITE_DIR } from "../../../src/model/paths.ts";
import { stateIndexAt } from "../../../src/model/site-manifest.ts";
import { articleText, fileNameOf, idOf } from "../../support/articles.ts";
import { fixedClockArgs } from "../../support/build-fixtures.ts";
import { commitFolder } from "../../support/git-repo.ts";
import { childEnv, makeProjectCopy, removeTempDirs } from "../../support/project-copy.ts";

afterAll(removeTempDirs);

const CLOCK = Date.UTC(2026, 0, 2, 3, 4, 5);
const HOUR = 3_600_000;
const COMMITTED = new Date(CLOCK + 48 * HOUR).toISOString();
const SCHEDULED_AT = CLOCK + 3 * HOUR;
/** The scheduled article's date line, in the test site's zone (UTC). */
const SCHEDULED_LINE = new Date(SCHEDULED_AT).toISOString().slice(0, 19).replace("T", " ");
const TITLE = "Announced at three";

describe("a commit dated two days after the build's clock", () => {
  it("publishes an article scheduled in between at its instant, not at the commit's, and says so", () => {
    const dir = makeProjectCopy("future-commit", 2);
    const scheduled = fileNameOf(90);
    writeFileSync(
      join(dir, "articles", scheduled),
      articleText({ title: TITLE, date: SCHEDULED_LINE, abstract: "Soon.", paragraphs: ["Later."] }),
    );
    // Every file, the templates too, takes the commit's date: the first is named, the rest counted.
    commitFolder(dir, COMMITTED);
    const run = spawnSync(process.execPath, [...fixedClockArgs(CLOCK), "scripts/build-articles.ts"], {
      cwd: dir,
      encoding: "utf8",
      env: childEnv(),
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `warning: the last commit of articles/${fileNameOf(0)} (and 3 more) is dated 2026-01-04T03:04:05Z, after this machine's clock (2026-01-02T03:04:05Z); publication starts from the clock, so nothing scheduled in between comes early, but check both clocks: one of them is probably wrong\n`,
    );

    const manifest = readGeneratedModule(readFileSync(join(dir, "src/generated/site-manifest.ts"), "utf8"));
    const bodiesAt = (at: number) => {
      const state = manifest.states[stateIndexAt(manifest.states, at)];
      return Object.entries({ ...state?.routes, ...state?.previews }).map(([path, index]) => {
        const file = manifest.files[index]?.path ?? "";
        return { path, text: readFileSync(join(dir, SITE_DIR, file)).toString("latin1") };
      });
    };
    const naming = (at: number) =>
      bodiesAt(at)
        .filter(({ text }) => text.includes(TITLE) || text.includes(idOf(90)))
        .map(({ path }) => path)
        .toSorted();
    // Every whole file of the state in force now and until the instant: feeds, previews, /, sitemaps.
    expect(bodiesAt(CLOCK).map(({ path }) => path)).toContain("/sitemaps/articles-1.xml");
    expect(naming(CLOCK)).toEqual([]);
    expect(naming(SCHEDULED_AT - 1000)).toEqual([]);
    expect(naming(SCHEDULED_AT)).toEqual(
      ["/", "/atom.xml", "/feed.json", "/page/1", "/rss.xml", "/sitemaps/articles-1.xml"].toSorted(),
    );
  });
});
