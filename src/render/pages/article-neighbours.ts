import type { Article } from "../../model/article.ts";
import { articlePath } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { html } from "../html.ts";
import { articleUrl } from "../links.ts";

/** What a page needs of a neighbouring article to link it. */
export type NeighbourLink = Pick<Article, "id" | "slug" | "title">;

/**
 * The articles next to one in the site's order (newest first, as every list), each left out
 * while it is not yet published: an article page never names one still to come.
 */
export interface ArticleNeighbours {
  /** The next newer article: HTML `rel="prev"`, as a list page's newer page is. */
  readonly newer?: NeighbourLink;
  /** The next older article: `rel="next"`. */
  readonly older?: NeighbourLink;
}

/** The head's `rel="prev"`/`rel="next"` paths (src/render/pages/page-layout.ts). */
export function neighbourPaths(neighbours: ArticleNeighbours): { previousPath?: string; nextPath?: string } {
  return {
    ...(neighbours.newer ? { previousPath: articlePath(neighbours.newer) } : {}),
    ...(neighbours.older ? { nextPath: articlePath(neighbours.older) } : {}),
  };
}

/**
 * Newer on the left, older on the right, as on the list pages; none when there is
 * neither. Each title takes its own direction (dir="auto") so it cannot reorder the label.
 */
export function renderNeighbourNav(site: Site, { newer, older }: ArticleNeighbours) {
  if (newer === undefined && older === undefined) return "";
  return html`<nav class="pager" aria-label="Newer and older articles">
${newer === undefined ? html`<span></span>` : html`<a href="${articleUrl(site, newer)}" rel="prev">← Newer: <span dir="auto">${newer.title}</span></a>`}
${older === undefined ? html`<span></span>` : html`<a href="${articleUrl(site, older)}" rel="next">Older: <span dir="auto">${older.title}</span> →</a>`}
</nav>
`;
}
