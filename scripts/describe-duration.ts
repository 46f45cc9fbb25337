// How long until something happens, in the words a build message uses: "3 h 20 min", "2 days
// 5 h", "12 days", "36 years". Rounded to the smallest unit shown, so an article written for
// "in 3 h 20 min" still reads so when the build runs a few seconds later.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The mean Gregorian year: close enough for a count of whole years. */
export const YEAR = 365.2425 * DAY;

/** A positive span of time (ms) as a reader estimates it: finer when it is short. */
export function describeDuration(ms: number): string {
  if (ms < 30_000) return "under a minute";
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return joinUnits(Math.floor(minutes / 60), "h", minutes % 60, "min");
  const hours = Math.round(ms / HOUR);
  // Within a week the hour still matters ("tomorrow afternoon"); later, the day is enough.
  if (hours < 7 * 24) return joinUnits(Math.floor(hours / 24), plural(Math.floor(hours / 24), "day"), hours % 24, "h");
  const days = Math.round(ms / DAY);
  if (ms < YEAR) return `${days} ${plural(days, "day")}`;
  const years = Math.floor(ms / YEAR);
  const rest = Math.round((ms - years * YEAR) / DAY);
  // Past a few years the days are noise; a year and some days is still a plan someone made.
  return years < 5 && rest > 0 && rest < 365
    ? `${years} ${plural(years, "year")} ${rest} ${plural(rest, "day")}`
    : `${years} ${plural(years, "year")}`;
}

/** "3 h 20 min", or "3 h" when the smaller unit is zero. */
function joinUnits(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;
}

function plural(count: number, unit: string): string {
  return count === 1 ? unit : `${unit}s`;
}
