import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PING_CRON, PING_INTERVAL_MS } from "../../../src/push/ping-schedule.ts";
import { ROOT } from "../../support/project-copy.ts";

/** The schedules in wrangler.toml's `[triggers] crons = [...]`. */
function cronsOf(toml: string): string[] {
  const triggers = /^\[triggers\]$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(toml)?.[1] ?? "";
  const list = /^crons = \[([^\]]*)\]/m.exec(triggers)?.[1] ?? "";
  return [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
}

/** The period of a cron that fires every N minutes ("* * * * *", "*\/5 * * * *"), in ms. */
function periodOf(cron: string): number | undefined {
  const match = /^\*(?:\/(\d+))? \* \* \* \*$/.exec(cron);
  return match ? Number(match[1] ?? 1) * 60_000 : undefined;
}

describe("the cron that notifies the WebSub hub", () => {
  it("is the one wrangler.toml schedules, and fires as often as each run looks back", () => {
    expect(cronsOf(readFileSync(join(ROOT, "wrangler.toml"), "utf8"))).toEqual([PING_CRON]);
    expect(periodOf(PING_CRON)).toBe(PING_INTERVAL_MS);
  });
});
