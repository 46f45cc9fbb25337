// Every conversion between instants and the ways the project writes them: calendar fields,
// RFC 3339 (feeds), HTTP-dates (RFC 9110 §5.6.7) and localised text. No function here reads the
// clock; a caller that needs "now" passes it.
import type { PublishedTime } from "./article.ts";

/** A calendar date and time of day, month 1–12, with no zone. */
export interface CalendarTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** HTTP dates, ETag-validated times and git's dates have whole seconds: so do ours. */
/**
 * The latest of some instants, never earlier than `floor`. A loop, not Math.max(...instants):
 * spreading an array into a call passes each element as an argument, and past about 125,000
 * of them (one per article of a large site) the call throws RangeError.
 */
export function latestOf(instants: Iterable<number>, floor: number): number {
  let latest = floor;
  for (const at of instants) if (at > latest) latest = at;
  return latest;
}

export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/**
 * The instant the fields name read as UTC, or undefined when they name no real date and time
 * (30 February, 25:61, year 0): Date.UTC would silently roll those over.
 */
export function utcInstantOf(t: CalendarTime): number | undefined {
  const ms = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const d = new Date(ms);
  const real =
    t.year >= 1 &&
    d.getUTCFullYear() === t.year &&
    d.getUTCMonth() === t.month - 1 &&
    d.getUTCDate() === t.day &&
    d.getUTCHours() === t.hour &&
    d.getUTCMinutes() === t.minute &&
    d.getUTCSeconds() === t.second;
  return real ? ms : undefined;
}

/** RFC 3339 in the time's own offset: "2025-02-24T01:27:00Z", "2025-06-01T09:30:00+03:00". */
export function toRfc3339(time: PublishedTime): string {
  const local = new Date(time.epochMs + time.offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (time.offsetMinutes === 0) return `${local}Z`;
  const sign = time.offsetMinutes > 0 ? "+" : "-";
  const minutes = Math.abs(time.offsetMinutes);
  return `${local}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl.DateTimeFormat is slow to build and formats are few: each is built once. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC_850 =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

/**
 * An HTTP-date (RFC 9110 §5.6.7) in any of its three forms, as ms since the epoch; undefined
 * for anything else, including impossible dates such as 31 Feb. `now` places the two-digit
 * years of the obsolete RFC 850 form.
 */
export function parseHttpDate(value: string, now: number): number | undefined {
  const text = value.trim();
  const fields = (year: string | number, month: string, day: string, time: readonly string[]) => {
    const monthIndex = MONTHS.indexOf(month);
    if (monthIndex < 0) return undefined;
    const [hour, minute, second] = time.map(Number);
    return utcInstantOf({
      year: Number(year),
      month: monthIndex + 1,
      day: Number(day.trim()),
      hour: hour ?? 0,
      minute: minute ?? 0,
      second: second ?? 0,
    });
  };
  const imf = IMF_FIXDATE.exec(text);
  if (imf) return fields(imf[3] ?? "", imf[2] ?? "", imf[1] ?? "", imf.slice(4, 7));
  const rfc850 = RFC_850.exec(text);
  if (rfc850) {
    // §5.6.7: a two-digit year that looks more than 50 years ahead is in the past century.
    const yy = Number(rfc850[3]);
    const year = yy + (yy + 2000 > new Date(now).getUTCFullYear() + 50 ? 1900 : 2000);
    return fields(year, rfc850[2] ?? "", rfc850[1] ?? "", rfc850.slice(4, 7));
  }
  const asctime = ASCTIME.exec(text);
  if (asctime) return fields(asctime[6] ?? "", asctime[1] ?? "", asctime[2] ?? "", asctime.slice(3, 6));
  return undefined;
}

/** IMF-fixdate, the form Last-Modified is sent in. */
export function formatHttpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
