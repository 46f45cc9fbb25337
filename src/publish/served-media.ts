import type { Article } from "../model/article.ts";
import { isServedImage } from "../model/paths.ts";
import type { ModifiedTimes } from "./modified-times.ts";

/** One image the site serves at its own path, with what its response says about it. */
export interface ServedMediaFile {
  /** The site path: "/media/<digest>/<name>". */
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  readonly lastModifiedMs: number;
  /** The publication of the first article that shows it: no path serves it earlier. */
  readonly firstShownMs: number;
}

/**
 * Every media file an article's image names, in path order, with its content type from the
 * image, as Last-Modified the latest change of a page that shows it, and the first article's
 * publication. A served image without
 * its bytes, a file no article names, or one path given two types is a build error: the page
 * would show a broken picture, or the file's type would be a guess.
 */
export function servedMedia(
  articles: readonly Article[],
  media: ReadonlyMap<string, Uint8Array>,
  times: ModifiedTimes,
): ServedMediaFile[] {
  const byPath = new Map<string, { mediaType: string; lastModifiedMs: number; firstShownMs: number }>();
  for (const article of articles) {
    const image = article.image;
    if (image === undefined || !isServedImage(image)) continue;
    const { url, mediaType } = image;
    if (mediaType === undefined) throw new Error(`article ${article.id}: served image ${url} has no mediaType`);
    if (!media.has(url)) throw new Error(`article ${article.id}: image ${url} is not among the media files`);
    const known = byPath.get(url);
    if (known !== undefined && known.mediaType !== mediaType) {
      throw new Error(`media file ${url} is given as ${known.mediaType} and as ${mediaType}; expected one type`);
    }
    const lastModifiedMs = Math.max(known?.lastModifiedMs ?? 0, times.article(article));
    const firstShownMs = Math.min(known?.firstShownMs ?? Number.POSITIVE_INFINITY, article.published.epochMs);
    byPath.set(url, { mediaType, lastModifiedMs, firstShownMs });
  }
  for (const path of media.keys()) {
    if (!byPath.has(path)) throw new Error(`media file ${path} is no article's image; expected only images in use`);
  }
  return [...byPath]
    .toSorted(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, { mediaType, lastModifiedMs, firstShownMs }]) => ({
      path,
      bytes: media.get(path) ?? new Uint8Array(),
      mediaType,
      lastModifiedMs,
      firstShownMs,
    }));
}
