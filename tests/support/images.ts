/** Small real images, as bytes, for tests of the Image: field and of served media. */

/** A 3×2-pixel red PNG. */
export const PNG_3X2 = bytesOf(
  "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEElEQVR4nGM4IScHQQxwFgBBAAYZPEVBlgAAAABJRU5ErkJggg==",
);

/** A 1×1-pixel GIF. */
export const TINY_GIF = bytesOf("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

function bytesOf(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
}
