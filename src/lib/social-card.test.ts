import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawSocialCard, fitHeadline, headlineSize } from './social-card';

async function describeImage(jpeg: Buffer) {
  const image = sharp(jpeg);
  const [meta, stats] = await Promise.all([image.metadata(), image.stats()]);
  return { meta, stats };
}

describe('renderSocialCard', () => {
  it('draws a 1200×630 JPEG with visible text on it', async () => {
    const { meta, stats } = await describeImage(
      await drawSocialCard({
        headline: 'El Congreso retoma la negociación del presupuesto: ¿otra prórroga o acuerdo?',
        section: 'Política',
        outlet: 'Voz',
      }),
    );
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
    // A blank card would have no variation in any channel.
    expect(Math.max(...stats.channels.map((c) => c.stdev))).toBeGreaterThan(20);
  }, 20_000);

  it('copes with markup characters and very long headlines', async () => {
    const png = await drawSocialCard({
      headline: `AT&T "outage" <b> & ñandú ${'muy '.repeat(80)}largo`,
      section: 'Economía',
      outlet: 'Voz',
    });
    expect((await sharp(png).metadata()).height).toBe(630);
  }, 20_000);
});

describe('headline fitting', () => {
  it.each([
    ['Short headline', 76],
    ['A'.repeat(70), 64],
    ['A'.repeat(110), 54],
    ['A'.repeat(150), 46],
  ])('sets %j at %i px', (headline, size) => {
    expect(headlineSize(headline)).toBe(size);
  });

  it('cuts an overlong headline at a word with an ellipsis', () => {
    const cut = fitHeadline(`${'palabra '.repeat(40)}fin`, 60);
    expect(cut.endsWith('palabra…')).toBe(true);
    expect([...cut].length).toBeLessThanOrEqual(61);
  });

  it('leaves a headline that fits alone', () => {
    expect(fitHeadline('Texas jobless rate holds')).toBe('Texas jobless rate holds');
  });
});
