// A progress line for long builds, on a terminal only: logs and CI get the one summary line.

const QUIET_FOR_MS = 2_000;

export function progressLine(total: number): { update: (done: number) => void; done: () => void } {
  const started = Date.now();
  const shown = process.stderr.isTTY === true;
  let drawn = false;
  return {
    update(done) {
      if (!shown || Date.now() - started < QUIET_FOR_MS) return;
      process.stderr.write(`\rrendering articles: ${done}/${total}`);
      drawn = true;
    },
    done() {
      if (drawn) process.stderr.write("\r\x1b[K");
    },
  };
}
