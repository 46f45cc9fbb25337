// Worker threads that render article shards beside the build's own thread, so a large build
// uses every core: the pages are most of its rendering (docs/performance.md).
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { type ArticleShardTask, type RenderedArticleShard, renderArticleShard } from "../src/publish/article-shard.ts";
import { digestOf } from "../src/publish/asset-store.ts";

/**
 * Shards rendered here before any thread starts: a thread takes a few hundred milliseconds to
 * load the renderers, more than a rebuild after an edit (two or three shards) spends rendering.
 */
const INLINE_FIRST = 32;

interface Reply {
  readonly id: number;
  readonly shard?: Uint8Array;
  readonly pages?: readonly (readonly [string, Uint8Array])[];
  readonly error?: string;
}

export interface RenderPool {
  readonly render: (task: ArticleShardTask) => Promise<RenderedArticleShard>;
  /** Stops the threads, if any started; the build's process could not exit while they run. */
  readonly close: () => Promise<void>;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest();
/** The strong ETag of some bytes, with Node's hash: the same as the Worker's tests compute. */
export const nodeEtagOf = async (bytes: Uint8Array) => (await digestOf(bytes, sha256)).etag;

/**
 * gzip as the build's own thread does it (scripts/build-articles.ts): zlib's level 6, the bytes
 * CompressionStream makes, so a shard reads the same whichever thread rendered it.
 */
export const nodeGzip = (bytes: Uint8Array): Uint8Array => gzipSync(bytes, { level: 6 });

/** One thread per core: the build's own thread renders the rest of the site meanwhile. */
export function startRenderPool(size = availableParallelism()): RenderPool {
  let workers: Worker[] | undefined;
  const waiting = new Map<number, { resolve: (r: RenderedArticleShard) => void; reject: (e: Error) => void }>();
  const load = new Map<Worker, number>();
  let requested = 0;
  let next = 0;

  const start = (): Worker[] => {
    const started = Array.from({ length: size }, () => new Worker(new URL("./render-worker.ts", import.meta.url)));
    for (const worker of started) {
      load.set(worker, 0);
      worker.on("message", ({ id, shard, pages, error }: Reply) => {
        load.set(worker, (load.get(worker) ?? 1) - 1);
        const request = waiting.get(id);
        waiting.delete(id);
        if (error !== undefined || shard === undefined) request?.reject(new Error(error ?? "no shard"));
        else request?.resolve({ shard, pages: pages ?? [] });
      });
      worker.on("error", (error) => {
        for (const request of waiting.values()) request.reject(error);
        waiting.clear();
      });
    }
    return started;
  };

  return {
    render: (task) => {
      if (requested++ < INLINE_FIRST) return renderArticleShard(task, nodeEtagOf, nodeGzip);
      workers ??= start();
      const pool = workers;
      return new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        // The least busy thread: shards differ in size.
        const worker = pool.reduce((a, b) => ((load.get(b) ?? 0) < (load.get(a) ?? 0) ? b : a));
        load.set(worker, (load.get(worker) ?? 0) + 1);
        worker.postMessage({ id, task });
      });
    },
    close: async () => {
      await Promise.all((workers ?? []).map((worker) => worker.terminate()));
    },
  };
}
