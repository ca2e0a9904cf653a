import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import satori from 'satori';
import sharp from 'sharp';
import { SITE } from '../site';

/**
 * The 1200×630 share card of an article without a hero: outlet wordmark,
 * section and headline on the brand colours. Text is drawn by satori from a
 * font shipped with the project (Source Serif 4, SIL Open Font License), so
 * the card looks the same on every machine; sharp turns it into a JPEG
 * (a palette PNG took five times as long to encode for no visible gain).
 * Cards are cached on disk by content, so a rebuild draws only new ones.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const INK = '#121212';
const ACCENT = SITE.brand.accent;
const PAPER = '#ffffff';

type Fonts = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[];
let fonts: Promise<Fonts> | undefined;

function loadFonts(): Promise<Fonts> {
  const require = createRequire(import.meta.url);
  const file = (weight: number) =>
    require.resolve(`@fontsource/source-serif-4/files/source-serif-4-latin-${weight}-normal.woff`);
  fonts ??= Promise.all(
    ([400, 700] as const).map(async (weight) => ({
      name: 'Source Serif 4',
      data: await readFile(file(weight)),
      weight,
      style: 'normal' as const,
    })),
  );
  return fonts;
}

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
const CARD_VERSION = 1;

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
  const headline = fitHeadline(input.headline);
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
      fontFamily: 'Source Serif 4',
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
        input.section,
      ),
      el(
        'div',
        {
          display: 'flex',
          fontSize: headlineSize(headline),
          fontWeight: 700,
          lineHeight: 1.12,
          letterSpacing: -1,
          wordBreak: 'break-word',
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
            input.outlet,
          ),
        ],
      ),
    ],
  );
  const svg = await satori(tree as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: await loadFonts(),
  });
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}
