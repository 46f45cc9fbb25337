import type { Article } from "../model/article.ts";
import { html, toHtmlString } from "./html.ts";

/** The body as HTML paragraphs: what feeds carry as content and pages show as the text. */
export function renderParagraphs(article: Pick<Article, "paragraphs">) {
  return html`${article.paragraphs.map((paragraph) => html`<p>${paragraph}</p>\n`)}`;
}

export function renderContentHtml(article: Pick<Article, "paragraphs">): string {
  return toHtmlString(renderParagraphs(article));
}
