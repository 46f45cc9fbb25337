import type { SiteConfig } from "./model/site.ts";

/**
 * Everything about the site except where it is deployed: edit here. The build checks every
 * field (src/load/check-site-config.ts). Where it is deployed is BASE_URL under [vars] in
 * wrangler.toml, or a BASE_URL build variable (README, Deploy).
 */
export const siteConfig: SiteConfig = {
  title: "Ukraine Briefing",
  description: "Short news reports on Ukraine and the war, with a summary for every article.",
  language: "en",
  author: "Ukraine Briefing Desk",
  timeZone: "UTC",
  itemsPerFeed: 20,
  tagAuthority: "ukraine-briefing.example,2025",
};
