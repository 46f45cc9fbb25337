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
    // The first line says what failed; the end of the output usually says why.
    const lines = text.split("\n").filter((line) => line.trim() !== "");
    const why = lines.length > 1 ? `${lines[0]} … ${lines.at(-1)}` : (lines[0] ?? "failed");
    const short = why.length > 400 ? `${why.slice(0, 200)} … ${why.slice(-200)}` : why;
    log(`failed: ${short}`);
    return { ok: false, error: short };
  }
}
