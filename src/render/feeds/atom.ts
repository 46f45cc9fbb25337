import { type FeedDocument, feedUpdated } from "../../model/feed-document.ts";
import { lastUpdate } from "../../model/last-update.ts";
import { ATOM_FORMAT, feedPathIn, ICON_SMALL, TAG_SCHEME_PATH } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { toRfc3339 } from "../../model/time.ts";
import { authorOf } from "../../model/topics.ts";
import { renderContentHtml } from "../article-html.ts";
import { escapeHtml, html, toHtmlString } from "../html.ts";
import { absoluteUrl, articleUrl, feedTagUri, tagUri } from "../links.ts";
import { atomIdPath, atomPagingElements, atomPagingNamespace } from "./atom-paging.ts";
import { atomImageLink } from "./feed-image.ts";
import { hubOf } from "./feed-paging.ts";
import { GENERATOR } from "./rss.ts";

/**
 * Atom 1.0 (RFC 4287), written here rather than by `feed`, whose Atom puts every title in
 * type="html" unescaped as HTML and has no xml:lang. Titles are plain text, type="text"
 * (§3.1.1.1): readers show a title as text, and return it decoded. A summary is the abstract as
 * HTML, type="html" (§3.1.1.2), escaped as HTML and then once more as XML: readers built on
 * gofeed return a summary decoded whatever its type and show it as HTML, as they show an RSS
 * description, so from type="text" they would drop "<b>" as a tag; an HTML summary is shown as
 * written by them and by every reader that honours the type. Content is the article's HTML,
 * escaped, as type="html" (§4.1.3.1). Escaping is the one HTML template's, whose entities
 * (&amp; &lt; &gt; &quot; &#39;) are all predefined in XML.
 */
export function renderAtom(site: Site, document: FeedDocument): string {
  const { entries } = document;
  const self = feedPathIn(document.folder, ATOM_FORMAT);
  const author = html`<author><name>${site.author}</name></author>`;
  // W3C WebSub §4: the hub beside rel="self", the topic URL subscribers give it.
  const hubUrl = hubOf(site, document);
  const hub = hubUrl === undefined ? "" : html`\n<link rel="hub" href="${hubUrl}"/>`;
  return `<?xml version="1.0" encoding="utf-8"?>
${toHtmlString(html`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.language}"${atomPagingNamespace(document)}>
<id>${feedTagUri(site, atomIdPath(document))}</id>
<title type="text">${document.title}</title>
<subtitle type="text">${document.description}</subtitle>
<updated>${toRfc3339(feedUpdated(entries))}</updated>
${author}
<link rel="alternate" type="text/html" href="${absoluteUrl(site, document.pagePath)}"/>
<link rel="self" type="application/atom+xml" href="${absoluteUrl(site, self)}"/>${hub}
<icon>${absoluteUrl(site, ICON_SMALL.path)}</icon>
<generator>${GENERATOR}</generator>
${atomPagingElements(site, document)}${entries.map(
  (article) => html`<entry>
<id>${tagUri(site, article)}</id>
<title type="text">${article.title}</title>
<link rel="alternate" type="text/html" href="${articleUrl(site, article)}"/>
${atomImageLink(site, article.image)}<published>${toRfc3339(article.published)}</published>
<updated>${toRfc3339(lastUpdate(article))}</updated>
<author><name>${authorOf(site, article).label}</name></author>
${(article.tags ?? []).map(
  // RFC 4287 §4.2.2: term identifies the category within scheme, label is for people.
  (tag) => html`<category term="${tag.slug}" scheme="${absoluteUrl(site, TAG_SCHEME_PATH)}" label="${tag.label}"/>
`,
)}
<summary type="html">${escapeHtml(article.abstract)}</summary>
<content type="html">${renderContentHtml(site, article)}</content>
</entry>
`,
)}</feed>
`)}`;
}
