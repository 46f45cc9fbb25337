import type { SiteManifest } from "../model/site-manifest.ts";
import type { AssetReader } from "./asset-reader.ts";
import type { FileResources } from "./file-resources.ts";
import type { SiteStates } from "./site-states.ts";

/**
 * What every answer reads, built once per isolate (src/app.ts), so that a request only passes
 * it on: the manifest, its files as resources, the reader of the files and shards, the
 * publication states and the clock that picks one of them.
 */
export interface ServedSite {
  readonly manifest: SiteManifest;
  readonly reader: AssetReader;
  readonly files: FileResources;
  readonly states: SiteStates;
  /** The clock that decides what is published; injectable so tests can travel in time. */
  readonly now: () => number;
}
