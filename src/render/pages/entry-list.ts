import type { Article } from "../../model/article.ts";
import type { Site } from "../../model/site.ts";
import { toRfc3339 } from "../../model/time.ts";
import { html } from "../html.ts";
import { articleUrl } from "../links.ts";
import { formatReadableTime } from "./format-time.ts";

/**
 * A list of articles: linked title, time and (optionally) the abstract. Titles and
 * abstracts carry dir="auto", which isolates them (HTML's `[dir]{unicode-bidi:isolate}`),
 * so a right-to-left title cannot reorder the text around it.
 */
export function renderEntryList(site: Site, articles: readonly Article[], options: { readonly abstracts: boolean }) {
  return html`<ol class="entries">
${articles.map(
  (article) => html`<li>
<h2><a href="${articleUrl(site, article)}" dir="auto">${article.title}</a></h2>
<time datetime="${toRfc3339(article.published)}">${formatReadableTime(site, article.published)}</time>
${options.abstracts ? html`<p dir="auto">${article.abstract}</p>\n` : ""}</li>
`,
)}</ol>`;
}
