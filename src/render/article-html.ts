import type { Article } from "../model/article.ts";
import type { Site } from "../model/site.ts";
import { html, toHtmlString } from "./html.ts";
import { linkedText } from "./link-text.ts";

/**
 * The body as HTML paragraphs, web addresses in them as links (src/render/link-text.ts): what
 * feeds carry as content and pages show as the text.
 */
export function renderParagraphs(site: Site, article: Pick<Article, "paragraphs">) {
  return html`${article.paragraphs.map((paragraph) => html`<p>${linkedText(site, paragraph)}</p>\n`)}`;
}

export function renderContentHtml(site: Site, article: Pick<Article, "paragraphs">): string {
  return toHtmlString(renderParagraphs(site, article));
}
