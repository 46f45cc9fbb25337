/**
 * How often the Worker looks for feeds that publication changed: wrangler.toml's
 * `[triggers] crons` runs its scheduled handler every minute, and the run scheduled at T
 * notifies the hub of the states that began in (T − PING_INTERVAL_MS, T]. The two must agree,
 * or publications fall between runs (tests/node/build/ping-cron.test.ts reads wrangler.toml).
 */
export const PING_CRON = "* * * * *";
export const PING_INTERVAL_MS = 60_000;
