import { describe, expect, it } from 'vitest';
import { divide255, paintMask, parseHex, type RawImage } from './card-pixels';

/** A 2×2 RGB picture of one grey. */
const grey = (): RawImage => ({
  data: Buffer.alloc(2 * 2 * 3, 200),
  width: 2,
  height: 2,
  channels: 3,
});

/** A one-channel mask, `width` wide, one row. */
const mask = (...alphas: number[]): RawImage => ({
  data: Buffer.from(alphas),
  width: alphas.length,
  height: 1,
  channels: 1,
});

const pixel = (image: RawImage, x: number, y: number) => {
  const at = (y * image.width + x) * 3;
  return [...image.data.subarray(at, at + 3)];
};

const INK = [10, 20, 30] as const;

describe('paintMask', () => {
  it.each([
    ['a full mask replaces the pixel with the colour', 255, [10, 20, 30]],
    ['an empty mask leaves the pixel', 0, [200, 200, 200]],
    ['a half mask mixes the two', 128, [105, 110, 115]],
  ])('%s', (_, alpha, expected) => {
    const card = grey();
    paintMask(card, mask(alpha), INK, 1, 1);
    expect(pixel(card, 1, 1)).toEqual(expected);
  });

  it('paints only where the mask is placed', () => {
    const card = grey();
    paintMask(card, mask(255), INK, 1, 0);
    expect([pixel(card, 0, 0), pixel(card, 1, 0), pixel(card, 0, 1)]).toEqual([
      [200, 200, 200],
      [10, 20, 30],
      [200, 200, 200],
    ]);
  });

  it('drops what falls outside the picture instead of wrapping it to the next row', () => {
    const card = grey();
    paintMask(card, mask(255, 255, 255), INK, 1, 0);
    expect([pixel(card, 1, 0), pixel(card, 0, 1)]).toEqual([
      [10, 20, 30],
      [200, 200, 200],
    ]);
  });
});

describe('parseHex', () => {
  it.each([
    ['#121212', [18, 18, 18]],
    ['#B3001B', [179, 0, 27]],
  ])('reads %s', (hex, rgb) => {
    expect(parseHex(hex)).toEqual(rgb);
  });

  it('refuses a colour it cannot read', () => {
    expect(() => parseHex('red')).toThrow('not a #rrggbb colour: red');
  });
});

describe('divide255', () => {
  it('rounds n / 255 to the nearest whole number for every product of two bytes', () => {
    const wrong = Array.from({ length: 255 * 255 + 1 }, (_, n) => n).filter(
      (n) => divide255(n) !== Math.round(n / 255),
    );
    expect(wrong).toEqual([]);
  });
});
