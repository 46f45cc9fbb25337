import type { Article, TopicKind } from "../../model/article.ts";
import { countListPages, listPageEntries, newestEntries, pageBeforeHome } from "../../model/list-pages.ts";
import { listPagePath, topicsPath } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { html } from "../html.ts";
import { absoluteUrl, homeUrl } from "../links.ts";
import { renderEntryList } from "./entry-list.ts";
import { renderPage } from "./page-layout.ts";
import { renderSubscribeOffer } from "./subscribe-offer.ts";

/**
 * The home page: the newest articles (as many as a feed carries), and a link to the newest
 * list page that holds older ones.
 */
export function renderIndexPage(
  site: Site,
  published: readonly Article[],
  topicKinds: readonly TopicKind[] = [],
): string {
  const olderPath = optionalPath(pageBeforeHome(site, published.length));
  return renderPage(site, {
    title: site.title,
    description: site.description,
    path: "/",
    nextPath: olderPath,
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
<p class="lede">${site.description}</p>
${renderSubscribeOffer(site, { folder: "" })}${
  published.length === 0
    ? html`<p>Nothing has been published yet.</p>`
    : renderEntryList(site, newestEntries(site, published), { abstracts: true })
}
${renderPager(site, undefined, "Newest articles", olderPath)}${
  topicKinds.length === 0
    ? ""
    : html`
<nav class="browse" aria-label="Browse"><p>Browse by ${topicKinds.map(
        (kind, index) =>
          html`${index === 0 ? "" : " or "}<a href="${absoluteUrl(site, topicsPath(kind))}">${kind === "tags" ? "topic" : "author"}</a>`,
      )}</p></nav>`
}`,
  });
}

/**
 * List page `pageNumber` (src/model/list-pages.ts). It shows nothing that changes when
 * a later article is published, except the link to the next newer page when that page first
 * appears; so once full and followed by another it never changes. rel="prev" is the newer
 * neighbour and rel="next" the older one, as on the home page, where reading starts.
 */
export function renderListPage(site: Site, published: readonly Article[], pageNumber: number): string {
  const newerPath = optionalPath(pageNumber < countListPages(site, published.length) ? pageNumber + 1 : undefined);
  const olderPath = optionalPath(pageNumber > 1 ? pageNumber - 1 : undefined);
  const path = listPagePath(pageNumber);
  return renderPage(site, {
    title: `Archive page ${pageNumber} – ${site.title}`,
    description: site.description,
    path,
    previousPath: newerPath,
    nextPath: olderPath,
    openGraphType: "website",
    structuredData: {
      "@context": "https://schema.org",
      "@type": "CollectionPage",
      name: `${site.title}, archive page ${pageNumber}`,
      url: absoluteUrl(site, path),
      isPartOf: { "@type": "WebSite", name: site.title, url: homeUrl(site) },
      inLanguage: site.language,
    },
    main: html`<h1>Archive <span class="meta">(page ${pageNumber})</span></h1>
${renderEntryList(site, listPageEntries(site, published, pageNumber), { abstracts: true })}
${renderPager(site, newerPath, `Page ${pageNumber}`, olderPath)}`,
  });
}

function optionalPath(pageNumber: number | undefined): string | undefined {
  return pageNumber === undefined ? undefined : listPagePath(pageNumber);
}

/** Newer on the left, older on the right; none when there is neither. */
export function renderPager(
  site: Site,
  newerPath: string | undefined,
  label: string,
  olderPath: string | undefined,
  navLabel = "Archive pages",
) {
  if (newerPath === undefined && olderPath === undefined) return "";
  return html`<nav class="pager" aria-label="${navLabel}">
${newerPath === undefined ? html`<span></span>` : html`<a href="${absoluteUrl(site, newerPath)}" rel="prev">← Newer articles</a>`}
<span class="meta">${label}</span>
${olderPath === undefined ? html`<span></span>` : html`<a href="${absoluteUrl(site, olderPath)}" rel="next">Older articles →</a>`}
</nav>`;
}
