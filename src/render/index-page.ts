import type { Article } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { feedEntries } from "./feed-entries.ts";
import { formatReadableTime } from "./format-time.ts";
import { html } from "./html.ts";
import { articleUrl, homeUrl, toRfc3339 } from "./links.ts";
import { renderPage } from "./page-layout.ts";

/** The home page: the newest articles (as many as a feed carries) with their abstracts. */
export function renderIndexPage(site: Site, published: readonly Article[]): string {
  const entries = feedEntries(site, published);
  return renderPage(site, {
    title: site.title,
    description: site.description,
    path: "/",
    openGraphType: "website",
    structuredData: {
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: site.title,
      description: site.description,
      url: homeUrl(site),
      inLanguage: site.language,
    },
    main: html`<h1>${site.title}</h1>
<p>${site.description}</p>
${
  entries.length === 0
    ? html`<p>Nothing has been published yet.</p>`
    : html`<ol class="entries">
${entries.map(
  (article) => html`<li>
<h2><a href="${articleUrl(site, article)}" dir="auto">${article.title}</a></h2>
<time datetime="${toRfc3339(article.published)}">${formatReadableTime(site, article.published)}</time>
<p dir="auto">${article.abstract}</p>
</li>
`,
)}</ol>`
}`,
  });
}
