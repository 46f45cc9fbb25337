import type { Article } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { type ArticleNeighbours, neighbourPaths, renderNeighbourNav } from "./article-neighbours.ts";
import { formatReadableTime } from "./format-time.ts";
import { html } from "./html.ts";
import { lastUpdate, wasCorrected } from "./last-update.ts";
import { articlePath, articleUrl, homeUrl, toRfc3339 } from "./links.ts";
import { renderPage } from "./page-layout.ts";

/**
 * The summary page of one article: title, author, time, the abstract set apart, the full text. Each
 * paragraph takes its direction from its own first strong character (dir="auto"), so a
 * right-to-left paragraph among left-to-right ones is laid out on its own terms.
 */
export function renderArticlePage(site: Site, article: Article, neighbours: ArticleNeighbours = {}): string {
  const published = toRfc3339(article.published);
  return renderPage(site, {
    title: `${article.title} – ${site.title}`,
    description: article.abstract,
    path: articlePath(article),
    ...neighbourPaths(neighbours),
    openGraphType: "article",
    openGraphExtra: html`<meta property="article:published_time" content="${published}">\n`,
    structuredData: {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: article.title,
      description: article.abstract,
      datePublished: published,
      dateModified: toRfc3339(lastUpdate(article)),
      url: articleUrl(site, article),
      mainEntityOfPage: articleUrl(site, article),
      inLanguage: site.language,
      author: { "@type": "Organization", name: site.author },
      publisher: { "@type": "Organization", name: site.title, url: homeUrl(site) },
    },
    main: html`<article>
<h1 dir="auto">${article.title}</h1>
<p class="meta"><span class="author">${site.author}</span> · <time datetime="${published}">${formatReadableTime(site, article.published)}</time>${renderUpdated(site, article)}</p>
<p class="abstract" dir="auto">${article.abstract}</p>
<div class="text">
${article.paragraphs.map((paragraph) => html`<p dir="auto">${paragraph}</p>\n`)}</div>
</article>
${renderNeighbourNav(site, neighbours)}<nav class="back" aria-label="Site"><p><a href="${homeUrl(site)}">← All articles</a></p></nav>`,
  });
}

/** " · Updated <time>": when a correction came, in the same form as the publication time. */
function renderUpdated(site: Site, article: Article) {
  if (!wasCorrected(article)) return "";
  const updated = lastUpdate(article);
  return html` · <span class="updated">Updated <time datetime="${toRfc3339(updated)}">${formatReadableTime(site, updated)}</time></span>`;
}
