// What the build says about articles that go live later. A scheduled article is invisible on
// the site, so a typo in a date line or a new timeZone would otherwise hide one without a word:
// the build names each scheduled article, warns about dates more than a year ahead, and warns
// when an article that is live now would be taken down until a later time.
import type { SourceLine } from "../src/load/load-articles.ts";
import { formatProblem } from "../src/load/problem.ts";
import { offsetMinutesAt } from "../src/load/zoned-time.ts";
import type { Article } from "../src/model/article.ts";
import type { Site } from "../src/model/site.ts";
import { formatReadableTime } from "../src/render/pages/format-time.ts";
import { describeDuration, YEAR } from "./describe-duration.ts";
import { formatLocalTime } from "./new-article-file.ts";
import type { PublicationRecord } from "./publication-record.ts";

/**
 * How many scheduled articles are named one per line, in the list and in the far-ahead
 * warnings. The build runs on every save under `wrangler dev`: past this, the soonest ones
 * (what goes live next) are listed and the rest counted, so a site with hundreds scheduled
 * does not push the build's other messages off the screen at each save.
 */
export const LISTED_SCHEDULED = 10;

export interface ScheduleInput {
  /** Newest first, as the loader orders them. */
  readonly articles: readonly Article[];
  /** Each article's date line, by id. */
  readonly dateLines: ReadonlyMap<string, SourceLine>;
  /** Its language and time zone write the times. */
  readonly site: Site;
  /** The build's clock. */
  readonly now: number;
  /** What the last successful build published; absent on a first build. */
  readonly previous?: PublicationRecord;
}

export interface ScheduleReport {
  /** How many articles go live after `now`. */
  readonly scheduled: number;
  /** Likely mistakes, for stderr: each a `warning: path:line:` problem. */
  readonly warnings: readonly string[];
  /** What is scheduled and which live articles an edit takes down, for stdout. */
  readonly lines: readonly string[];
}

export function reportSchedule(input: ScheduleInput): ScheduleReport {
  const where = (a: Article): SourceLine => input.dateLines.get(a.id) ?? { path: a.id, line: 1 };
  // Ties in file order, as the author sees the folder.
  const soonestFirst = input.articles
    .filter((a) => a.published.epochMs > input.now)
    .toSorted((a, b) => a.published.epochMs - b.published.epochMs || where(a).path.localeCompare(where(b).path));
  const context = { ...input, where };
  const takenDown = reportTakenDown(soonestFirst, context);
  return {
    scheduled: soonestFirst.length,
    warnings: [...warnFarAhead(soonestFirst, context), ...takenDown.warnings],
    lines: [...takenDown.lines, ...listScheduled(soonestFirst, context)],
  };
}

interface Context extends ScheduleInput {
  readonly where: (a: Article) => SourceLine;
}

/** Dates more than a year ahead, farthest first: a typo in the year is usually the farthest. */
function warnFarAhead(soonestFirst: readonly Article[], { site, now, where }: Context): string[] {
  const farAhead = soonestFirst.filter((a) => a.published.epochMs - now > YEAR).reverse();
  const warnings = farAhead
    .slice(0, LISTED_SCHEDULED)
    .map((a) =>
      warning(
        where(a),
        `"${a.title}" is scheduled ${describeDuration(a.published.epochMs - now)} ahead, for ${describeTime(site, a.published.epochMs)}; a typo in the year? It is built, and stays off the site until then`,
      ),
    );
  // Many such dates are a plan, not a typo: name a few, count the rest.
  if (farAhead.length > LISTED_SCHEDULED) {
    warnings.push(
      `warning: …and ${farAhead.length - LISTED_SCHEDULED} more article(s) scheduled more than a year ahead`,
    );
  }
  return warnings;
}

/**
 * Articles live now as the last build has them (so the site shows them) that this build
 * schedules: a warning when a new time zone moved the same date line, a line on stdout when
 * the author moved the date (intended, but the article still goes away).
 */
function reportTakenDown(soonestFirst: readonly Article[], { site, now, previous, where }: Context) {
  const warnings: string[] = [];
  const lines: string[] = [];
  if (previous === undefined) return { warnings, lines };
  for (const a of soonestFirst) {
    const before = previous.publishedAt.get(a.id);
    if (before === undefined || before > now) continue;
    const dateLine = formatLocalTime(a.published.epochMs, site.timeZone);
    const wasLive = `"${a.title}" has been live since ${describeTime({ ...site, timeZone: previous.timeZone }, before)}`;
    const goesLive = describeGoingLive(site, a, now);
    if (previous.timeZone !== site.timeZone && formatLocalTime(before, previous.timeZone) === dateLine) {
      warnings.push(
        warning(
          where(a),
          `${wasLive}, but timeZone changed from ${previous.timeZone} to ${site.timeZone} since the last build, so its date line ${dateLine} now means ${goesLive}: the site will not show it until then. To keep it live, write its date line as ${formatLocalTime(before, site.timeZone)}`,
        ),
      );
    } else {
      const { path, line } = where(a);
      lines.push(
        `${path}:${line}: ${wasLive}; its date line now schedules it for ${goesLive}, so the site will not show it until then`,
      );
    }
  }
  return { warnings, lines };
}

/** One line per scheduled article, the soonest LISTED_SCHEDULED of them, then a count. */
function listScheduled(soonestFirst: readonly Article[], { site, now, where }: Context): string[] {
  const lines = soonestFirst.slice(0, LISTED_SCHEDULED).map((a) => {
    const { path, line } = where(a);
    return `${path}:${line}: "${a.title}" goes live ${describeGoingLive(site, a, now)}`;
  });
  const last = soonestFirst.at(-1);
  const unlisted = soonestFirst.length - LISTED_SCHEDULED;
  if (last && unlisted > 0) {
    lines.push(`…and ${unlisted} more scheduled article(s), the last going live ${describeGoingLive(site, last, now)}`);
  }
  return lines;
}

/** "January 2, 2026 at 08:24 UTC+2 (Europe/Kyiv), in 3 h 20 min". */
function describeGoingLive(site: Site, a: Article, now: number): string {
  return `${describeTime(site, a.published.epochMs)}, in ${describeDuration(a.published.epochMs - now)}`;
}

/** "January 2, 2026 at 06:24 UTC+2 (Europe/Kyiv)": the readers' format, with the zone named. */
function describeTime(site: Site, epochMs: number): string {
  const time = formatReadableTime(site, { epochMs, offsetMinutes: offsetMinutesAt(epochMs, site.timeZone) });
  return site.timeZone === "UTC" ? time : `${time} (${site.timeZone})`;
}

function warning({ path, line }: SourceLine, message: string): string {
  return formatProblem({ severity: "warning", path, line, message });
}
