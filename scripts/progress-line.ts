// A progress line for long builds, on a terminal only: logs and CI get the one summary line.
// It names the build's current step (reading, parsing, rendering, writing), so a long build
// is never silent after its first 2 s, whichever step it is in.

const QUIET_FOR_MS = 2_000;
/** At most this often, so that counting 100,000 files does not flood the terminal. */
const REDRAW_MS = 100;

export interface ProgressOptions {
  /** Where the line is drawn: stderr, shown only when it is a terminal. */
  readonly stream?: { readonly isTTY?: boolean; write(text: string): unknown };
  /** Milliseconds the build has run: from the process's start, since reading comes first. */
  readonly elapsedMs?: () => number;
}

export interface ProgressLine {
  /** A new step, with how many items it counts when it counts them; drawn at once if past 2 s. */
  step(name: string, total?: number): void;
  /** How many items of the current step are done. */
  update(done: number): void;
  /** Clears the line, if one is drawn, for a message or the summary that follows. */
  done(): void;
}

export function progressLine({
  stream = process.stderr,
  elapsedMs = () => performance.now(),
}: ProgressOptions = {}): ProgressLine {
  const shown = stream.isTTY === true;
  let name = "";
  let total: number | undefined;
  let drawn = false;
  let drawnAt = Number.NEGATIVE_INFINITY;
  const draw = (text: string, force: boolean) => {
    const now = elapsedMs();
    if (!shown || now < QUIET_FOR_MS || (!force && now - drawnAt < REDRAW_MS)) return;
    stream.write(`\r\x1b[K${text}`);
    drawn = true;
    drawnAt = now;
  };
  return {
    step(stepName, stepTotal) {
      name = stepName;
      total = stepTotal;
      draw(total === undefined ? `${name}…` : `${name}: 0/${total}`, true);
    },
    update(done) {
      draw(total === undefined ? `${name}… ${done}` : `${name}: ${done}/${total}`, false);
    },
    done() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
