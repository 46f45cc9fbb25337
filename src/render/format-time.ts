import type { PublishedTime } from "../model/article.ts";
import type { Site } from "../model/site.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "February 24, 2025 at 01:27 UTC" for "en": the published time in the site's language and zone. */
export function formatReadableTime(site: Site, time: PublishedTime): string {
  const key = `${site.language}|${site.timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(site.language, {
      dateStyle: "long",
      timeStyle: "short",
      timeZone: site.timeZone,
      hourCycle: "h23",
    });
    formatters.set(key, formatter);
  }
  const zone = site.timeZone === "UTC" ? " UTC" : "";
  return `${formatter.format(time.epochMs)}${zone}`;
}
