// How many times a day wrangler.toml's Cron Triggers run the Worker: each run is an invocation
// that counts against the free plan's daily requests like a request does.

/** The values (0 to size-1) one minute or hour field names: *, n, a-b, a step /s on either, and lists of them. */
function fieldValues(field: string, size: number, expression: string): Set<number> {
  const values = new Set<number>();
  for (const part of field.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`cron "${expression}": cannot read "${part}"; expected *, n, a-b or a step /s`);
    const [, all, from, to, step] = match;
    const first = all === "*" ? 0 : Number(from);
    const last = all === "*" ? size - 1 : to !== undefined ? Number(to) : step !== undefined ? size - 1 : first;
    if (first > last || last >= size) throw new Error(`cron "${expression}": "${part}" is outside 0-${size - 1}`);
    for (let v = first; v <= last; v += Number(step ?? 1)) values.add(v);
  }
  return values;
}

/**
 * Runs in one day of the expressions together (a minute two of them name runs once each:
 * Cloudflare starts one invocation per trigger). Only the minute and hour fields may narrow it:
 * a day-of-month, month or day-of-week field would make the count depend on the day, and the
 * project's schedule needs none.
 */
export function cronRunsPerDay(expressions: readonly string[]): number {
  let runs = 0;
  for (const expression of expressions) {
    const fields = expression.trim().split(/\s+/);
    if (fields.length !== 5) throw new Error(`cron "${expression}": expected 5 fields (minute hour day month weekday)`);
    const [minute = "", hour = "", ...days] = fields;
    if (days.some((field) => field !== "*")) {
      throw new Error(`cron "${expression}": only * is read in the day, month and weekday fields`);
    }
    runs += fieldValues(minute, 60, expression).size * fieldValues(hour, 24, expression).size;
  }
  return runs;
}
