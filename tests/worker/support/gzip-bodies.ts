// Reading bodies stored gzip-coded as a client does: bytes, decoded bytes, their strong tag.
import { expect } from "vitest";
import { AssetStore } from "../../../src/publish/asset-store.ts";

export const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

export const gunzip = async (bytes: Uint8Array) =>
  new Uint8Array(
    await new Response(
      new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("gzip")),
    ).arrayBuffer(),
  );

export const tagOf = (bytes: Uint8Array) => new AssetStore().etagOf(bytes);

/** Whether two byte strings are equal: a boolean, since a diff of 100 KB of bytes takes minutes to print. */
export const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

export type Requester = (path: string, headers?: Record<string, string>) => Promise<Response>;

/**
 * A body stored gzip-coded has two representations, each with its own tag: a 304 for the tag
 * of the one the client would get, and for the other's tag a 200 with the client's own bytes.
 */
export async function expectTagPerCoding(request: Requester, path: string, identity: Uint8Array): Promise<void> {
  const identityTag = (await request(path)).headers.get("etag") ?? "";
  const gzipTag = (await request(path, { "Accept-Encoding": "gzip" })).headers.get("etag") ?? "";
  expect(identityTag).not.toBe(gzipTag);

  const plain304 = await request(path, { "If-None-Match": identityTag });
  expect(plain304.status).toBe(304);
  expect(plain304.headers.get("etag")).toBe(identityTag);
  expect(plain304.headers.get("vary")).toBe("Accept-Encoding");
  const gzip304 = await request(path, { "Accept-Encoding": "gzip", "If-None-Match": gzipTag });
  expect(gzip304.status).toBe(304);
  expect(gzip304.headers.get("etag")).toBe(gzipTag);
  expect((await bytesOf(gzip304)).length).toBe(0);

  const crossedPlain = await request(path, { "If-None-Match": gzipTag });
  expect(crossedPlain.status).toBe(200);
  expect(same(await bytesOf(crossedPlain), identity)).toBe(true);
  const crossedGzip = await request(path, { "Accept-Encoding": "gzip", "If-None-Match": identityTag });
  expect(crossedGzip.status).toBe(200);
  expect(crossedGzip.headers.get("content-encoding")).toBe("gzip");
}

/** Words that do not repeat much, so a body is tens of KB even gzip-coded: several chunks either way. */
export function prose(seed: number, words: number): string {
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out.push(state.toString(36).slice(0, 3 + (state % 6)));
  }
  return `${out.join(" ")}.`;
}
