// Visual quality of the encoded heroes: SSIM of each rendition the build
// wrote (AVIF, WebP, JPEG) against its source photo resized to the same
// pixels with sharp's Lanczos filter, so only the encoding is judged.
// Crops (share images, structured-data ratios) are skipped: their framing
// differs from the source by design.
import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import sharp from 'sharp';
import { ssim } from 'ssim.js';
import { median } from './stats.mjs';

/** Same framing as the source when the aspect ratios agree to within 1 %. */
const sameFraming = (a, b) => Math.abs(a.width / a.height / (b.width / b.height) - 1) < 0.01;

async function rgba(input, width, height) {
  const { data, info } = await sharp(input)
    .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), ...info };
}

/**
 * SSIM per output format over `sources` (hero files) and the renditions of
 * each found in `<dist>/_astro/`: count, minimum, median and the smallest
 * rendition width measured.
 */
export async function heroQuality(dist, sources) {
  const assets = join(dist, '_astro');
  const files = existsSync(assets) ? readdirSync(assets) : [];
  const scores = {};
  for (const source of sources) {
    const meta = await sharp(source).metadata();
    const stem = basename(source, extname(source));
    for (const file of files.filter((f) => f.startsWith(`${stem}.`))) {
      const format = extname(file).slice(1);
      const path = join(assets, file);
      const out = await sharp(path).metadata();
      if (!sameFraming(out, meta)) continue;
      const [reference, encoded] = await Promise.all([
        rgba(source, out.width, out.height),
        rgba(path, out.width, out.height),
      ]);
      const { mssim } = ssim(reference, encoded);
      (scores[format] ??= []).push({ ssim: mssim, width: out.width });
    }
  }
  return Object.fromEntries(
    Object.entries(scores).map(([format, list]) => [
      format,
      {
        renditions: list.length,
        min: Math.min(...list.map((s) => s.ssim)),
        median: median(list.map((s) => s.ssim)),
        widths: [...new Set(list.map((s) => s.width))].sort((a, b) => a - b),
      },
    ]),
  );
}
