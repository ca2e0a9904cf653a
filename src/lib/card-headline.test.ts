import { describe, expect, it } from 'vitest';
import { drawHeadline, pangoText } from './card-headline';

const box = { width: 1056, height: 351 };

describe('pangoText', () => {
  it.each([
    ['AT&T <b>outage</b>', 'AT&amp;T &lt;b&gt;outage&lt;/b&gt;'],
    ['Bell\u0007 and\ttab', 'Bell  and tab'],
    ['“Quoted” ‘news’', '“Quoted” ‘news’'],
  ])('makes %j safe as Pango markup', (text, expected) => {
    expect(pangoText(text)).toBe(expected);
  });
});

describe('drawHeadline', () => {
  it('keeps a short headline at its starting size, on one line', async () => {
    const one = await drawHeadline('Sube el precio del pan', box, 76);
    expect(one.size).toBe(76);
    expect(one.height).toBeLessThan(76 * 1.4);
  }, 20_000);

  it('sets a headline that would not fit smaller, and keeps it inside the box', async () => {
    const long = `${'Extraordinariamente '.repeat(14)}largo`;
    const drawn = await drawHeadline(long, box, 76);
    expect(drawn.size).toBeLessThan(76);
    expect(drawn.height).toBeLessThanOrEqual(box.height);
    expect(drawn.width).toBeLessThanOrEqual(box.width);
  }, 20_000);

  it('breaks a word wider than the box instead of letting it run off the card', async () => {
    const drawn = await drawHeadline('W'.repeat(60), box, 76);
    expect(drawn.width).toBeLessThanOrEqual(box.width);
  }, 20_000);

  it('spaces lines 1.12 times the type size apart', async () => {
    // A box one word wide: a line per word.
    const narrow = { ...box, width: 100 };
    const [two, three] = await Promise.all([
      drawHeadline('Hg Hg', narrow, 54),
      drawHeadline('Hg Hg Hg', narrow, 54),
    ]);
    expect(three.size).toBe(54);
    expect(three.height - two.height).toBe(Math.round(54 * 1.12));
  }, 20_000);

  it('draws the same pixels every time', async () => {
    const [a, b] = await Promise.all([
      drawHeadline('Texas jobless rate holds', box, 76),
      drawHeadline('Texas jobless rate holds', box, 76),
    ]);
    expect(a.data.equals(b.data)).toBe(true);
  }, 20_000);
});
