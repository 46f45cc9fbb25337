import type { Article, BodyOnDisk } from "../model/article.ts";

/** Reads a body left on disk: the build's, with Node's file system (scripts/read-body.ts). */
export type ReadBody = (body: BodyOnDisk) => readonly string[];

/**
 * The article without its paragraphs in memory: `paragraphs` reads them again on each use,
 * and is not enumerable, so neither a shard's source key (which hashes `bodyOnDisk` instead)
 * nor a copy sent to a worker thread carries them; the thread attaches its own (`attachBodies`).
 */
export function leaveBodyOnDisk(article: Article, body: BodyOnDisk, read: ReadBody): Article {
  const { paragraphs: _, ...rest } = article;
  const left = { ...rest, bodyOnDisk: body };
  Object.defineProperty(left, "paragraphs", { get: () => read(body), enumerable: false });
  return left as Article;
}

/**
 * Gives every article in `value` (a task a worker thread received) its paragraphs, read once:
 * the copy lives only as long as the task.
 */
export function attachBodies(value: unknown, read: ReadBody): void {
  if (typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) attachBodies(item, read);
    return;
  }
  const body = (value as { bodyOnDisk?: BodyOnDisk }).bodyOnDisk;
  if (body !== undefined && !("paragraphs" in value)) {
    Object.defineProperty(value, "paragraphs", { value: read(body), enumerable: false });
    return;
  }
  if (value instanceof Uint8Array) return;
  for (const child of Object.values(value)) attachBodies(child, read);
}
