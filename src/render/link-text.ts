import type { Site } from "../model/site.ts";
import { findLinks } from "./find-links.ts";
import { html } from "./html.ts";

type Template = ReturnType<typeof html>;

/**
 * A paragraph's text as HTML in which every web address written in it is a link (which ones:
 * src/render/find-links.ts). The link's text is exactly what was written; its href is
 * linkify-it's normalised URL (scheme added to a `www.` address). Both go through the one escaping template, so the text is escaped exactly
 * once and nothing else in it becomes markup. A link that leaves the site gets
 * rel="nofollow noopener": the site vouches for none of them (nofollow), and the page opened
 * gets no handle on this one (noopener). A link to the site itself gets no rel.
 */
export function linkedText(site: Site, text: string): Template {
  const links = findLinks(text);
  if (links.length === 0) return html`${text}`;
  const siteOrigin = new URL(site.baseUrl).origin;
  const parts: Template[] = [];
  let at = 0;
  for (const link of links) {
    parts.push(html`${text.slice(at, link.index)}`);
    const written = text.slice(link.index, link.lastIndex);
    parts.push(
      link.origin === siteOrigin
        ? html`<a href="${link.url}">${written}</a>`
        : html`<a href="${link.url}" rel="nofollow noopener">${written}</a>`,
    );
    at = link.lastIndex;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}
