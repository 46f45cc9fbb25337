import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeStaleFiles, SiteWriter } from "../../../scripts/site-files.ts";

const encode = (text: string) => new TextEncoder().encode(text);

/** One build's writes: every file through one SiteWriter; how many it wrote. */
async function writeSiteFiles(dir: string, files: ReadonlyMap<string, Uint8Array>): Promise<number> {
  const writer = new SiteWriter(dir);
  for (const [path, bytes] of files) await writer.write(path, bytes);
  await writer.commit();
  return writer.changed;
}
const dirs: string[] = [];

function siteDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "feed-publisher-site-files-"));
  dirs.push(dir);
  return dir;
}

/** A file's mtime set back in time, so a rewrite shows as a newer one. */
function age(path: string): number {
  utimesSync(path, 1_000, 1_000);
  return statSync(path).mtimeMs;
}

describe("writing the published files", () => {
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("writes every file on a first build", async () => {
    const dir = siteDir();
    const files = new Map([
      ["/a/0ab", encode("shard")],
      ["/s/0123abcd", encode("feed")],
    ]);
    expect(await writeSiteFiles(dir, files)).toBe(2);
    expect(readFileSync(join(dir, "a/0ab"), "utf8")).toBe("shard");
    expect(readFileSync(join(dir, "s/0123abcd"), "utf8")).toBe("feed");
  });

  it("rewrites only the files whose bytes changed", async () => {
    const dir = siteDir();
    await writeSiteFiles(
      dir,
      new Map([
        ["/a/0ab", encode("same")],
        ["/a/0ac", encode("before")],
      ]),
    );
    const untouched = age(join(dir, "a/0ab"));
    const written = await writeSiteFiles(
      dir,
      new Map([
        ["/a/0ab", encode("same")],
        ["/a/0ac", encode("after")],
      ]),
    );
    expect(written).toBe(1);
    expect(statSync(join(dir, "a/0ab")).mtimeMs).toBe(untouched);
    expect(readFileSync(join(dir, "a/0ac"), "utf8")).toBe("after");
  });

  it("compares a file that differs only past a shared start", async () => {
    const dir = siteDir();
    await writeSiteFiles(dir, new Map([["/p/0", encode("index\nbody one")]]));
    expect(await writeSiteFiles(dir, new Map([["/p/0", encode("index\nbody two")]]))).toBe(1);
    expect(readFileSync(join(dir, "p/0"), "utf8")).toBe("index\nbody two");
  });

  it("removes the files no build publishes any more", async () => {
    const dir = siteDir();
    await writeSiteFiles(
      dir,
      new Map([
        ["/a/0ab", encode("kept")],
        ["/a/0ac", encode("gone")],
      ]),
    );
    const now = new Map([["/a/0ab", encode("kept")]]);
    removeStaleFiles(dir, new Set(now.keys()));
    expect(() => statSync(join(dir, "a/0ac"))).toThrow();
    expect(readFileSync(join(dir, "a/0ab"), "utf8")).toBe("kept");
  });
});
