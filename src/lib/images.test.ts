import { describe, expect, it } from 'vitest';
import {
  cropSize,
  customProperty,
  HERO_WIDTHS,
  LEAD_WIDTHS,
  MIN_PUBLISHABLE_HERO_WIDTH,
  PAGE_BACKGROUND,
  THUMB_WIDTHS,
} from './images';

describe('cropSize', () => {
  type Case = [string, [number, number], [number, number], [number, number]];
  it.each<Case>([
    ['a large photo gives the full share image', [2000, 1333], [1200, 630], [1200, 630]],
    ['a photo exactly the size', [1200, 630], [1200, 630], [1200, 630]],
    ['a narrow photo gives a smaller crop of the same shape', [800, 600], [1200, 630], [800, 420]],
    ['a short panorama is limited by its height', [3000, 500], [1200, 1200], [500, 500]],
    ['a tall portrait is limited by its width', [600, 2000], [1200, 900], [600, 450]],
  ])('%s', (_, [width, height], [tw, th], [ew, eh]) => {
    expect(cropSize({ width, height }, { width: tw, height: th })).toEqual({
      width: ew,
      height: eh,
    });
  });
});

describe('MIN_PUBLISHABLE_HERO_WIDTH', () => {
  it('leaves every rendition list at least one width, so no srcset is empty', () => {
    for (const widths of [HERO_WIDTHS, LEAD_WIDTHS, THUMB_WIDTHS]) {
      expect(widths.filter((w) => w <= MIN_PUBLISHABLE_HERO_WIDTH).length).toBeGreaterThan(0);
    }
  });
});

describe('customProperty', () => {
  const css = ':root {\n  --color-paper: #fffdf8;\n  --color-paper-dark: #000;\n}';

  it('reads a token’s value', () => {
    expect(customProperty(css, '--color-paper')).toBe('#fffdf8');
  });

  it('fails loudly when the token is gone', () => {
    expect(() => customProperty(css, '--color-page')).toThrow('--color-page');
  });

  it('gives the page background from tokens.css', () => {
    expect(PAGE_BACKGROUND).toMatch(/^#[0-9a-f]{3,6}$/i);
  });
});
