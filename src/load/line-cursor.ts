/** A position in an article's lines, which each section reader moves past what it reads. */
export class LineCursor {
  /** 0-based index of the current line. */
  index = 0;

  readonly lines: readonly string[];

  constructor(lines: readonly string[]) {
    this.lines = lines;
  }

  /** The current line, or undefined past the end. */
  get line(): string | undefined {
    return this.lines[this.index];
  }

  /** The current line's 1-based number, as problems name it. */
  get number(): number {
    return this.index + 1;
  }

  get atEnd(): boolean {
    return this.index >= this.lines.length;
  }

  /** The current line, then moves past it. */
  take(): string {
    return this.lines[this.index++] ?? "";
  }

  skipBlank(): void {
    while (!this.atEnd && isBlank(this.line ?? "")) this.index++;
  }
}

/** Whitespace-only lines separate paragraphs just like empty ones. */
export function isBlank(line: string): boolean {
  return /^\s*$/u.test(line);
}
