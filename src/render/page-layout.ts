import type { Site } from "../model/site.ts";
import { FEED_FORMATS } from "./formats.ts";
import { html, jsonForScriptElement, raw, toHtmlString } from "./html.ts";
import { absoluteUrl, homeUrl } from "./links.ts";

export interface PageContent {
  readonly title: string;
  readonly description: string;
  /** Site-relative path of this page; its absolute form is the canonical URL. None for errors. */
  readonly path?: string;
  readonly openGraphType: "website" | "article";
  readonly openGraphExtra?: ReturnType<typeof html>;
  /** schema.org data, written as JSON-LD. */
  readonly structuredData: Record<string, unknown>;
  readonly main: ReturnType<typeof html>;
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fdfdfb;--muted:#5c5c5c;--link:#0b57d0;--rule:#ddd}
@media (prefers-color-scheme:dark){:root{--fg:#e8e6e3;--bg:#161616;--muted:#a5a29d;--link:#8ab4f8;--rule:#333}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 Georgia,"Times New Roman",serif}
header,main,footer{max-width:42rem;margin:0 auto;padding:1rem 1.25rem}
header{border-bottom:1px solid var(--rule)}
footer{border-top:1px solid var(--rule);color:var(--muted);font-size:.9rem}
a{color:var(--link)}
a:focus-visible{outline:3px solid var(--link);outline-offset:2px}
h1{line-height:1.2;font-size:1.9rem;margin:.5rem 0}
h2{line-height:1.25;font-size:1.3rem;margin:0 0 .25rem}
.site-title{font-weight:bold;text-decoration:none;color:var(--fg)}
time{color:var(--muted);font-size:.95rem}
.abstract{font-size:1.125rem;border-left:4px solid var(--rule);margin:1.25rem 0;padding:.25rem 0 .25rem 1rem}
.entries{list-style:none;padding:0}
.entries li{margin:0 0 1.75rem}
.entries p{margin:.25rem 0}
.feeds a{margin-right:1rem}
@media print{header nav,footer .feeds{display:none}body{background:#fff;color:#000}a{color:#000}}
`;

/** Every HTML page: metadata for search engines, social previews and feed discovery. */
export function renderPage(site: Site, page: PageContent): string {
  const canonical = page.path === undefined ? undefined : absoluteUrl(site, page.path);
  return toHtmlString(html`<!DOCTYPE html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
${canonical === undefined ? "" : html`<link rel="canonical" href="${canonical}">\n`}${FEED_FORMATS.map(
  (format) =>
    html`<link rel="alternate" type="${format.mediaType}" title="${site.title} (${format.label})" href="${absoluteUrl(site, format.path)}">\n`,
)}<meta property="og:site_name" content="${site.title}">
<meta property="og:type" content="${page.openGraphType}">
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${page.description}">
${canonical === undefined ? "" : html`<meta property="og:url" content="${canonical}">\n`}<meta property="og:locale" content="${site.language}">
${page.openGraphExtra ?? ""}<meta name="twitter:card" content="summary">
<style>${raw(STYLE)}</style>
<script type="application/ld+json">${raw(jsonForScriptElement(page.structuredData))}</script>
</head>
<body>
<header><a class="site-title" href="${homeUrl(site)}">${site.title}</a></header>
<main>
${page.main}
</main>
<footer>
<p class="feeds">Subscribe: ${FEED_FORMATS.map((format) => html`<a href="${absoluteUrl(site, format.path)}">${format.label}</a> `)}</p>
</footer>
</body>
</html>
`);
}
