import { toRfc3339 } from "../../model/time.ts";
import { html, toHtmlString } from "../html.ts";

export interface SitemapEntry {
  /** Absolute URL. */
  readonly url: string;
  /** When the page last changed, in ms: the same instant its Last-Modified says. */
  readonly modifiedMs: number;
}

/**
 * Articles per sitemap file, oldest first. The protocol allows 50,000 URLs per file; a smaller
 * part keeps the one that grows with each publication small, and a full part followed by
 * another never changes.
 */
export const ARTICLES_PER_SITEMAP = 1_000;

/**
 * A sitemap (https://www.sitemaps.org/protocol.html). Written with the one escaping template:
 * what it escapes (& < > " ') is a superset of what XML needs, and every entity it writes
 * (&amp; &lt; &gt; &quot; &#39;) is predefined in XML. lastmod is W3C Datetime, which RFC 3339
 * in UTC satisfies.
 */
export function renderSitemap(entries: readonly SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
${toHtmlString(html`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((entry) => html`<url><loc>${entry.url}</loc><lastmod>${lastmod(entry)}</lastmod></url>\n`)}</urlset>
`)}`;
}

/** The sitemap index (/sitemap.xml): each part with its own lastmod. */
export function renderSitemapIndex(parts: readonly SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
${toHtmlString(html`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${parts.map((part) => html`<sitemap><loc>${part.url}</loc><lastmod>${lastmod(part)}</lastmod></sitemap>\n`)}</sitemapindex>
`)}`;
}

function lastmod(entry: SitemapEntry): string {
  return toRfc3339({ epochMs: entry.modifiedMs, offsetMinutes: 0 });
}
