import type { Article } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { archivePageEntries, archivePagePath, countArchivePages } from "./archive-pages.ts";
import { renderEntryList } from "./entry-list.ts";
import { html } from "./html.ts";
import { absoluteUrl, homeUrl } from "./links.ts";
import { renderPage } from "./page-layout.ts";

/**
 * Page `pageNumber` of the archive: page 1 is the home page with the newest articles (as
 * many as a feed carries), later pages hold older ones. Each links its neighbours both in
 * the head (rel=prev/next) and visibly.
 */
export function renderIndexPage(site: Site, published: readonly Article[], pageNumber = 1): string {
  const pageCount = countArchivePages(site, published.length);
  const entries = archivePageEntries(site, published, pageNumber);
  const previousPath = pageNumber > 1 ? archivePagePath(pageNumber - 1) : undefined;
  const nextPath = pageNumber < pageCount ? archivePagePath(pageNumber + 1) : undefined;
  const isHome = pageNumber === 1;
  const pageLabel = `Page ${pageNumber} of ${pageCount}`;
  return renderPage(site, {
    title: isHome ? site.title : `${pageLabel} – ${site.title}`,
    description: site.description,
    path: archivePagePath(pageNumber),
    previousPath,
    nextPath,
    openGraphType: "website",
    structuredData: isHome
      ? {
          "@context": "https://schema.org",
          "@type": "WebSite",
          name: site.title,
          description: site.description,
          url: homeUrl(site),
          inLanguage: site.language,
        }
      : {
          "@context": "https://schema.org",
          "@type": "CollectionPage",
          name: `${site.title}, ${pageLabel}`,
          url: absoluteUrl(site, archivePagePath(pageNumber)),
          isPartOf: { "@type": "WebSite", name: site.title, url: homeUrl(site) },
          inLanguage: site.language,
        },
    main: html`<h1>${isHome ? site.title : html`Older articles <span class="meta">(${pageLabel.toLowerCase()})</span>`}</h1>
${isHome ? html`<p class="lede">${site.description}</p>\n` : ""}${
  entries.length === 0
    ? html`<p>Nothing has been published yet.</p>`
    : renderEntryList(site, entries, { abstracts: true })
}
${
  pageCount > 1
    ? html`<nav class="pager" aria-label="Archive pages">
${previousPath === undefined ? html`<span></span>` : html`<a href="${absoluteUrl(site, previousPath)}" rel="prev">← Newer articles</a>`}
<span class="meta">${pageLabel}</span>
${nextPath === undefined ? html`<span></span>` : html`<a href="${absoluteUrl(site, nextPath)}" rel="next">Older articles →</a>`}
</nav>`
    : ""
}`,
  });
}
