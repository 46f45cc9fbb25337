import { html, toHtmlString } from "./html.ts";
import { toRfc3339 } from "./links.ts";

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
 * sitemap at 50,000 URLs, which this single sitemap does not split: an archive that large does
 * not fit in the script today (docs/static-assets.md). lastmod is W3C Datetime, which RFC 3339
 * in UTC satisfies.
 */
export function renderSitemap(entries: readonly SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
${toHtmlString(html`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((entry) => html`<url><loc>${entry.url}</loc><lastmod>${toRfc3339({ epochMs: entry.modifiedMs, offsetMinutes: 0 })}</lastmod></url>\n`)}</urlset>
`)}`;
}
