import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { baseFontFiles } from './card-fonts';
import { woffToSfnt } from './card-woff';

const tags = (font: Buffer, count: number, at: number, size: number) =>
  Array.from({ length: count }, (_, i) =>
    font.toString('latin1', at + i * size, at + i * size + 4),
  );

describe('woffToSfnt', () => {
  it('unpacks every table of the card font into a TrueType file', async () => {
    const woff = await readFile(baseFontFiles()[0] ?? '');
    const ttf = woffToSfnt(woff);
    const count = woff.readUInt16BE(12);
    expect(ttf.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(ttf.readUInt16BE(4)).toBe(count);
    expect(tags(ttf, count, 12, 16)).toEqual(tags(woff, count, 44, 20));
    expect(tags(ttf, count, 12, 16)).toEqual(expect.arrayContaining(['cmap', 'glyf', 'name']));
    // The file is as long as its last table (plus padding): nothing lost.
    const last = 12 + (count - 1) * 16;
    expect(ttf.length).toBeGreaterThanOrEqual(
      ttf.readUInt32BE(last + 8) + ttf.readUInt32BE(last + 12),
    );
    expect(ttf.length).toBe(woff.readUInt32BE(16));
  });

  it('refuses a file that is not WOFF 1.0', async () => {
    const woff2 = await readFile((baseFontFiles()[0] ?? '').replace(/\.woff$/, '.woff2'));
    expect(() => woffToSfnt(woff2)).toThrow('not a WOFF 1.0 font');
  });
});
