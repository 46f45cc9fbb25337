/** What a check returns: the problems it found, none when it passed. */
export type Problems = readonly string[];

const MAX_REASONS = 4;
const MAX_REASON_LENGTH = 1_500;

/** Prints one line per check, `PASS name` or `FAIL name: reason`, and keeps the count. */
export class Report {
  passed = 0;
  failed = 0;
  readonly #write: (line: string) => void;

  constructor(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {
    this.#write = write;
  }

  /** Runs one check; a thrown error is a failure too, never the end of the suite. */
  async check(name: string, run: () => Promise<Problems> | Problems): Promise<boolean> {
    let problems: Problems;
    try {
      problems = await run();
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)];
    }
    if (problems.length === 0) {
      this.passed++;
      this.#write(`PASS ${name}`);
      return true;
    }
    this.failed++;
    this.#write(`FAIL ${name}: ${summarize(problems)}`);
    return false;
  }

  summary(): string {
    return `${this.passed} passed, ${this.failed} failed`;
  }
}

/** One line: the first few problems, newlines flattened, and how many more there were. */
function summarize(problems: Problems): string {
  const shown = problems.slice(0, MAX_REASONS).join("; ");
  const more = problems.length > MAX_REASONS ? ` (and ${problems.length - MAX_REASONS} more)` : "";
  const line = `${shown}${more}`.replace(/\s*\n\s*/g, " | ");
  return line.length > MAX_REASON_LENGTH ? `${line.slice(0, MAX_REASON_LENGTH)}…` : line;
}
