import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** The environment without anything of an enclosing git run (a hook sets GIT_DIR, …). */
function gitEnv(date?: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("GIT_")));
  const dates = date === undefined ? {} : { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  return { ...env, ...dates, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
}

/** Runs git in `dir` (committing as of `date`, an ISO 8601 instant); its output, or it throws. */
export function git(dir: string, args: readonly string[], date?: string): string {
  const run = spawnSync(
    "git",
    ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", ...args],
    { cwd: dir, encoding: "utf8", env: gitEnv(date) },
  );
  if (run.status !== 0) throw new Error(`git ${args.join(" ")} in ${dir}: ${run.stderr || run.error}`);
  return run.stdout;
}

/** Makes `dir` a repository whose first commit, at `date`, holds everything in it. */
export function commitFolder(dir: string, date: string): void {
  writeFileSync(join(dir, ".gitignore"), "node_modules\nsrc/generated/\n");
  git(dir, ["init", "-q", "-b", "main"]);
  commitAll(dir, "first", date);
}

/** Commits every change in `dir` at `date`. */
export function commitAll(dir: string, message: string, date: string): void {
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", message], date);
}
