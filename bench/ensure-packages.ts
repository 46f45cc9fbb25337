// The bench needs wrk, hugo and script (a pseudo-terminal for the build) from Debian. Installs
// whichever is missing (apt-get update first), so `npm run bench` works on a fresh machine.
import { execFileSync } from "node:child_process";

const PACKAGES: readonly { readonly command: string; readonly pkg: string }[] = [
  { command: "wrk", pkg: "wrk" },
  { command: "hugo", pkg: "hugo" },
  { command: "script", pkg: "bsdutils" },
];

function isOnPath(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Installs what is missing of `commands` (every one the bench uses unless given). */
export function ensurePackages(
  log: (message: string) => void,
  commands: readonly string[] = PACKAGES.map((p) => p.command),
): void {
  const missing = PACKAGES.filter((p) => commands.includes(p.command) && !isOnPath(p.command)).map((p) => p.pkg);
  if (missing.length === 0) return;
  log(`installing ${missing.join(", ")} with apt-get`);
  const asRoot = process.getuid?.() === 0;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args: string[]) =>
    asRoot
      ? execFileSync("apt-get", args, { stdio: "inherit", env })
      : execFileSync("sudo", ["DEBIAN_FRONTEND=noninteractive", "apt-get", ...args], { stdio: "inherit", env });
  apt(["update"]);
  apt(["install", "-y", "--no-install-recommends", ...missing]);
  for (const pkg of missing) {
    const command = PACKAGES.find((p) => p.pkg === pkg)?.command ?? pkg;
    if (!isOnPath(command)) throw new Error(`apt-get installed ${pkg} but "${command}" is not on PATH`);
  }
}
