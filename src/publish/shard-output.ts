/**
 * Where shards go as they are rendered, and what renders them: the build writes each at once
 * (PublishInput.writeShard), so a large site is never held in memory whole, and renders them in
 * worker threads; by default they are rendered here and kept with the other files.
 */
export interface ShardOutput<Task, Rendered> {
  /** Whether the file at `path`, rendered from sources hashed to `sourceKey`, is already written. */
  readonly alreadyWritten?: (path: string, sourceKey: string) => boolean;
  /** Takes each file as it is rendered. */
  readonly write: (path: string, bytes: Uint8Array) => void | Promise<void>;
  /** Renders one shard, here or in a worker thread. */
  readonly render: (task: Task) => Promise<Rendered>;
}
