// What the build says about articles that go live later. A scheduled article is invisible on
// the site, so a typo in a date line or a new timeZone would otherwise hide one without a word:
// the build names each scheduled article, warns about dates more than a year ahead, and warns
// when an article that is live now would be taken down until a later time.
import type { SourceLine } from "../src/load/load-articles.ts";
import { formatProblem } from "../src/load/problem.ts";
import { offsetMinutesAt } from "../src/load/zoned-time.ts";
import type { Article } from "../src/model/article.ts";
import type { Site } from "../src/model/site.ts";
import { formatReadableTime } from "../src/render/format-time.ts";
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
  const { site, now, previous } = input;
  const where = (a: Article): SourceLine => input.dateLines.get(a.id) ?? { path: a.id, line: 1 };
  // Ties in file order, as the author sees the folder.
  const soonestFirst = input.articles
    .filter((a) => a.published.epochMs > now)
    .toSorted((a, b) => a.published.epochMs - b.published.epochMs || where(a).path.localeCompare(where(b).path));
  const goesLive = (a: Article) =>
    `${describeTime(site, a.published.epochMs)}, in ${describeDuration(a.published.epochMs - now)}`;
  const warnings: string[] = [];
  const lines: string[] = [];

  // Farthest first: a typo in the year is usually the farthest date of all.
  const farAhead = soonestFirst.filter((a) => a.published.epochMs - now > YEAR).reverse();
  for (const a of farAhead.slice(0, LISTED_SCHEDULED)) {
    const ahead = describeDuration(a.published.epochMs - now);
    warnings.push(
      warning(
        where(a),
        `"${a.title}" is scheduled ${ahead} ahead, for ${describeTime(site, a.published.epochMs)}; a typo in the year? It is built, and stays off the site until then`,
      ),
    );
  }
  // Many such dates are a plan, not a typo: name a few, count the rest.
  if (farAhead.length > LISTED_SCHEDULED) {
    warnings.push(
      `warning: …and ${farAhead.length - LISTED_SCHEDULED} more article(s) scheduled more than a year ahead`,
    );
  }

  for (const a of soonestFirst) {
    const before = previous?.publishedAt.get(a.id);
    // Live now as the last build has it (deployed, the site shows it), and scheduled by this one.
    if (previous === undefined || before === undefined || before > now) continue;
    const dateLine = formatLocalTime(a.published.epochMs, site.timeZone);
    const wasLive = `"${a.title}" has been live since ${describeTime({ ...site, timeZone: previous.timeZone }, before)}`;
    if (previous.timeZone !== site.timeZone && formatLocalTime(before, previous.timeZone) === dateLine) {
      warnings.push(
        warning(
          where(a),
          `${wasLive}, but timeZone changed from ${previous.timeZone} to ${site.timeZone} since the last build, so its date line ${dateLine} now means ${goesLive(a)}: the site will not show it until then. To keep it live, write its date line as ${formatLocalTime(before, site.timeZone)}`,
        ),
      );
    } else {
      // The author moved the date: intended, so said on stdout, but the article does go away.
      const { path, line } = where(a);
      lines.push(
        `${path}:${line}: ${wasLive}; its date line now schedules it for ${goesLive(a)}, so the site will not show it until then`,
      );
    }
  }

  for (const a of soonestFirst.slice(0, LISTED_SCHEDULED)) {
    const { path, line } = where(a);
    lines.push(`${path}:${line}: "${a.title}" goes live ${goesLive(a)}`);
  }
  const last = soonestFirst.at(-1);
  const unlisted = soonestFirst.length - LISTED_SCHEDULED;
  if (last && unlisted > 0) {
    lines.push(`…and ${unlisted} more scheduled article(s), the last going live ${goesLive(last)}`);
  }
  return { scheduled: soonestFirst.length, warnings, lines };
}

/** "January 2, 2026 at 06:24 UTC+2 (Europe/Kyiv)": the readers' format, with the zone named. */
function describeTime(site: Site, epochMs: number): string {
  const time = formatReadableTime(site, { epochMs, offsetMinutes: offsetMinutesAt(epochMs, site.timeZone) });
  return site.timeZone === "UTC" ? time : `${time} (${site.timeZone})`;
}

function warning({ path, line }: SourceLine, message: string): string {
  return formatProblem({ severity: "warning", path, line, message });
}
