// A worker thread of scripts/render-pool.ts: renders the shards the build hands it.
import { parentPort } from "node:worker_threads";
import { attachBodies } from "../src/load/body-on-disk.ts";
import { ArticleChangedError, readBody } from "./read-body.ts";
import { type RenderJob, renderJob } from "./render-pool.ts";

parentPort?.on("message", async ({ id, job }: { id: number; job: RenderJob }) => {
  try {
    // Articles arrive without their bodies, which stay in their files (src/load/body-on-disk.ts).
    attachBodies(job, readBody);
    const result = await renderJob(job);
    // Moved, not copied: the bytes are this thread's own and it keeps none of them.
    const buffers = result instanceof Uint8Array ? [result] : [result.shard, ...result.pages.map(([, body]) => body)];
    parentPort?.postMessage({ id, result }, buffers.map((bytes) => bytes.buffer) as ArrayBuffer[]);
  } catch (error) {
    if (error instanceof ArticleChangedError) parentPort?.postMessage({ id, changed: error.message });
    else
      parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
