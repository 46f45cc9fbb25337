// The pictures of the synthetic corpus: real PNG files (any decoder reads them; the build takes
// their type and pixel size from their bytes), one per illustrated article, each different, so
// each is its own /media/<digest>/<name> file as a news site's photos are.
import { crc32, deflateSync } from "node:zlib";

/** A photo's shape at a small size: 320 × 180. */
const WIDTH = 320;
const HEIGHT = 180;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A truecolour PNG of `seed`'s own colours: a diagonal gradient with a grain drawn from the seed,
 * so no two are alike and each compresses like a picture rather than a flat fill.
 */
export function corpusImage(seed: number, random: () => number): Uint8Array {
  const base = [(seed * 67) % 256, (seed * 151) % 256, (seed * 229) % 256];
  const rows: Buffer[] = [];
  for (let y = 0; y < HEIGHT; y++) {
    const pixels = Buffer.alloc(WIDTH * 3);
    for (let x = 0; x < WIDTH; x++) {
      const shade = Math.floor(((x + y) * 255) / (WIDTH + HEIGHT));
      for (let c = 0; c < 3; c++) {
        const grain = random() < 0.15 ? 1 : 0;
        pixels[x * 3 + c] = ((base[c] ?? 0) + shade + grain) % 256;
      }
    }
    // Filter type 1 (Sub): each byte less its left neighbour's, as encoders do for gradients.
    const row = Buffer.alloc(1 + WIDTH * 3);
    row[0] = 1;
    for (let i = 0; i < pixels.length; i++) row[1 + i] = ((pixels[i] ?? 0) - (i < 3 ? 0 : (pixels[i - 3] ?? 0))) & 0xff;
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  // 8 bits per channel, colour type 2 (RGB), deflate, no filter choice, no interlace.
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      signature,
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(Buffer.concat(rows))),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}
