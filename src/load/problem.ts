/** Something wrong with an input file, located precisely enough to fix it. */
export interface Problem {
  readonly severity: "error" | "warning";
  readonly path: string;
  /** 1-based line number in the file. */
  readonly line: number;
  /** What is wrong; what was expected. */
  readonly message: string;
}

export function formatProblem(problem: Problem): string {
  const prefix = problem.severity === "warning" ? "warning: " : "";
  return `${prefix}${problem.path}:${problem.line}: ${problem.message}`;
}

/** Collects one file's problems; the one place a Problem is made. */
export class FileProblems {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];

  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  error(line: number, message: string): void {
    this.errors.push({ severity: "error", path: this.path, line, message });
  }

  warn(line: number, message: string): void {
    this.warnings.push({ severity: "warning", path: this.path, line, message });
  }
}
