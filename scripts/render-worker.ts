// A worker thread of scripts/render-pool.ts: renders the article shards the build hands it.
import { parentPort } from "node:worker_threads";
import { type ArticleShardTask, renderArticleShard } from "../src/publish/article-shard.ts";
import { nodeEtagOf, nodeGzip } from "./render-pool.ts";

parentPort?.on("message", async ({ id, task }: { id: number; task: ArticleShardTask }) => {
  try {
    const { shard, pages } = await renderArticleShard(task, nodeEtagOf, nodeGzip);
    // Moved, not copied: the bytes are this thread's own and it keeps none of them.
    const transfer = [shard.buffer, ...pages.map(([, body]) => body.buffer)] as ArrayBuffer[];
    parentPort?.postMessage({ id, shard, pages }, transfer);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
