// Which subscription feeds a deployment changes, asked of the live site before it is replaced
// by the build of an upload (scripts/deployment-pings.ts): the hub is then notified of those
// alone, and of nothing when nothing changed.
import { type SiteManifest, stateIndexAt } from "../src/model/site-manifest.ts";

/** A feed the new build serves at an instant, with the entity tags of its codings. */
export interface BuiltFeed {
  readonly path: string;
  /** Its media type, so the site answers with the feed and not the browser preview. */
  readonly mediaType: string;
  /** Strong entity tags, quoted: the identity coding's, then the gzip one's if any. */
  readonly etags: readonly string[];
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** A site that does not answer in this time counts as unreachable: its feeds as changed. */
const PROBE_TIMEOUT_MS = 10_000;
/** Feeds asked about at once: a site with many topics is not sent hundreds of requests together. */
const PROBES_AT_ONCE = 8;

/** Every feed (site or topic, files of kind "feed") of the state the new build serves at `at`. */
export function builtFeedsAt(manifest: SiteManifest, at: number): BuiltFeed[] {
  const state = manifest.states[stateIndexAt(manifest.states, at)];
  return Object.entries(state?.routes ?? {}).flatMap(([path, index]) => {
    const file = manifest.files[index];
    if (file?.kind !== "feed") return [];
    const etags = file.gzip ? [file.etag, file.gzip.etag] : [file.etag];
    return [{ path, mediaType: file.contentType.split(";")[0]?.trim() ?? "", etags }];
  });
}

/**
 * Whether the live site already serves `feed` with the bytes of the new build: a GET with
 * If-None-Match naming the new build's tags (RFC 9110 §13.1.2), answered 304 only if so. The
 * tags are content hashes, so equal tags mean equal bytes. Any other answer, or none (a first
 * deployment, a site that is down), counts as changed: a needless notification costs the hub
 * one fetch, a missing one leaves subscribers behind.
 */
export async function liveFeedIsCurrent(origin: string, feed: BuiltFeed, fetch: Fetch): Promise<boolean> {
  try {
    const response = await fetch(`${origin}${feed.path}`, {
      headers: { Accept: feed.mediaType, "If-None-Match": feed.etags.join(", ") },
      redirect: "manual",
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.status === 304;
  } catch {
    return false;
  }
}

/** The paths of the feeds of `feeds` that the live site at `origin` does not serve as built, sorted. */
export async function feedsChangedOnLiveSite(
  origin: string,
  feeds: readonly BuiltFeed[],
  fetch: Fetch,
): Promise<string[]> {
  const changed: string[] = [];
  for (let start = 0; start < feeds.length; start += PROBES_AT_ONCE) {
    const batch = feeds.slice(start, start + PROBES_AT_ONCE);
    const current = await Promise.all(batch.map((feed) => liveFeedIsCurrent(origin, feed, fetch)));
    batch.forEach((feed, i) => {
      if (!current[i]) changed.push(feed.path);
    });
  }
  return changed.sort();
}
