import type { Site } from "../../model/site.ts";
import { html } from "../html.ts";
import { homeUrl } from "../links.ts";
import { renderPage } from "./page-layout.ts";

/**
 * The page for any unknown path. It does not echo the requested path: nothing a client
 * sends ends up in the response.
 */
export function renderNotFoundPage(site: Site): string {
  return renderPage(site, {
    title: `Not found – ${site.title}`,
    description: "There is no page at this address.",
    openGraphType: "website",
    structuredData: { "@context": "https://schema.org", "@type": "WebPage", name: "Not found" },
    main: html`<h1>Not found</h1>
<p>There is no page at this address. It may have moved, or it may not be published yet.</p>
<p><a href="${homeUrl(site)}">Go to the latest articles</a></p>`,
  });
}
