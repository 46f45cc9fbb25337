import type { Article } from "../../model/article.ts";
import { lastUpdate, wasCorrected } from "../../model/last-update.ts";
import { articlePath, topicPath } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { toRfc3339 } from "../../model/time.ts";
import { authorOf } from "../../model/topics.ts";
import { html } from "../html.ts";
import { linkedText } from "../link-text.ts";
import { absoluteUrl, articleUrl, homeUrl } from "../links.ts";
import { pageImage, renderPageImage, structuredImage } from "./article-image.ts";
import { type ArticleNeighbours, neighbourPaths, renderNeighbourNav } from "./article-neighbours.ts";
import { type FollowedFeed, renderFollowLinks } from "./follow-links.ts";
import { formatReadableTime } from "./format-time.ts";
import { renderPage } from "./page-layout.ts";

/** What an article's page shows of the rest of the site: its neighbours, and its author's page. */
export interface ArticleContext extends ArticleNeighbours {
  /** Whether authors have pages (src/model/topics.ts hasAuthorPages): the byline then links one. */
  readonly authorPages?: boolean;
}

/**
 * The summary page of one article: title, author, time, the abstract set apart, the full text. Each
 * paragraph takes its direction from its own first strong character (dir="auto"), so a
 * right-to-left paragraph among left-to-right ones is laid out on its own terms.
 */
export function renderArticlePage(site: Site, article: Article, context: ArticleContext = {}): string {
  const published = toRfc3339(article.published);
  const author = authorOf(site, article);
  const tags = article.tags ?? [];
  return renderPage(site, {
    title: `${article.title} – ${site.title}`,
    description: article.abstract,
    path: articlePath(article),
    ...(article.image ? { image: pageImage(site, article.image) } : {}),
    ...neighbourPaths(context),
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
      author: { "@type": article.author === undefined ? "Organization" : "Person", name: author.label },
      ...(tags.length > 0 ? { keywords: tags.map((tag) => tag.label) } : {}),
      publisher: { "@type": "Organization", name: site.title, url: homeUrl(site) },
      ...(article.image ? { image: structuredImage(site, article.image) } : {}),
    },
    main: html`<article>
<h1 dir="auto">${article.title}</h1>
<p class="meta"><span class="author">${
      context.authorPages
        ? html`<a href="${absoluteUrl(site, topicPath("authors", author))}" rel="author">${author.label}</a>`
        : author.label
    }</span> · <time datetime="${published}">${formatReadableTime(site, article.published)}</time>${renderUpdated(site, article)}</p>
<p class="abstract" dir="auto">${article.abstract}</p>
${renderPageImage(site, article.image)}<div class="text">
${article.paragraphs.map((paragraph) => html`<p dir="auto">${linkedText(site, paragraph)}</p>\n`)}</div>
${
  tags.length === 0
    ? ""
    : html`<nav class="tags" aria-label="Topics"><p>Topics: ${tags.map(
        (tag, index) =>
          html`${index === 0 ? "" : ", "}<a href="${absoluteUrl(site, topicPath("tags", tag))}" rel="tag" dir="auto">${tag.label}</a>`,
      )}</p></nav>\n`
}</article>
${renderFollowLinks(site, followedFeeds(site, article, context))}${renderNeighbourNav(site, context)}<nav class="back" aria-label="Site"><p><a href="${homeUrl(site)}">← All articles</a></p></nav>`,
  });
}

/** The feeds that bring more like this article: the site's, its topics', and its author's when authors have pages. */
function followedFeeds(site: Site, article: Article, context: ArticleContext): FollowedFeed[] {
  const author = authorOf(site, article);
  return [
    { label: site.title, folder: "" },
    ...(article.tags ?? []).map((tag) => ({ label: tag.label, folder: topicPath("tags", tag) })),
    ...(context.authorPages ? [{ label: `by ${author.label}`, folder: topicPath("authors", author) }] : []),
  ];
}

/** " · Updated <time>": when a correction came, in the same form as the publication time. */
function renderUpdated(site: Site, article: Article) {
  if (!wasCorrected(article)) return "";
  const updated = lastUpdate(article);
  return html` · <span class="updated">Updated <time datetime="${toRfc3339(updated)}">${formatReadableTime(site, updated)}</time></span>`;
}
