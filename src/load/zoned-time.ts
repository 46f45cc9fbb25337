import type { PublishedTime } from "../model/article.ts";

export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
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
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** True when the fields name a calendar date and a time of day that exist (no 30 February, no 25:61). */
export function isRealDateTime(t: LocalDateTime): boolean {
  const ms = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const d = new Date(ms);
  return (
    t.year >= 1 &&
    d.getUTCFullYear() === t.year &&
    d.getUTCMonth() === t.month - 1 &&
    d.getUTCDate() === t.day &&
    d.getUTCHours() === t.hour &&
    d.getUTCMinutes() === t.minute &&
    d.getUTCSeconds() === t.second
  );
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
