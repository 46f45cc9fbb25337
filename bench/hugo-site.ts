// The same corpus as a Hugo site: one Markdown page per article (title, date, summary in
// front matter; paragraphs as Markdown), HTML pages for every article and the home page,
// and RSS with the full content, 20 items, as our feeds carry.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadArticles } from "../src/load/load-articles.ts";
import { articlePath } from "../src/model/paths.ts";
import { runCommand } from "./run-command.ts";

const CONFIG = `baseURL = "https://bench.example/"
title = "Ukraine Briefing"
languageCode = "en"
disableKinds = ["taxonomy", "term", "sitemap", "robotsTXT", "404"]
[outputs]
home = ["HTML", "RSS"]
section = ["HTML", "RSS"]
[services.rss]
limit = 20
`;

const SINGLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title>
<meta name="description" content="{{ .Summary | plainify }}">
{{ range .AlternativeOutputFormats }}<link rel="alternate" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">{{ end }}
</head><body><article><h1 dir="auto">{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006, 15:04" }}</time></p>
<p class="abstract" dir="auto">{{ .Params.abstract }}</p>
<div dir="auto">{{ .Content }}</div></article>
<nav><p><a href="{{ .Site.BaseURL }}">← All articles</a></p></nav></body></html>
`;

const LIST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title>
{{ range .AlternativeOutputFormats }}<link rel="alternate" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">{{ end }}
</head><body><h1>{{ .Site.Title }}</h1><ol>
{{ range first 20 .Site.RegularPages.ByDate.Reverse }}<li><h2><a href="{{ .Permalink }}">{{ .Title }}</a></h2>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006, 15:04" }}</time>
<p dir="auto">{{ .Params.abstract }}</p></li>
{{ end }}</ol></body></html>
`;

const RSS = `{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{{ .Site.Title }}</title><link>{{ .Permalink }}</link><description>Bench</description>
<language>en</language><atom:link href="{{ .Permalink }}" rel="self" type="application/rss+xml"/>
{{ range first 20 .Site.RegularPages.ByDate.Reverse }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate><guid isPermaLink="false">{{ .Params.id }}</guid>
<description>{{ .Params.abstract }}</description><content:encoded>{{ .Content | html }}</content:encoded></item>
{{ end }}</channel></rss>
`;

/** Backslash-escapes the ASCII punctuation Markdown could read as markup (CommonMark §2.4). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#+\-!|&]/g, "\\$&");
}

/** Writes the Hugo site for the articles in `corpusDir` into `siteDir` (replacing it). */
export function writeHugoSite(corpusDir: string, siteDir: string): number {
  const sources = readdirSync(corpusDir).map((name) => ({
    path: join(corpusDir, name),
    bytes: readFileSync(join(corpusDir, name)),
  }));
  const { articles, errors } = loadArticles(sources, "UTC");
  if (errors.length > 0) throw new Error(`${corpusDir}: the corpus does not load: ${errors[0]?.message}`);
  rmSync(siteDir, { recursive: true, force: true });
  const content = join(siteDir, "content", "articles");
  mkdirSync(content, { recursive: true });
  mkdirSync(join(siteDir, "layouts", "_default"), { recursive: true });
  writeFileSync(join(siteDir, "config.toml"), CONFIG);
  writeFileSync(join(siteDir, "layouts", "_default", "single.html"), SINGLE);
  writeFileSync(join(siteDir, "layouts", "_default", "list.html"), LIST);
  writeFileSync(join(siteDir, "layouts", "index.html"), LIST);
  writeFileSync(join(siteDir, "layouts", "_default", "rss.xml"), RSS);
  writeFileSync(join(siteDir, "layouts", "index.rss.xml"), RSS);
  for (const article of articles) {
    // TOML basic strings use JSON's escapes.
    const frontMatter = [
      `title = ${JSON.stringify(article.title)}`,
      `date = ${new Date(article.published.epochMs).toISOString()}`,
      // The Worker's own address (slugs alone may repeat), with the trailing "/" Hugo gives pages.
      `url = ${JSON.stringify(`${articlePath(article)}/`)}`,
      `id = ${JSON.stringify(article.id)}`,
      `abstract = ${JSON.stringify(article.abstract)}`,
    ].join("\n");
    const body = article.paragraphs.map(escapeMarkdown).join("\n\n");
    writeFileSync(join(content, `${article.id}.md`), `+++\n${frontMatter}\n+++\n\n${body}\n`);
  }
  return articles.length;
}

/** One full Hugo build from scratch (no public/ or resources/ left from an earlier one). */
export async function buildHugoSite(siteDir: string): Promise<number> {
  rmSync(join(siteDir, "public"), { recursive: true, force: true });
  rmSync(join(siteDir, "resources"), { recursive: true, force: true });
  const { ms } = await runCommand("hugo", ["--source", siteDir, "--quiet"]);
  return ms;
}
