/**
 * Runs asynchronous tasks at most `max` at a time, so that work handed to other threads (file
 * writes, rendering) overlaps with this one's without holding unbounded memory. Waiting costs
 * one promise per waiter (Promise.race over the tasks in flight would add a reaction to each
 * of them on every call).
 */
export class InFlightLimit {
  readonly #max: number;
  readonly #waiting: (() => void)[] = [];
  #running = 0;
  #failure: { readonly error: unknown } | undefined;

  constructor(max: number) {
    this.#max = max;
  }

  /** Starts `task` once fewer than `max` run; resolves when it has started. A failure is kept for `settle`. */
  async start(task: () => Promise<void>): Promise<void> {
    while (this.#running >= this.#max) await this.#turn();
    this.#running++;
    void task()
      .catch((error: unknown) => {
        this.#failure ??= { error };
      })
      .finally(() => {
        this.#running--;
        // Every waiter looks again: a start takes the free slot, a settle waits on.
        for (const wake of this.#waiting.splice(0)) wake();
      });
  }

  /** Waits for every task started, then throws the first failure, if any. */
  async settle(): Promise<void> {
    while (this.#running > 0) await this.#turn();
    if (this.#failure !== undefined) throw this.#failure.error;
  }

  #turn(): Promise<void> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
}
