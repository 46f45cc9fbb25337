import { imageSize } from "image-size";
import type { ArticleImage } from "../model/article.ts";
import { IMAGE_TYPES, imageTypeOfExtension } from "../model/image-types.ts";
import { mediaPath } from "../model/paths.ts";
import type { ImageReference } from "./header-fields.ts";

/** A file under articles/media/, with the SHA-256 of its bytes in hex (the build hashes it). */
export interface MediaSource {
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** The largest file Workers Static Assets serves. */
const MAX_BYTES = 25 * 1024 * 1024;
const EXPECTED = "expected a PNG, JPEG, GIF, WebP or AVIF file of at most 25 MiB in articles/media/";

/**
 * The image an article names, with everything a page or feed needs to show it; or what is
 * wrong with it. A file's type and size come from its bytes, never from its name.
 */
export function resolveImage(
  reference: ImageReference,
  media: ReadonlyMap<string, MediaSource>,
): ArticleImage | string {
  if (reference.kind === "remote") {
    const extension = /\.([a-z0-9]+)$/i.exec(new URL(reference.url).pathname)?.[1]?.toLowerCase() ?? "";
    const mediaType = imageTypeOfExtension(extension);
    return { url: reference.url, ...(mediaType ? { mediaType } : {}) };
  }
  const shown = `media/${reference.name}`;
  const file = media.get(reference.name);
  if (file === undefined) return `image "${shown}" is not in articles/media/; ${EXPECTED}`;
  if (file.bytes.length > MAX_BYTES) return `image "${shown}" is larger than 25 MiB; ${EXPECTED}`;
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(file.bytes);
  } catch {
    return `image "${shown}" is not an image that can be read; ${EXPECTED}`;
  }
  const mediaType = IMAGE_TYPES[size.type ?? ""];
  if (mediaType === undefined) return `image "${shown}" is a ${size.type ?? "file of unknown type"}; ${EXPECTED}`;
  // An EXIF orientation of 5–8 turns the picture a quarter, so the shown width is its height.
  const turned = (size.orientation ?? 1) >= 5;
  return {
    url: mediaPath(reference.name, file.sha256),
    mediaType,
    length: file.bytes.length,
    width: turned ? size.height : size.width,
    height: turned ? size.width : size.height,
  };
}
