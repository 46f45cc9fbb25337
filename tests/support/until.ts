/**
 * Polls `probe` until it gives a value, then returns it: a wait on a condition, never a fixed
 * sleep. A probe that throws counts as not yet. After `timeoutMs` it fails, naming `what` and
 * adding `context()` (a server's log, say).
 */
export async function until<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  context: () => string = () => "",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const detail = context();
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `:\n${detail}` : ""}`);
}
