import type { TopicKind } from "../../model/article.ts";
import { countListPages, listPageEntries, newestEntries, pageBeforeHome } from "../../model/list-pages.ts";
import { FEEDS_PATH, listPagePath, topicPath, topicsPath } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { type TopicGroup, topicDescription, topicTitle } from "../../model/topics.ts";
import { html } from "../html.ts";
import { absoluteUrl, homeUrl } from "../links.ts";
import { renderEntryList } from "./entry-list.ts";
import { renderPager } from "./index-page.ts";
import { renderPage } from "./page-layout.ts";
import { renderSubscribeOffer } from "./subscribe-offer.ts";

const KIND_NAMES: Readonly<Record<TopicKind, { readonly plural: string; readonly one: string }>> = {
  tags: { plural: "Topics", one: "Topic" },
  authors: { plural: "Authors", one: "Author" },
};

/** /tags or /authors: every topic of the kind with how many published articles it has. */
export function renderTopicsIndexPage(site: Site, kind: TopicKind, groups: readonly TopicGroup[]): string {
  const name = KIND_NAMES[kind].plural;
  const path = topicsPath(kind);
  return renderPage(site, {
    title: `${name} – ${site.title}`,
    description: `${name} of ${site.title}, each with its own page and feeds.`,
    path,
    openGraphType: "website",
    structuredData: {
      "@context": "https://schema.org",
      "@type": "CollectionPage",
      name: `${site.title}: ${name.toLowerCase()}`,
      url: absoluteUrl(site, path),
      isPartOf: { "@type": "WebSite", name: site.title, url: homeUrl(site) },
      inLanguage: site.language,
    },
    main: html`<h1>${name}</h1>
<p>Each has its own page and feeds; <a href="${absoluteUrl(site, FEEDS_PATH)}">all feeds</a> lists them together.</p>
${
  groups.length === 0
    ? html`<p>Nothing has been published yet.</p>`
    : html`<ul class="topics">
${groups.map(
  (group) =>
    html`<li><a href="${absoluteUrl(site, topicPath(kind, group.topic))}" dir="auto">${group.topic.label}</a> <span class="meta">(${group.articles.length} ${group.articles.length === 1 ? "article" : "articles"})</span></li>\n`,
)}</ul>`
}`,
  });
}

/**
 * A topic's page: like the home page, its newest articles (as many as its feeds carry) and a
 * link to its newest list page. `pageNumber` renders that topic's list page instead,
 * numbered from the oldest like the site's (src/model/list-pages.ts).
 */
export function renderTopicPage(site: Site, group: TopicGroup, pageNumber?: number): string {
  const folder = topicPath(group.kind, group.topic);
  const count = group.articles.length;
  const title = topicTitle(site, group);
  const pages = countListPages(site, count);
  const pagePath = (n: number | undefined) => (n === undefined ? undefined : listPagePath(n, folder));
  const newer = pageNumber === undefined ? undefined : pageNumber < pages ? pagePath(pageNumber + 1) : undefined;
  const older =
    pageNumber === undefined
      ? pagePath(pageBeforeHome(site, count))
      : pagePath(pageNumber > 1 ? pageNumber - 1 : undefined);
  const entries =
    pageNumber === undefined ? newestEntries(site, group.articles) : listPageEntries(site, group.articles, pageNumber);
  const path = pageNumber === undefined ? folder : listPagePath(pageNumber, folder);
  const heading = pageNumber === undefined ? group.topic.label : `${group.topic.label} (page ${pageNumber})`;
  return renderPage(site, {
    title: `${heading} – ${site.title}`,
    description: topicDescription(site, group),
    path,
    previousPath: newer,
    nextPath: older,
    topicFeeds: { title, folder },
    openGraphType: "website",
    structuredData: {
      "@context": "https://schema.org",
      "@type": "CollectionPage",
      name: pageNumber === undefined ? title : `${title}, page ${pageNumber}`,
      url: absoluteUrl(site, path),
      about: group.kind === "tags" ? { "@type": "Thing", name: group.topic.label } : undefined,
      author: group.kind === "authors" ? { "@type": "Person", name: group.topic.label } : undefined,
      isPartOf: { "@type": "WebSite", name: site.title, url: homeUrl(site) },
      inLanguage: site.language,
    },
    main: html`<p class="meta"><a href="${absoluteUrl(site, topicsPath(group.kind))}">${KIND_NAMES[group.kind].plural}</a></p>
<h1 dir="auto">${group.topic.label}${pageNumber === undefined ? "" : html` <span class="meta">(page ${pageNumber})</span>`}</h1>
${pageNumber === undefined ? html`<p class="lede">${count} ${count === 1 ? "article" : "articles"}.</p>\n` : ""}${renderSubscribeOffer(site, { folder, topic: group.topic.label })}${renderEntryList(site, entries, { abstracts: true })}
${renderPager(site, newer, pageNumber === undefined ? "Newest articles" : `Page ${pageNumber}`, older, `${KIND_NAMES[group.kind].one} pages`)}`,
  });
}
