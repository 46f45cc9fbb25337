import type { Site } from "./model/site.ts";

/** Everything about the site except where it is deployed: edit here. */
export const siteConfig: Omit<Site, "baseUrl"> = {
  title: "Ukraine Briefing",
  description: "Short news reports on Ukraine and the war, with a summary for every article.",
  language: "en",
  author: "Ukraine Briefing Desk",
  timeZone: "UTC",
  itemsPerFeed: 20,
  tagAuthority: "ukraine-briefing.example,2025",
};

/**
 * The base URL comes from the BASE_URL variable (wrangler.toml [vars], or
 * `wrangler deploy --var BASE_URL:…`) so a deployment never needs a code change.
 */
export function siteFor(baseUrl: string): Site {
  return { ...siteConfig, baseUrl: normalizeBaseUrl(baseUrl) };
}

function normalizeBaseUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`BASE_URL "${value}" must be an http or https URL`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}
