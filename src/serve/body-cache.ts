/** Bodies kept per isolate, in bytes: the hot pages and feeds of a busy site, never a crawl's worth. */
const MAX_BYTES = 4 * 1024 * 1024;
/** Larger bodies (big sitemaps) are read each time rather than push out many small ones. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * Recently served bodies by strong ETag, least recently used first out. An ETag names one
 * sequence of bytes, so a kept body is never stale; a new build brings new tags.
 */
export class BodyCache {
  readonly #bodies = new Map<string, Uint8Array>();
  #bytes = 0;

  get(etag: string): Uint8Array | undefined {
    const body = this.#bodies.get(etag);
    if (body) {
      this.#bodies.delete(etag);
      this.#bodies.set(etag, body);
    }
    return body;
  }

  /** Whether a body of `length` bytes would be kept: a larger one is not worth reading whole. */
  wouldKeep(length: number): boolean {
    return length <= MAX_BODY_BYTES;
  }

  keep(etag: string, body: Uint8Array): void {
    if (!this.wouldKeep(body.length) || this.#bodies.has(etag)) return;
    this.#bodies.set(etag, body);
    this.#bytes += body.length;
    for (const [oldest, old] of this.#bodies) {
      if (this.#bytes <= MAX_BYTES) break;
      this.#bodies.delete(oldest);
      this.#bytes -= old.length;
    }
  }
}
