// When each piece of built content last changed, remembered from one build to the next.
// Last-Modified must change when a body changes (RFC 9110 §8.8.2): an edited article's page,
// or every page after a template change, must not answer an older If-Modified-Since with 304.
import { createHash } from "node:crypto";

export interface Revisions {
  /** Hash of everything that shapes every body: renderers, site configuration. */
  readonly templateHash: string;
  readonly templateRevisedAt: number;
  /** Per article id: the hash of its file and when that content was first built. */
  readonly articles: Readonly<Record<string, { readonly hash: string; readonly revisedAt: number }>>;
}

export function hashBytes(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/** Keeps the previous instant for what is unchanged; everything new or changed gets `now`. */
export function trackRevisions(
  previous: Revisions | undefined,
  templateHash: string,
  articleHashes: ReadonlyMap<string, string>,
  now: number,
): Revisions {
  const articles: Record<string, { hash: string; revisedAt: number }> = {};
  for (const [id, hash] of articleHashes) {
    const before = previous?.articles[id];
    articles[id] = { hash, revisedAt: before?.hash === hash ? before.revisedAt : now };
  }
  return {
    templateHash,
    templateRevisedAt: previous?.templateHash === templateHash ? previous.templateRevisedAt : now,
    articles,
  };
}
