import { SITEMAP_PATH } from "../../model/paths.ts";
import type { Site } from "../../model/site.ts";
import { absoluteUrl } from "../links.ts";

/** robots.txt (RFC 9309): everything here is public; the Sitemap line is the sitemaps.org extension. */
export function renderRobots(site: Site): string {
  return `# Everything on this site may be crawled.
User-agent: *
Allow: /

Sitemap: ${absoluteUrl(site, SITEMAP_PATH)}
`;
}
