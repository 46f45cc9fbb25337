// How the reader takes a whole file's body from the asset server: a large one as a stream it
// does not read, a small one whole and kept (src/serve/asset-reader.ts).
import { describe, expect, it } from "vitest";
import { AssetReader } from "../../src/serve/asset-reader.ts";

const CHUNK = 64 * 1024;
const CHUNKS = 64;

/** A 4 MiB file, served chunk by chunk as it is pulled, with each pull and any arrayBuffer() counted. */
function lazyAssets() {
  const seen = { fetches: 0, pulls: 0, arrayBuffers: 0 };
  return {
    seen,
    fetch: async () => {
      seen.fetches++;
      let sent = 0;
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            seen.pulls++;
            controller.enqueue(new Uint8Array(CHUNK).fill(sent % 251));
            if (++sent === CHUNKS) controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      const response = new Response(body);
      Object.defineProperty(response, "arrayBuffer", {
        value: () => {
          seen.arrayBuffers++;
          return Promise.reject(new Error("a large body was read whole"));
        },
      });
      return response;
    },
  };
}

async function drain(body: Uint8Array | ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}

describe("AssetReader.file", () => {
  it("passes a body larger than it keeps on as the asset server's stream, unread", async () => {
    const assets = lazyAssets();
    const reader = new AssetReader(assets);
    const body = await reader.file("/s/large", '"large"', CHUNK * CHUNKS);
    expect(body).toBeInstanceOf(ReadableStream);
    expect(assets.seen.pulls).toBe(0);
    const bytes = await drain(body);
    expect(bytes.length).toBe(CHUNK * CHUNKS);
    expect(bytes[CHUNK * 5]).toBe(5);
    expect(assets.seen.pulls).toBe(CHUNKS);
    expect(assets.seen.arrayBuffers).toBe(0);
    // Not kept: the next request reads the asset again.
    await drain(await reader.file("/s/large", '"large"', CHUNK * CHUNKS));
    expect(assets.seen.fetches).toBe(2);
  });

  it("reads a small body whole and keeps it", async () => {
    let fetches = 0;
    const reader = new AssetReader({
      fetch: async () => {
        fetches++;
        return new Response("<p>small</p>");
      },
    });
    for (let i = 0; i < 2; i++) {
      const body = await reader.file("/s/small", '"small"', 12);
      expect(body).toBeInstanceOf(Uint8Array);
      expect(new TextDecoder().decode(await drain(body))).toBe("<p>small</p>");
    }
    expect(fetches).toBe(1);
  });

  it("fails, rather than streaming nothing, when the asset server does not have a large file", async () => {
    const reader = new AssetReader({ fetch: async () => new Response(null, { status: 404 }) });
    await expect(reader.file("/s/large", '"large"', 1 << 22)).rejects.toThrow("asset /s/large answered 404");
  });
});
