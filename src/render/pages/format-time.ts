import type { PublishedTime } from "../../model/article.ts";
import type { Site } from "../../model/site.ts";
import { dateTimeFormat } from "../../model/time.ts";

/**
 * "February 24, 2025 at 01:27 UTC", "April 7, 2026 at 21:30 UTC+3" for "en": the published
 * time in the site's language and zone, always with its offset, so no reader has to guess
 * which zone a bare "21:30" was in.
 */
export function formatReadableTime(site: Site, time: PublishedTime): string {
  const formatter = dateTimeFormat(site.language, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: site.timeZone,
    hourCycle: "h23",
  });
  return `${formatter.format(time.epochMs)} ${offsetLabel(time.offsetMinutes)}`;
}

/** "UTC", "UTC+3", "UTC+5:30", "UTC-3:30": the offset the time was read in. */
function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "UTC";
  const sign = offsetMinutes > 0 ? "+" : "-";
  const hours = Math.floor(Math.abs(offsetMinutes) / 60);
  const minutes = Math.abs(offsetMinutes) % 60;
  return `UTC${sign}${hours}${minutes === 0 ? "" : `:${String(minutes).padStart(2, "0")}`}`;
}
