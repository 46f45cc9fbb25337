import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/free-port.ts";
import { type RunningServer, startServer } from "../../scripts/process-group.ts";
import { WRANGLER_CLI } from "../../scripts/runtime-binaries.ts";
import { childEnv, makeProjectCopy, removeTempDirs } from "../support/project-copy.ts";
import { startTestWranglerDev } from "../support/test-wrangler-dev.ts";

const PUBLIC = "https://news.example.org";
const TIMEOUT_MS = 150_000;
const FEEDS = ["/rss.xml", "/atom.xml", "/feed.json"];

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  removeTempDirs();
});

/** A copy of the project whose wrangler.toml sets the public address, as a site ready to deploy has. */
function configuredProject(prefix: string): string {
  const dir = makeProjectCopy(prefix);
  const config = join(dir, "wrangler.toml");
  writeFileSync(config, readFileSync(config, "utf8").replace(/^BASE_URL = .*$/m, `BASE_URL = "${PUBLIC}"`));
  return dir;
}

/** The bodies a reader gets at `origin`: the feeds, the home page, an article, the crawler files. */
async function readSite(origin: string): Promise<Map<string, string>> {
  const get = async (path: string) => {
    const response = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(10_000) });
    expect(response.status, `${origin}${path}`).toBe(200);
    return response.text();
  };
  const bodies = new Map<string, string>();
  for (const path of [...FEEDS, "/", "/sitemap.xml", "/robots.txt"]) bodies.set(path, await get(path));
  const article = new URL(
    (JSON.parse(bodies.get("/feed.json") ?? "") as { items: { url: string }[] }).items[0]?.url ?? "",
  );
  bodies.set(article.pathname, await get(article.pathname));
  return bodies;
}

/** Every link in `bodies` that names this site, wherever it points: none may leave `origin`. */
function expectLinksTo(origin: string, bodies: Map<string, string>): void {
  for (const [path, text] of bodies) {
    expect(text, path).not.toContain(PUBLIC);
    const onSite = text.match(/https?:\/\/(?:127\.0\.0\.1|localhost)[^\s"'<>)]*/g) ?? [];
    expect(onSite.length, path).toBeGreaterThan(0);
    for (const url of onSite) expect(url.startsWith(origin), `${path}: ${url}`).toBe(true);
  }
}

describe("wrangler dev serves links to itself", () => {
  it("a direct wrangler dev on a port of its own, with the public address configured", {
    timeout: TIMEOUT_MS,
  }, async () => {
    const server = await startTestWranglerDev(configuredProject("dev-links"));
    servers.push(server);
    expectLinksTo(server.origin, await readSite(server.origin));
  });
});

describe("npm start -- --port N", () => {
  it("serves links to its port, at whichever name it is reached, and keeps answering as before while a deploy builds", {
    timeout: TIMEOUT_MS,
  }, async () => {
    const dir = configuredProject("start-port");
    const port = await findFreePort();
    const origin = `http://127.0.0.1:${port}`;
    const server = await startServer({
      label: "npm start",
      command: "npm",
      args: ["start", "--", "--port", String(port), "--inspector-port", String(await findFreePort())],
      cwd: dir,
      env: childEnv(),
      origin,
      ready: { path: "/" },
      failOn: /\[ERROR\]/,
      timeoutMs: 90_000,
    });
    servers.push(server);
    const before = await readSite(origin);
    expectLinksTo(origin, before);
    expectLinksTo(`http://localhost:${port}`, await readSite(`http://localhost:${port}`));

    // A deploy's build (a dry run here) for another address, in the same checkout, meanwhile.
    const deploy = spawnSync(process.execPath, [WRANGLER_CLI, "deploy", "--dry-run", "--outdir", join(dir, "bundle")], {
      cwd: dir,
      encoding: "utf8",
      env: childEnv({ BASE_URL: "https://staging.example.org" }),
      timeout: 120_000,
    });
    expect(deploy.status, deploy.stderr).toBe(0);
    expect(readFileSync(join(dir, "bundle", "index.js"), "utf8")).toContain('"https://staging.example.org"');
    const after = await readSite(origin);
    expect(after).toEqual(before);
  });
});
