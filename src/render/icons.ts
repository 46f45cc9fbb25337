/**
 * The site's icons: one drawing (src/icons/favicon.svg) and the raster sizes readers and
 * browsers ask for, rendered from it by scripts/render-icons.sh. Served same-origin, so the
 * pages' CSP (img-src 'self') allows them.
 */
export interface IconFile {
  readonly path: string;
  /** File name in src/icons/. */
  readonly file: string;
  readonly mediaType: string;
}

/** Browsers and most feed readers fetch /favicon.ico unasked, whatever the page links. */
export const FAVICON_ICO: IconFile = { path: "/favicon.ico", file: "favicon.ico", mediaType: "image/x-icon" };
export const FAVICON_SVG: IconFile = { path: "/favicon.svg", file: "favicon.svg", mediaType: "image/svg+xml" };
/** JSON Feed 1.1 `favicon` and Atom `<icon>` (RFC 4287 §4.2.5: square, small). */
export const ICON_SMALL: IconFile = { path: "/icon-64.png", file: "icon-64.png", mediaType: "image/png" };
/** RSS 2.0 `<image>`: GIF, JPEG or PNG, at most 144 pixels wide. */
export const ICON_RSS: IconFile = { path: "/icon-144.png", file: "icon-144.png", mediaType: "image/png" };
export const RSS_IMAGE_SIZE = 144;
/**
 * JSON Feed 1.1 `icon` ("should be square and … 512 x 512"). Atom gets no `<logo>`: RFC 4287
 * §4.2.8 asks for a 2:1 image, and a square one would be stretched or cropped.
 */
export const ICON_LARGE: IconFile = { path: "/icon-512.png", file: "icon-512.png", mediaType: "image/png" };

export const ICON_FILES: readonly IconFile[] = [FAVICON_ICO, FAVICON_SVG, ICON_SMALL, ICON_RSS, ICON_LARGE];
