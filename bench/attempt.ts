import type { Measured } from "./results.ts";

/**
 * Runs one measurement; a failure becomes its reason in the report instead of ending the run,
 * since today's design is expected to fail at some sizes (too large a script, a timeout).
 */
export async function attempt<T>(step: () => Promise<T>, log: (message: string) => void): Promise<Measured<T>> {
  try {
    return { ok: true, value: await step() };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // The first line says what failed and why (run-command.ts); the rest goes to the log only.
    const first = text.split("\n").find((line) => line.trim() !== "") ?? "failed";
    const short = first.length > 300 ? `${first.slice(0, 300)} …` : first;
    log(`failed: ${text}`);
    return { ok: false, error: short };
  }
}
