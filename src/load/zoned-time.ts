import type { PublishedTime } from "../model/article.ts";
import { type CalendarTime, dateTimeFormat, utcInstantOf, wholeSeconds } from "../model/time.ts";

export type LocalDateTime = CalendarTime;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the zone from UTC at an instant, in minutes east. */
export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  // The default zone needs no calendar arithmetic (and is most sites' choice).
  if (timeZone === "UTC") return 0;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    fields.year ?? 0,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  return Math.round((asUtc - wholeSeconds(epochMs)) / 60_000);
}

/** True when the fields name a calendar date and a time of day that exist (no 30 February, no 25:61). */
export function isRealDateTime(t: LocalDateTime): boolean {
  return utcInstantOf(t) !== undefined;
}

/**
 * The instant a wall-clock time names in a zone. A time skipped by a clock change gives
 * undefined; a time that occurs twice gives the earlier instant.
 */
export function resolveLocalTime(t: LocalDateTime, timeZone: string): PublishedTime | undefined {
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const day = 86_400_000;
  const offsets = new Set([day, 0, -day].map((shift) => offsetMinutesAt(asUtc + shift, timeZone)));
  const instants = [...offsets]
    .map((offset) => ({ epochMs: asUtc - offset * 60_000, offsetMinutes: offset }))
    .filter((candidate) => offsetMinutesAt(candidate.epochMs, timeZone) === candidate.offsetMinutes)
    .sort((a, b) => a.epochMs - b.epochMs);
  return instants[0];
}
