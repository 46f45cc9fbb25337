import { shardOfPage } from "../model/paths.ts";
import { listPageShardPath, topicListPageShardPath } from "../model/shard-file.ts";
import { pageNumberOf } from "./page-number.ts";
import type { Resource } from "./respond.ts";
import type { ServedSite } from "./served-site.ts";
import { shardResource } from "./shard-resource.ts";
import type { ServedState } from "./site-states.ts";

/**
 * Page `segment` of the list pages under `folder` ("" for the site's /page/N, "/tags/energy"
 * for a topic's), canonical numbers only and only a page this state reaches. The newest is a
 * path of the state (it changes with publication); the others are in page shards.
 */
export async function findListPage(
  site: ServedSite,
  state: ServedState,
  folder: string,
  segment: string,
): Promise<Resource | undefined> {
  const pages = folder === "" ? state.pageCount : (state.topicPages.get(folder) ?? 0);
  const page = pageNumberOf(segment);
  if (page === undefined || page > pages) return undefined;
  if (page === pages) return site.files.resourceOf(state, `${folder}/page/${segment}`);
  const { pagesPerShard } = site.manifest;
  const path =
    folder === ""
      ? listPageShardPath(shardOfPage(page, pagesPerShard))
      : topicListPageShardPath(folder, page, pagesPerShard);
  const entry = await site.reader.shardEntry(path, segment);
  return entry && shardResource(site.reader, path, entry);
}
