// Worker threads that render shards beside the build's own thread, so a large build uses every
// core: article pages and archive documents are most of its work (docs/performance.md).
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { type ArticleShardTask, type RenderedArticleShard, renderArticleShard } from "../src/publish/article-shard.ts";
import { digestOf } from "../src/publish/asset-store.ts";
import { type FeedPageShardTask, renderFeedPageShard } from "../src/publish/feed-page-shard.ts";
import { ArticleChangedError } from "./read-body.ts";

/**
 * Shards rendered here before any thread starts: a thread must first load the renderers, which
 * costs more than a rebuild after an edit (a few shards) spends rendering.
 */
const INLINE_FIRST = 32;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest();
/** The strong ETag of some bytes, with Node's hash. */
export const nodeEtagOf = async (bytes: Uint8Array) => (await digestOf(bytes, sha256)).etag;
/** zlib at level 6: the bytes CompressionStream makes, so a build equals publishSite in memory. */
export const nodeGzip = (bytes: Uint8Array) => gzipSync(bytes, { level: 6 });

/** A job for a thread, by kind. */
export type RenderJob =
  | { readonly kind: "article"; readonly task: ArticleShardTask }
  | { readonly kind: "feed-page"; readonly task: FeedPageShardTask };

/** What a job renders: an article shard with its pages served alone, or a feed-page shard's bytes. */
export type RenderResult = RenderedArticleShard | Uint8Array;

/** Renders one job on the current thread. */
export function renderJob(job: RenderJob): Promise<RenderResult> {
  return job.kind === "article"
    ? renderArticleShard(job.task, nodeEtagOf, nodeGzip)
    : renderFeedPageShard(job.task, nodeEtagOf, nodeGzip);
}

export interface RenderPool {
  readonly renderArticleShard: (task: ArticleShardTask) => Promise<RenderedArticleShard>;
  readonly renderFeedPageShard: (task: FeedPageShardTask) => Promise<Uint8Array>;
  /** Stops the threads, if any started; the build's process could not exit while they run. */
  readonly close: () => Promise<void>;
}

interface Reply {
  readonly id: number;
  readonly result?: RenderResult;
  readonly error?: string;
  /** The message of an ArticleChangedError, which the build reports as bad input. */
  readonly changed?: string;
}

/** One thread per core: the build's own thread renders the rest of the site meanwhile. */
export function startRenderPool(size = availableParallelism()): RenderPool {
  let workers: Worker[] | undefined;
  const waiting = new Map<number, { resolve: (r: RenderResult) => void; reject: (e: Error) => void }>();
  const load = new Map<Worker, number>();
  let requested = 0;
  let next = 0;

  const start = (): Worker[] => {
    const started = Array.from({ length: size }, () => new Worker(new URL("./render-worker.ts", import.meta.url)));
    for (const worker of started) {
      load.set(worker, 0);
      worker.on("message", ({ id, result, error, changed }: Reply) => {
        load.set(worker, (load.get(worker) ?? 1) - 1);
        const request = waiting.get(id);
        waiting.delete(id);
        if (changed !== undefined) request?.reject(new ArticleChangedError(changed));
        else if (error !== undefined || result === undefined) request?.reject(new Error(error ?? "no result"));
        else request?.resolve(result);
      });
      worker.on("error", (error) => {
        for (const request of waiting.values()) request.reject(error);
        waiting.clear();
      });
    }
    return started;
  };

  const run = (job: RenderJob): Promise<RenderResult> => {
    if (requested++ < INLINE_FIRST) return renderJob(job);
    workers ??= start();
    const pool = workers;
    return new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      // The least busy thread: shards differ in size.
      const worker = pool.reduce((a, b) => ((load.get(b) ?? 0) < (load.get(a) ?? 0) ? b : a));
      load.set(worker, (load.get(worker) ?? 0) + 1);
      worker.postMessage({ id, job });
    });
  };

  return {
    renderArticleShard: (task) => run({ kind: "article", task }) as Promise<RenderedArticleShard>,
    renderFeedPageShard: (task) => run({ kind: "feed-page", task }) as Promise<Uint8Array>,
    close: async () => {
      await Promise.all((workers ?? []).map((worker) => worker.terminate()));
    },
  };
}
