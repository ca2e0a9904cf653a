import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { SITE } from '../site';
import { CARD_FAMILY, loadAdditionalAsset, loadBaseFonts, missingCharacters } from './card-fonts';
import { PAGE_BACKGROUND } from './images';

/**
 * The 1200×630 share card of an article without a hero: outlet wordmark,
 * section and headline on the brand colours. Text is drawn by satori from
 * fonts shipped with the project (see card-fonts.ts: Latin, Cyrillic, Greek,
 * Hebrew, Arabic, Chinese, Japanese, Korean and emoji), so the card looks
 * the same on every machine; a headline with a character none of them has
 * gives the edition's card (section and wordmark, no headline) rather than
 * boxes. sharp turns the card into a JPEG
 * (a palette PNG took five times as long to encode for no visible gain).
 * Cards are cached on disk by content, so a rebuild draws only new ones.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const INK = '#121212';
const ACCENT = SITE.brand.accent;
const PAPER = PAGE_BACKGROUND;

/** Text that starts with a Hebrew or Arabic letter is set right to left. */
const RIGHT_TO_LEFT = /^[^\p{L}]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** Headline type size that keeps long headlines inside the card. */
export function headlineSize(headline: string): number {
  const length = [...headline].length;
  if (length <= 50) return 76;
  if (length <= 80) return 64;
  if (length <= 120) return 54;
  return 46;
}

/** Cuts a headline at a word boundary with an ellipsis when it would not fit. */
export function fitHeadline(headline: string, max = 160): string {
  const chars = [...headline];
  if (chars.length <= max) return headline;
  const cut = chars.slice(0, max).join('');
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:.–—-]+$/, '')}…`;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({
  type,
  props: { style, children },
});

/** Bump when the design changes, so cached cards are drawn again. */
const CARD_VERSION = 2;

/** Where drawn cards are kept between builds (beside Astro's image cache). */
const CACHE_DIR = join(process.cwd(), '.cache', 'social-cards');

/** The card as a JPEG buffer, from the disk cache when the same card was drawn before. */
export async function renderSocialCard(input: {
  headline: string;
  section: string;
  outlet: string;
}): Promise<Buffer> {
  const key = createHash('sha256')
    .update(JSON.stringify([CARD_VERSION, ACCENT, input.headline, input.section, input.outlet]))
    .digest('hex');
  const cached = join(CACHE_DIR, `${key}.jpg`);
  const hit = await readFile(cached).catch(() => undefined);
  if (hit) return hit;
  const jpeg = await drawSocialCard(input);
  await mkdir(CACHE_DIR, { recursive: true });
  await writeFile(cached, jpeg);
  return jpeg;
}

/** Draws the card, without the cache. */
export async function drawSocialCard(input: {
  headline: string;
  section: string;
  outlet: string;
}): Promise<Buffer> {
  return sharp(Buffer.from(await drawSocialCardSvg(input)))
    .jpeg({ quality: 85 })
    .toBuffer();
}

/**
 * The card as satori's SVG (text as glyph outlines, emoji as pictures).
 * When a character of the headline or section has no font, the edition's
 * card is drawn instead, with a warning naming the characters.
 */
export async function drawSocialCardSvg(input: {
  headline: string;
  section: string;
  outlet: string;
}): Promise<string> {
  const missing = {
    headline: missingCharacters(input.headline),
    section: missingCharacters(input.section),
  };
  const unknown = [...missing.headline, ...missing.section];
  if (unknown.length > 0) {
    const codes = unknown.map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`);
    console.warn(
      `[share card] no font draws ${codes.join(' ')} in "${input.section}: ${input.headline}"; drawing ${input.outlet}'s card without it`,
    );
  }
  return drawCardSvg({
    headline: missing.headline.length > 0 ? '' : fitHeadline(input.headline),
    section: missing.section.length > 0 ? '' : input.section,
    outlet: input.outlet,
  });
}

/** Draws exactly the texts given, boxes and all (exported for the tests that look for boxes). */
export async function drawCardSvg({
  headline,
  section,
  outlet,
}: {
  headline: string;
  section: string;
  outlet: string;
}): Promise<string> {
  const rtl = RIGHT_TO_LEFT.test(headline);
  const tree = el(
    'div',
    {
      // Satori sizes boxes without their padding and border.
      width: CARD_WIDTH - 2 * 72,
      height: CARD_HEIGHT - 2 * 56 - 24,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '56px 72px',
      boxSizing: 'content-box',
      backgroundColor: PAPER,
      borderTop: `24px solid ${ACCENT}`,
      fontFamily: CARD_FAMILY,
      color: INK,
    },
    [
      el(
        'div',
        {
          display: 'flex',
          fontSize: 30,
          fontWeight: 700,
          color: ACCENT,
          letterSpacing: 3,
          textTransform: 'uppercase',
        },
        section,
      ),
      el(
        'div',
        {
          display: 'flex',
          fontSize: headlineSize(headline),
          fontWeight: 700,
          lineHeight: 1.12,
          letterSpacing: rtl ? 0 : -1,
          wordBreak: 'break-word',
          direction: rtl ? 'rtl' : 'ltr',
        },
        headline,
      ),
      el(
        'div',
        { display: 'flex', alignItems: 'center', borderTop: `3px double ${INK}`, paddingTop: 20 },
        [
          el(
            'div',
            { display: 'flex', fontSize: 56, fontWeight: 700, color: ACCENT, letterSpacing: -1 },
            outlet,
          ),
        ],
      ),
    ],
  );
  return satori(tree as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: await loadBaseFonts(),
    loadAdditionalAsset,
  });
}
