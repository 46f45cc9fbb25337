import { imageTypeOfName } from "../model/image-types.ts";
import { HTML_CONTENT_TYPE, ICON_FILES, ROBOTS_PATH, TEXT_CONTENT_TYPE } from "../model/paths.ts";
import type { CacheClass } from "../model/site-manifest.ts";
import { renderNotFoundPage } from "../render/pages/not-found-page.ts";
import { renderRobots } from "../render/site-files/robots.ts";
import type { PublishContext } from "./publish-context.ts";
import { type ServedMediaFile, servedMedia } from "./served-media.ts";

export interface FixedFilesInput {
  /** Each icon file's bytes by file name (PublishInput.icons). */
  readonly icons: ReadonlyMap<string, Uint8Array>;
  /** The articles' served images by site path (PublishInput.media). */
  readonly media: ReadonlyMap<string, Uint8Array>;
  /** Whether what the asset server can answer alone is stored at its own address (PublishInput.servedAlone). */
  readonly alone: boolean;
}

/** A served image first shown by an article still scheduled at `from`, with its file index. */
export interface ScheduledMedia {
  readonly file: ServedMediaFile;
  readonly index: number;
}

/** A file the asset server answers alone, with what the Worker would send for it. */
export interface ServedAloneFile {
  readonly path: string;
  readonly contentType: string;
  /** Its cache class, as the manifest names it. */
  readonly kind: CacheClass;
}

/** What no publication changes, and the images that wait for theirs. */
export interface FixedFiles {
  /** Paths that answer the same in every state, to file indexes (SiteManifest.fixedRoutes). */
  readonly fixedRoutes: Record<string, number>;
  /** Each state serves those its articles show. */
  readonly scheduledMedia: readonly ScheduledMedia[];
  /** The 404 page's file index. */
  readonly notFound: number;
  /** The files stored at their own address, in the order they were stored. */
  readonly servedAlone: readonly ServedAloneFile[];
}

/**
 * robots.txt, the icons, the articles' images and the 404 page: each the same in every
 * publication state. Stored at its own address where the asset server may answer it alone.
 */
export async function publishFixedFiles(context: PublishContext, input: FixedFilesInput): Promise<FixedFiles> {
  const { site, store, times, all, from } = context;
  const servedAlone: ServedAloneFile[] = [];
  /** Stores a whole file, at its own address when the asset server may answer it alone. */
  const addFixed = async (
    path: string,
    body: string | Uint8Array,
    type: string,
    modified: number,
    cacheClass: CacheClass,
  ) => {
    if (input.alone) servedAlone.push({ path, contentType: type, kind: cacheClass });
    return store.add(body, type, modified, cacheClass, input.alone ? path : undefined);
  };

  const fixedRoutes: Record<string, number> = {
    [ROBOTS_PATH]: await addFixed(
      ROBOTS_PATH,
      renderRobots(site),
      TEXT_CONTENT_TYPE,
      times.templatesRevisedAt,
      "asset",
    ),
  };
  for (const icon of ICON_FILES) {
    const bytes = input.icons.get(icon.file);
    if (bytes !== undefined)
      fixedRoutes[icon.path] = await addFixed(icon.path, bytes, icon.mediaType, times.templatesRevisedAt, "asset");
  }
  // An image is served from the first instant an article shows it, never earlier.
  const scheduledMedia: ScheduledMedia[] = [];
  for (const file of servedMedia(all, input.media, times)) {
    const { path, bytes, mediaType, lastModifiedMs } = file;
    if (file.firstShownMs > from) {
      scheduledMedia.push({ file, index: await store.add(bytes, mediaType, lastModifiedMs, "media") });
    } else if (imageTypeOfName(path) === mediaType) {
      fixedRoutes[path] = await addFixed(path, bytes, mediaType, lastModifiedMs, "media");
    } else {
      // Its name announces another type than its bytes: only the Worker sends the right one.
      fixedRoutes[path] = await store.add(bytes, mediaType, lastModifiedMs, "media");
    }
  }
  const notFound = await store.add(renderNotFoundPage(site), HTML_CONTENT_TYPE, times.templatesRevisedAt, "asset");
  return { fixedRoutes, scheduledMedia, notFound, servedAlone };
}
