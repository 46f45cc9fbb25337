import { spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/free-port.ts";
import { type ProcessGroup, startGroup, startServer, waitUntilReady } from "../../scripts/process-group.ts";
import { listProcessGroup } from "../../scripts/process-tree.ts";
import { until } from "../support/until.ts";

const MODULE = resolve(import.meta.dirname, "../../scripts/process-group.ts");

/** A shell whose two children sleep, all three ignoring SIGTERM when `stubborn`. */
const sleepers = (stubborn: boolean) =>
  `${stubborn ? "trap '' TERM; " : ""}sleep 300 & sleep 300 & echo sleeping; wait`;

/** A Node HTTP server on `port` that answers every request with `status`. */
const httpServer = (port: number, status: number) =>
  `require("node:http").createServer((q, s) => { s.statusCode = ${status}; s.end("hello"); }).listen(${port}, "127.0.0.1")`;

const started: ProcessGroup[] = [];
afterEach(async () => {
  for (const group of started.splice(0)) await group.stop();
});

async function start(label: string, command: string, args: string[]): Promise<ProcessGroup> {
  const group = await startGroup({ label, command, args });
  started.push(group);
  return group;
}

describe("stop()", () => {
  it("ends the leader and every process it started", async () => {
    const group = await start("sleepers", "sh", ["-c", sleepers(false)]);
    await until("the shell to start its children", 10_000, async () =>
      group.log().includes("sleeping") ? true : undefined,
    );
    expect(listProcessGroup(group.pid)).toHaveLength(3);
    await group.stop();
    expect(listProcessGroup(group.pid)).toEqual([]);
    expect(group.exited()).toBe("SIGTERM");
  });

  it("kills what ignores SIGTERM once the grace period is over", async () => {
    const group = await start("stubborn sleepers", "sh", ["-c", sleepers(true)]);
    await until("the shell to start its children", 10_000, async () =>
      group.log().includes("sleeping") ? true : undefined,
    );
    await group.stop(200);
    expect(listProcessGroup(group.pid)).toEqual([]);
    expect(group.exited()).toBe("SIGKILL");
  });
});

describe("waitUntilReady()", () => {
  it("gives up as soon as the process exits, with what it printed", async () => {
    const group = await start("failing server", "sh", ["-c", "echo loading; echo 'no such config' >&2; exit 3"]);
    const origin = `http://127.0.0.1:${await findFreePort()}`;
    const waiting = waitUntilReady(group, { origin, ready: { path: "/" }, timeoutMs: 60_000 });
    await expect(waiting).rejects.toThrow(`failing server exited (3) before it would answer ${origin}/; it printed:\n`);
    await expect(waiting).rejects.toThrow("loading");
    await expect(waiting).rejects.toThrow("no such config");
  });

  it("gives up when the output shows an error, and leaves no process running", async () => {
    const group = await start("broken build", "sh", ["-c", "echo '✘ [ERROR] Build failed'; sleep 300"]);
    const origin = `http://127.0.0.1:${await findFreePort()}`;
    const waiting = waitUntilReady(group, { origin, ready: "listening", timeoutMs: 60_000, failOn: /Build failed/ });
    await expect(waiting).rejects.toThrow("broken build printed an error before it would accept a connection");
    await expect(waiting).rejects.toThrow("[ERROR] Build failed");
    expect(listProcessGroup(group.pid)).toEqual([]);
  });

  it("times out naming what it waited for, and leaves no process running", async () => {
    const group = await start("silent server", "sleep", ["300"]);
    const origin = `http://127.0.0.1:${await findFreePort()}`;
    const waiting = waitUntilReady(group, { origin, ready: { path: "/health" }, timeoutMs: 300 });
    await expect(waiting).rejects.toThrow(
      `silent server did not answer ${origin}/health within 0.3 s; it printed nothing`,
    );
    expect(listProcessGroup(group.pid)).toEqual([]);
  });

  it("waits for the status asked for", async () => {
    const port = await findFreePort();
    const group = await start("teapot", process.execPath, ["-e", httpServer(port, 418)]);
    const origin = `http://127.0.0.1:${port}`;
    // Below 500 is an answer unless a status is named.
    await waitUntilReady(group, { origin, ready: { path: "/" }, timeoutMs: 30_000 });
    const waiting = waitUntilReady(group, { origin, ready: { path: "/", status: 200 }, timeoutMs: 500 });
    await expect(waiting).rejects.toThrow(`teapot did not answer ${origin}/ within 0.5 s`);
  });
});

describe("startServer()", () => {
  it.each(["listening", { path: "/" }] as const)("resolves once the server is ready (%s)", async (ready) => {
    const port = await findFreePort();
    const origin = `http://127.0.0.1:${port}`;
    const server = await startServer({
      label: "hello server",
      command: process.execPath,
      args: ["-e", httpServer(port, 200)],
      origin,
      ready,
      timeoutMs: 30_000,
      intervalMs: 2,
    });
    started.push(server);
    expect(server.startupMs).toBeGreaterThan(0);
    expect(await (await fetch(origin)).text()).toBe("hello");
  });
});

describe("a run that ends before stopping its servers", () => {
  /**
   * A Node process that starts a group and prints its pid; then it is sent `signal`, or else
   * told on stdin to exit.
   */
  async function runOwner(signal?: NodeJS.Signals): Promise<{ pid: number; endedBy: NodeJS.Signals | null }> {
    const source = `import { startGroup } from ${JSON.stringify(MODULE)};
      const group = await startGroup({ label: "sleeper", command: "sleep", args: ["300"] });
      console.log(group.pid);
      process.stdin.once("data", () => process.exit(1));`;
    const owner = spawn(process.execPath, ["--input-type=module", "-e", source], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    const [line] = (await once(owner.stdout, "data")) as [Buffer];
    const pid = Number(line.toString());
    expect(listProcessGroup(pid)).toEqual([pid]);
    if (signal) owner.kill(signal);
    else owner.stdin.write("exit\n");
    const [, endedBy] = (await once(owner, "exit")) as [number | null, NodeJS.Signals | null];
    return { pid, endedBy };
  }

  it("takes them down when it exits", async () => {
    const { pid } = await runOwner();
    await until("the group to end", 5_000, async () => (listProcessGroup(pid).length === 0 ? true : undefined));
  });

  it("takes them down on Ctrl-C, and still ends by SIGINT", async () => {
    const { pid, endedBy } = await runOwner("SIGINT");
    expect(endedBy).toBe("SIGINT");
    await until("the group to end", 5_000, async () => (listProcessGroup(pid).length === 0 ? true : undefined));
  });
});
