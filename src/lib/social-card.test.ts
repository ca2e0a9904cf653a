import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { missingCharacters } from './card-fonts';
import { SCRIPTS } from './card-scripts';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  HEADLINE_AREA,
  cardTexts,
  drawCardSvg,
  drawLayeredCard,
  drawSocialCard,
  drawSocialCardSvg,
  fitHeadline,
  headlineSize,
  renderSocialCard,
  wholeJpeg,
} from './social-card';

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

/** Rows and columns (inclusive) where two cards of the same size differ clearly, or undefined when they do not. */
async function differingBox(a: Buffer, b: Buffer) {
  const [pa, pb] = await Promise.all(
    [a, b].map((img) => sharp(img).raw().toBuffer({ resolveWithObject: true })),
  );
  if (!pa || !pb) throw new Error('no pixels');
  const { width, height, channels } = pa.info;
  let box: { top: number; bottom: number; left: number; right: number } | undefined;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      // JPEG blurs edges a little: only a clear difference counts as drawing.
      if (Math.abs((pa.data[i] ?? 0) - (pb.data[i] ?? 0)) < 64) continue;
      box = {
        top: Math.min(box?.top ?? y, y),
        bottom: Math.max(box?.bottom ?? y, y),
        left: Math.min(box?.left ?? x, x),
        right: Math.max(box?.right ?? x, x),
      };
    }
  }
  return box;
}

const noHeadline = (section: string) => drawSocialCard({ headline: '', section, outlet: 'Voz' });

describe('Latin headlines drawn over the section frame', () => {
  it('draws a Latin card the same as the layered drawing', async () => {
    const card = { headline: 'Sube el precio del pan', section: 'Economía', outlet: 'Voz' };
    expect((await drawSocialCard(card)).equals(await drawLayeredCard(cardTexts(card)))).toBe(true);
  }, 20_000);

  it('draws the same bytes every time, so a rebuild changes no card', async () => {
    const card = { headline: 'Texas jobless rate holds', section: 'Business', outlet: 'Voz' };
    const [a, b] = await Promise.all([drawSocialCard(card), drawSocialCard(card)]);
    expect(a.equals(b)).toBe(true);
  }, 20_000);

  it('sets the headline where satori would, in the same serif at the same size', async () => {
    const texts = { headline: 'Sube el precio del pan', section: 'Economía', outlet: 'Voz' };
    const frame = await noHeadline('Economía');
    const satoriCard = await sharp(Buffer.from(await drawCardSvg(texts)))
      .jpeg()
      .toBuffer();
    const [layered, drawn] = await Promise.all([
      differingBox(await drawLayeredCard(texts), frame),
      differingBox(satoriCard, frame),
    ]);
    if (!layered || !drawn) throw new Error('no headline drawn');
    // A system sans-serif instead of Source Serif 4 would be about 15 % wider.
    const width = (box: typeof drawn) => box.right - box.left;
    expect(Math.abs(width(layered) - width(drawn))).toBeLessThan(width(drawn) * 0.03);
    expect(Math.abs(layered.left - drawn.left)).toBeLessThanOrEqual(3);
    expect(Math.abs(layered.top - drawn.top)).toBeLessThanOrEqual(12);
  }, 20_000);

  it.each([
    ['the longest headline', `${'negociación '.repeat(13)}presupuestaria`],
    ['one word wider than the card', 'W'.repeat(80)],
    ['many short words', 'a b '.repeat(60)],
  ])(
    'keeps %s between the section label and the rule',
    async (_, headline) => {
      const card = await drawSocialCard({ headline, section: 'Economía', outlet: 'Voz' });
      const box = await differingBox(card, await noHeadline('Economía'));
      if (!box) throw new Error('no headline drawn');
      expect(box.top).toBeGreaterThanOrEqual(HEADLINE_AREA.top - 2);
      expect(box.bottom).toBeLessThanOrEqual(HEADLINE_AREA.top + HEADLINE_AREA.height + 2);
      expect(box.left).toBeGreaterThanOrEqual(HEADLINE_AREA.left - 2);
      expect(box.right).toBeLessThanOrEqual(HEADLINE_AREA.left + HEADLINE_AREA.width + 2);
    },
    20_000,
  );
});

/**
 * A character no font has is drawn as the font's one "missing" glyph (a
 * box), so two headlines of different missing characters give the same
 * picture; two headlines of real, different letters do not.
 */
async function looksTheSame(a: string, b: string): Promise<boolean> {
  const card = (headline: string) => drawCardSvg({ headline, section: 'Mundo', outlet: 'Voz' });
  return (await card(a)) === (await card(b));
}

describe('the share-card cache', () => {
  const dir = join(process.cwd(), '.cache', 'social-cards');

  /**
   * Runs `test` with a way to list the files it added to the cache, and
   * removes them afterwards, whatever happens.
   */
  async function withCacheProbe(test: (added: () => Promise<string[]>) => Promise<void>) {
    await mkdir(dir, { recursive: true });
    const before = new Set(await readdir(dir));
    const added = async () => (await readdir(dir)).filter((f) => !before.has(f));
    try {
      await test(added);
    } finally {
      await Promise.all((await added()).map((f) => rm(join(dir, f), { force: true })));
    }
  }

  /** A card no other test draws. */
  const freshCard = (label: string) => ({
    headline: `${label} ${Date.now()} ${Math.random()}`,
    section: 'Mundo',
    outlet: 'Voz',
  });

  it(
    'draws a card once, then serves it from .cache/social-cards until its text changes',
    () =>
      withCacheProbe(async (added) => {
        const card = freshCard('Cache probe');
        const first = await renderSocialCard(card);
        const files = await added();
        expect(files).toHaveLength(1);
        expect((await sharp(first).metadata()).format).toBe('jpeg');
        // A marker in the cached file proves the second call read it rather
        // than drawing (it has a JPEG's start and end markers around it).
        const marker = Buffer.concat([
          Buffer.from([0xff, 0xd8]),
          Buffer.from('cached card'),
          Buffer.from([0xff, 0xd9]),
        ]);
        await writeFile(join(dir, files[0] ?? ''), marker);
        expect(await renderSocialCard(card)).toEqual(marker);
        const other = await renderSocialCard({ ...card, headline: `${card.headline} (updated)` });
        expect(other).not.toEqual(marker);
        expect((await sharp(other).metadata()).width).toBe(1200);
      }),
    30_000,
  );

  it(
    'draws a card asked for by several pages at once once, and gives each of them all of it',
    () =>
      withCacheProbe(async (added) => {
        // Stories with the same headline and section share a card; a build
        // renders four pages at once.
        const card = freshCard('Shared card 📡');
        const cards = await Promise.all([1, 2, 3, 4].map(() => renderSocialCard(card)));
        // One drawing, handed to all four.
        for (const other of cards) expect(other).toBe(cards[0]);
        expect(wholeJpeg(cards[0] ?? Buffer.alloc(0))).toBe(true);
        expect((await sharp(cards[0]).metadata()).height).toBe(630);
        // The cache holds the card and nothing staged beside it.
        const files = await added();
        expect(files).toHaveLength(1);
        expect(files[0]).toMatch(/^[0-9a-f]{64}\.jpg$/);
      }),
    30_000,
  );

  it(
    'draws again a cached card that was cut short, and caches the whole one',
    () =>
      withCacheProbe(async (added) => {
        const card = freshCard('Cut short');
        const whole = await renderSocialCard(card);
        const file = join(dir, (await added())[0] ?? '');
        await writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)));
        expect(await renderSocialCard(card)).toEqual(whole);
        expect(await readFile(file)).toEqual(whole);
      }),
    30_000,
  );
});

describe('wholeJpeg', () => {
  it('tells a whole JPEG from one cut short and from other bytes', async () => {
    const jpeg = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    expect(wholeJpeg(jpeg)).toBe(true);
    expect(wholeJpeg(jpeg.subarray(0, jpeg.length - 1))).toBe(false);
    expect(wholeJpeg(Buffer.from('cached card'))).toBe(false);
    expect(wholeJpeg(Buffer.alloc(0))).toBe(false);
  });
});

describe('share cards in every script', () => {
  it('can tell boxes apart from letters', async () => {
    expect(await looksTheSame('\uE000\uE001\uE002', '\uE003\uE004\uE005')).toBe(true);
  }, 20_000);

  it.each(SCRIPTS)(
    'draws %s as letters, not boxes',
    async (_, headline) => {
      // The script's own characters only, without spaces: boxes in any order look the same.
      const letters = [...headline].filter((c) => (c.codePointAt(0) ?? 0) > 0x7f && c.trim());
      expect(missingCharacters(headline)).toEqual([]);
      expect(await looksTheSame(letters.join(''), letters.reverse().join(''))).toBe(false);
      const svg = await drawSocialCardSvg({ headline, section: 'Mundo', outlet: 'Voz' });
      expect(svg).toBe(await drawCardSvg({ headline, section: 'Mundo', outlet: 'Voz' }));
    },
    20_000,
  );

  it('draws emoji as pictures', async () => {
    const svg = await drawSocialCardSvg({
      headline: 'Fans 🎉 🇺🇸',
      section: 'Mundo',
      outlet: 'Voz',
    });
    expect(svg.match(/<image[^>]+data:image\/svg\+xml/g)?.length).toBe(2);
  }, 20_000);

  it('sets Hebrew and Arabic right to left', async () => {
    const [hebrew] = SCRIPTS.filter(([name]) => name === 'Hebrew').map(([, text]) => text);
    const svg = await drawCardSvg({ headline: hebrew ?? '', section: 'Mundo', outlet: 'Voz' });
    const ltr = await drawCardSvg({ headline: '', section: 'Mundo', outlet: 'Voz' });
    // The headline's first glyph run starts near the right edge (x > 600) of the 1200 px card.
    expect(svg).not.toBe(ltr);
    const xs = [...svg.matchAll(/<path[^>]* d="M(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
    expect(Math.max(...xs)).toBeGreaterThan(900);
  }, 20_000);

  it('draws the edition’s card, not boxes, when a character has no font', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const svg = await drawSocialCardSvg({
      headline: 'नमस्ते भारत',
      section: 'Mundo',
      outlet: 'Voz',
    });
    expect(svg).toBe(await drawCardSvg({ headline: '', section: 'Mundo', outlet: 'Voz' }));
    expect(warn.mock.calls[0]?.[0]).toContain('U+92E');
    warn.mockRestore();
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
