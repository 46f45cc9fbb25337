// A valid PNG of any size, for tests and the benchmark of large media: a 1×1 image whose
// bulk is a private ancillary chunk ("fiLl"), which decoders skip and size readers never reach.
// No Node or Worker API, so both runtimes use it.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Width 1, height 1, 8-bit greyscale. */
const IHDR_DATA = [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0];
/** zlib of one filter byte and one black pixel. */
const IDAT_DATA = [0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01];
/** Signature, IHDR, IDAT, IEND, and the filler chunk's own length, type and CRC. */
const FRAME_BYTES = 8 + (12 + 13) + (12 + IDAT_DATA.length) + 12 + 12;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * A 1×1 PNG of exactly `bytes` bytes (at least 69), its filler pseudo-random from `seed`, so a
 * body served out of order or cut short does not compare equal.
 */
export function largePng(bytes: number, seed = 1): Uint8Array {
  if (bytes < FRAME_BYTES) throw new Error(`largePng(${bytes}): expected at least ${FRAME_BYTES} bytes`);
  const filler = new Uint8Array(bytes - FRAME_BYTES);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < filler.length; i++) {
    // xorshift32: cheap enough for 24 MiB.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    filler[i] = state & 0xff;
  }
  const parts = [
    Uint8Array.from(SIGNATURE),
    chunk("IHDR", Uint8Array.from(IHDR_DATA)),
    chunk("IDAT", Uint8Array.from(IDAT_DATA)),
    chunk("fiLl", filler),
    chunk("IEND", new Uint8Array(0)),
  ];
  const png = new Uint8Array(bytes);
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
}
