import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newArticleFile } from "../../scripts/new-article-file.ts";
import { loadArticles } from "../../src/load/load-articles.ts";
import { ABSTRACT_PLACEHOLDER, BODY_PLACEHOLDER } from "../../src/load/placeholders.ts";
import { runBuild } from "../support/build-fixtures.ts";
import { makeTempDir, ROOT, removeTempDirs, writeGoodArticles } from "../support/project-copy.ts";

afterAll(removeTempDirs);

const NOW = Date.UTC(2026, 10, 29, 2, 15, 30, 500);
const EXISTING = ["000_0000000000000000.txt", "006_0000000000000006.txt", "006_0000000000000006.txt~", "README.md"];

function create(title: string, timeZone = "Europe/Kyiv", now = NOW) {
  return newArticleFile({ title, now, timeZone, existingNames: EXISTING, freshId: () => "3f9c0a1b2c3d4e5f" });
}

describe("a new article file", () => {
  it("is named with the next number and a fresh id, and holds the title, the time and text to replace", () => {
    expect(create("  Kyiv metro reopens  ")).toEqual({
      ok: true,
      name: "007_3f9c0a1b2c3d4e5f.txt",
      text: "Kyiv metro reopens\n\n2026-11-29 04:15:30\n\nAbstract: Replace this line with a one-paragraph summary of the article.\n\nReplace this paragraph with the text of the article. Separate paragraphs with a blank line.\n",
    });
  });

  it.each([
    ["Europe/Kyiv", NOW, "2026-11-29 04:15:30"],
    ["America/New_York", Date.UTC(2026, 6, 1, 3, 0, 0), "2026-06-30 23:00:00"],
    ["UTC", Date.UTC(2026, 0, 1, 0, 0, 0, 999), "2026-01-01 00:00:00"],
  ])("loads with the real loader in %s, published at the current second", (timeZone, now, dateLine) => {
    const file = create("Title", timeZone, now);
    if (!file.ok) throw new Error(file.message);
    expect(file.text.split("\n")[2]).toBe(dateLine);
    const path = `articles/${file.name}`;
    const asWritten = loadArticles([{ path, bytes: new TextEncoder().encode(file.text) }], timeZone);
    // Left as written, the placeholders are refused, so a forgotten one is never published.
    expect(asWritten.errors.map((e) => `${e.path}:${e.line}: ${e.message}`)).toEqual([
      `${path}:5: the abstract is still the placeholder npm run new wrote; expected the article's summary`,
      `${path}:7: the text is still the placeholder npm run new wrote; expected the article's text`,
    ]);
    const written = fillPlaceholders(file.text);
    const result = loadArticles([{ path, bytes: new TextEncoder().encode(written) }], timeZone);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.articles[0]).toMatchObject({ id: "3f9c0a1b2c3d4e5f", title: "Title" });
    expect(result.articles[0]?.published.epochMs).toBe(Math.floor(now / 1000) * 1000);
  });

  it.each([
    ["an empty title", "", 'the title is empty; expected the article\'s title, e.g. npm run new -- "Title"'],
    ["a blank title", " \t ", 'the title is empty; expected the article\'s title, e.g. npm run new -- "Title"'],
    ["a title on two lines", "One\nTwo", "the title has a line break; expected a title on one line"],
    ["a title with a CR", "One\rTwo", "the title has a line break; expected a title on one line"],
  ])("is refused for %s", (_name, title, message) => {
    expect(create(title)).toEqual({ ok: false, message });
  });
});

/** What an author does next: replaces the placeholders with a summary and a text. */
function fillPlaceholders(text: string): string {
  return text
    .replace(ABSTRACT_PLACEHOLDER, "What happened, in one paragraph.")
    .replace(BODY_PLACEHOLDER, "The whole story.");
}

describe("npm run new", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, "scripts/new-article.ts"), ...args], { cwd: ROOT, encoding: "utf8" });

  it("writes a file the build accepts, prints its path, and never reuses a name", () => {
    const articles = join(makeTempDir("new"), "articles");
    writeGoodArticles(articles, 3);
    const first = run("--articles", articles, "Kyiv metro reopens");
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toBe("");
    expect(first.stdout).toMatch(new RegExp(`^${articles}/003_[0-9a-f]{16}\\.txt\\n$`));
    expect(readFileSync(first.stdout.trim(), "utf8")).toMatch(
      /^Kyiv metro reopens\n\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n/,
    );

    const second = run("--articles", articles, "Words", "without", "quotes");
    expect(second.stdout).toMatch(/\/004_[0-9a-f]{16}\.txt\n$/);
    expect(readFileSync(second.stdout.trim(), "utf8")).toMatch(/^Words without quotes\n/);

    const out = join(articles, "..", "generated", "articles.ts");
    const unwritten = runBuild(articles, out);
    expect(unwritten.status).toBe(1);
    expect(unwritten.stderr).toContain("the abstract is still the placeholder npm run new wrote");
    for (const made of [first, second]) {
      const path = made.stdout.trim();
      writeFileSync(path, fillPlaceholders(readFileSync(path, "utf8")));
    }
    const build = runBuild(articles, out);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^built 5 article\(s\)/);
  });

  it("refuses an empty title, writing nothing", () => {
    const articles = join(makeTempDir("new-empty"), "articles");
    writeGoodArticles(articles, 1);
    const refused = run("--articles", articles, "");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      'new-article: the title is empty; expected the article\'s title, e.g. npm run new -- "Title"\n',
    );
    expect(readdirSync(articles)).toHaveLength(1);
  });
});
