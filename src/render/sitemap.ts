import { html, toHtmlString } from "./html.ts";

export interface SitemapEntry {
  /** Absolute URL. */
  readonly url: string;
  /** When the page last changed, in ms: the same instant its Last-Modified says. */
  readonly modifiedMs: number;
}

/**
 * A sitemap (https://www.sitemaps.org/protocol.html) of every page. Written with the one
 * escaping template: what it escapes (& < > " ') is a superset of what XML needs, and every
 * entity it writes (&amp; &lt; &gt; &quot; &#39;) is predefined in XML. The protocol caps a
 * sitemap at 50,000 URLs; an archive that size no longer fits in the script (see DESIGN.md).
 */
export function renderSitemap(entries: readonly SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
${toHtmlString(html`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((entry) => html`<url><loc>${entry.url}</loc><lastmod>${toW3cDatetime(entry.modifiedMs)}</lastmod></url>\n`)}</urlset>
`)}`;
}

/** The protocol's lastmod is W3C Datetime; seconds in UTC are enough ("2025-02-24T01:27:00Z"). */
function toW3cDatetime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}
