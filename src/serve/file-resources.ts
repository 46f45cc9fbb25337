import type { SiteManifest } from "../model/site-manifest.ts";
import type { AssetReader } from "./asset-reader.ts";
import type { Resource } from "./respond.ts";
import type { ServedState } from "./site-states.ts";

/**
 * The manifest's whole files as resources. Each is built on its first request and kept: the
 * manifest's files never change.
 */
export class FileResources {
  readonly #manifest: SiteManifest;
  readonly #reader: AssetReader;
  readonly #fixedRoutes: ReadonlyMap<string, number>;
  readonly #kept: (Resource | undefined)[] = [];

  constructor(manifest: SiteManifest, reader: AssetReader) {
    this.#manifest = manifest;
    this.#reader = reader;
    this.#fixedRoutes = new Map(Object.entries(manifest.fixedRoutes));
  }

  /** What is published at `path` in `state`: a path of the state, else one that is the same in every state. */
  resourceOf(state: ServedState, path: string): Resource | undefined {
    return this.file(state.routes.get(path) ?? this.#fixedRoutes.get(path));
  }

  /** The browser preview of the feed at `path` in `state`. */
  previewOf(state: ServedState, path: string): Resource | undefined {
    return this.file(state.previews.get(path));
  }

  /** The 404 page, which no path names. */
  notFoundPage(): Resource | undefined {
    return this.file(this.#manifest.notFound);
  }

  /** The file at `index` in the manifest's list. */
  file(index: number | undefined): Resource | undefined {
    if (index === undefined) return undefined;
    const kept = this.#kept[index];
    if (kept) return kept;
    const file = this.#manifest.files[index];
    if (!file) return undefined;
    const reader = this.#reader;
    const { gzip } = file;
    const resource: Resource = {
      contentType: file.contentType,
      cacheClass: file.kind,
      lastModifiedMs: file.lastModifiedMs,
      identity: { etag: file.etag, length: file.length, read: () => reader.file(file.path, file.etag, file.length) },
      ...(gzip
        ? { gzip: { etag: gzip.etag, length: gzip.length, read: () => reader.file(gzip.path, gzip.etag, gzip.length) } }
        : {}),
    };
    this.#kept[index] = resource;
    return resource;
  }
}
