#!/usr/bin/env bash
# Renders the raster icons in src/icons/ from src/icons/favicon.svg. Run it after editing the
# SVG and commit the results: they are artwork, so a fresh clone needs no image tools to build.
# Needs Debian's librsvg2-bin (rsvg-convert) and imagemagick (convert).
set -euo pipefail
cd "$(dirname "$0")/../src/icons"
for size in 16 32 48 64 144 512; do
  rsvg-convert --width "$size" --height "$size" favicon.svg --output "/tmp/icon-$size.png"
done
# Metadata-free PNGs, so the same SVG always gives the same bytes.
for size in 64 144 512; do
  /usr/bin/convert "/tmp/icon-$size.png" -strip "icon-$size.png"
done
/usr/bin/convert /tmp/icon-16.png /tmp/icon-32.png /tmp/icon-48.png -strip favicon.ico
rm -f /tmp/icon-{16,32,48,64,144,512}.png
