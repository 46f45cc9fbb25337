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
