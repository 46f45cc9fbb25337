/** The raster types every browser and feed reader shows, by image-size's name for them. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: "image/png",
  jpg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
};

/** The same types by the file name extensions that announce them. */
const EXTENSION_TYPES: Readonly<Record<string, string>> = { ...IMAGE_TYPES, jpeg: "image/jpeg" };

/** The type an extension ("png", lower case) announces; own keys only, so "constructor" is none. */
export function imageTypeOfExtension(extension: string): string | undefined {
  return Object.hasOwn(EXTENSION_TYPES, extension) ? EXTENSION_TYPES[extension] : undefined;
}

/** The type a file name's extension announces, as written (lower case only), or undefined. */
export function imageTypeOfName(name: string): string | undefined {
  return imageTypeOfExtension(/\.([a-z0-9]+)$/.exec(name)?.[1] ?? "");
}
