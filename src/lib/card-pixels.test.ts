import { describe, expect, it } from 'vitest';
import { drawOver, type RawImage } from './card-pixels';

/** A 2×2 RGB picture of one grey. */
const grey = (): RawImage => ({
  data: Buffer.alloc(2 * 2 * 3, 200),
  width: 2,
  height: 2,
  channels: 3,
});

/** A 1×1 RGBA picture. */
const dot = (r: number, g: number, b: number, a: number): RawImage => ({
  data: Buffer.from([r, g, b, a]),
  width: 1,
  height: 1,
  channels: 4,
});

const pixel = (data: Buffer, x: number, y: number) => [
  ...data.subarray((y * 2 + x) * 3, (y * 2 + x) * 3 + 3),
];

describe('drawOver', () => {
  it.each([
    ['an opaque pixel replaces the one below', dot(10, 20, 30, 255), [10, 20, 30]],
    ['a transparent pixel leaves the one below', dot(10, 20, 30, 0), [200, 200, 200]],
    ['a half-transparent pixel mixes the two', dot(0, 0, 0, 128), [100, 100, 100]],
  ])('%s', (_, layer, expected) => {
    expect(pixel(drawOver(grey(), layer, 1, 1), 1, 1)).toEqual(expected);
  });

  it('draws only where the layer is placed', () => {
    const out = drawOver(grey(), dot(0, 0, 0, 255), 1, 0);
    expect([pixel(out, 0, 0), pixel(out, 1, 0), pixel(out, 0, 1)]).toEqual([
      [200, 200, 200],
      [0, 0, 0],
      [200, 200, 200],
    ]);
  });

  it('leaves the base picture itself untouched', () => {
    const base = grey();
    drawOver(base, dot(0, 0, 0, 255), 0, 0);
    expect(pixel(base.data, 0, 0)).toEqual([200, 200, 200]);
  });

  it('drops what falls outside the base instead of wrapping it to the next row', () => {
    const wide: RawImage = { data: Buffer.alloc(3 * 1 * 4, 255), width: 3, height: 1, channels: 4 };
    const out = drawOver(grey(), wide, 1, 0);
    expect([pixel(out, 1, 0), pixel(out, 0, 1)]).toEqual([
      [255, 255, 255],
      [200, 200, 200],
    ]);
  });
});
