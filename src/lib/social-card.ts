import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { SITE } from '../site';
import {
  CARD_FAMILY,
  drawnByBaseFonts,
  loadAdditionalAsset,
  loadBaseFonts,
  missingCharacters,
} from './card-fonts';
import { LINE_HEIGHT, drawHeadline } from './card-headline';
import { paintMask, parseHex } from './card-pixels';
import { writeFileWhole } from './write-whole';
import { PAGE_BACKGROUND } from './images';

/**
 * The 1200×630 share card of an article without a hero: outlet wordmark,
 * section and headline on the brand colours, in fonts shipped with the
 * project (see card-fonts.ts), so the card looks the same on every machine.
 *
 * Most headlines are Latin, and those cards are drawn in two layers: the
 * frame (paper, accent border, section label, double rule, wordmark) is laid
 * out by satori and rasterised once per section and outlet, kept as pixels;
 * the headline is set by libvips' text renderer (card-headline.ts) and
 * painted onto a copy of it (card-pixels.ts, about 1 ms of the main thread);
 * sharp encodes the JPEG. That costs about a third of drawing the whole
 * card with satori and librsvg (bench/cards.mjs).
 * Headlines in other scripts (Cyrillic, Greek, Hebrew, Arabic, Chinese,
 * Japanese, Korean) or with emoji are laid out by satori with the fallback
 * fonts and Twemoji pictures, in the same places and sizes; a headline with
 * a character none of the fonts has gives the edition's card (section and
 * wordmark, no headline) rather than boxes. JPEG, because a palette PNG
 * took five times as long to encode for no visible gain.
 * Cards are cached on disk by content, so a rebuild draws only new ones.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const INK = '#121212';
const INK_RGB = parseHex(INK);
const ACCENT = SITE.brand.accent;
const PAPER = PAGE_BACKGROUND;

/** The card's layout, in pixels: accent border, padding, section label line, footer (rule, gap, wordmark line). */
const BORDER = 24;
const PADDING_X = 72;
const PADDING_Y = 56;
const SECTION_LINE = 40;
const RULE = 3;
const RULE_GAP = 20;
const WORDMARK_LINE = 64;
/** Space kept between the headline and the section label above or the rule below. */
const HEADLINE_GAP = 8;

/** Where the headline goes: between the section label and the rule, centred vertically. */
export const HEADLINE_AREA = {
  left: PADDING_X,
  top: BORDER + PADDING_Y + SECTION_LINE + HEADLINE_GAP,
  width: CARD_WIDTH - 2 * PADDING_X,
  height:
    CARD_HEIGHT -
    BORDER -
    2 * PADDING_Y -
    SECTION_LINE -
    (RULE + RULE_GAP + WORDMARK_LINE) -
    2 * HEADLINE_GAP,
};

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
const CARD_VERSION = 3;

/** Where drawn cards are kept between builds (beside Astro's image cache). */
const CACHE_DIR = join(process.cwd(), '.cache', 'social-cards');

/** Cards being drawn or read in this process, by cache key. */
const inFlight = new Map<string, Promise<Buffer>>();

/**
 * The card as a JPEG buffer, from the disk cache when the same card was
 * drawn before. Stories with the same headline and section share a card,
 * and a build renders four pages at once: a card asked for while it is
 * being drawn waits for that drawing. Before, both drew it, one rewrote the
 * cached file while the other read it back, and a story's card could go out
 * cut short.
 */
export function renderSocialCard(input: {
  headline: string;
  section: string;
  outlet: string;
}): Promise<Buffer> {
  const key = createHash('sha256')
    .update(JSON.stringify([CARD_VERSION, ACCENT, input.headline, input.section, input.outlet]))
    .digest('hex');
  let card = inFlight.get(key);
  if (card === undefined) {
    card = cachedOrDrawn(key, input).finally(() => inFlight.delete(key));
    inFlight.set(key, card);
  }
  return card;
}

/**
 * The cached card, or the card drawn and cached: written beside its place
 * and renamed over it, so another build never reads half of one. A cached
 * file that is not a whole JPEG (one an earlier version left cut short) is
 * drawn again.
 */
async function cachedOrDrawn(key: string, input: CardText): Promise<Buffer> {
  const cached = join(CACHE_DIR, `${key}.jpg`);
  const hit = await readFile(cached).catch(() => undefined);
  if (hit && wholeJpeg(hit)) return hit;
  const jpeg = await drawSocialCard(input);
  await mkdir(CACHE_DIR, { recursive: true });
  // One drawing of a card at a time in this process (renderSocialCard).
  await writeFileWhole(cached, jpeg);
  return jpeg;
}

/** Whether `bytes` run from a JPEG's start marker to its end marker. */
export function wholeJpeg(bytes: Uint8Array): boolean {
  const n = bytes.length;
  return (
    n > 4 &&
    bytes[0] === 0xff &&
    bytes[1] === 0xd8 &&
    bytes[n - 2] === 0xff &&
    bytes[n - 1] === 0xd9
  );
}

/** What a card shows. */
export interface CardText {
  headline: string;
  section: string;
  outlet: string;
}

/**
 * The texts the card will show: the headline cut to fit, and without the
 * headline or section when a character of it has no font (with a warning
 * naming the characters), so the card never shows boxes.
 */
export function cardTexts(input: CardText): CardText {
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
  return {
    headline: missing.headline.length > 0 ? '' : fitHeadline(input.headline),
    section: missing.section.length > 0 ? '' : input.section,
    outlet: input.outlet,
  };
}

const JPEG = { quality: 85 } as const;

/** Draws the card, without the cache: on the cached frame when the base fonts set the headline, else all by satori. */
export async function drawSocialCard(input: CardText): Promise<Buffer> {
  const texts = cardTexts(input);
  if (drawnByBaseFonts(texts.headline)) {
    const layered = await drawLayeredCard(texts).catch((error: unknown) => {
      // Pango refusing the text is no reason to fail the build: satori draws it.
      console.warn(`[share card] drawing "${texts.headline}" with satori: ${String(error)}`);
      return undefined;
    });
    if (layered) return layered;
  }
  return sharp(Buffer.from(await drawCardSvg(texts)))
    .jpeg(JPEG)
    .toBuffer();
}

/** A frame as raw RGB pixels. */
interface Frame {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

/** Frames drawn in this process, by section and outlet (a few dozen at most: 2.3 MB each). */
const frames = new Map<string, Promise<Frame>>();
const FRAMES_KEPT = 64;

/** The card without its headline, as pixels, drawn once per section and outlet. */
export function cardFrame(section: string, outlet: string): Promise<Frame> {
  const key = JSON.stringify([section, outlet]);
  let frame = frames.get(key);
  if (!frame) {
    if (frames.size >= FRAMES_KEPT) frames.delete(frames.keys().next().value ?? '');
    frame = drawCardSvg({ headline: '', section, outlet }).then((svg) =>
      sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true }),
    );
    frames.set(key, frame);
    frame.catch(() => frames.delete(key));
  }
  return frame;
}

/**
 * Pixel buffers for cards being drawn, reused: a fresh 2 MB buffer per card
 * (external memory to V8) makes it collect the build's large heap again and
 * again, which cost more than drawing the card.
 */
const spare: Buffer[] = [];

/** The card as the cached frame with the headline set by libvips painted onto it. */
export async function drawLayeredCard(texts: CardText): Promise<Buffer> {
  const frame = await cardFrame(texts.section, texts.outlet);
  if (!texts.headline) return sharp(frame.data, { raw: frame.info }).jpeg(JPEG).toBuffer();
  const headline = await drawHeadline(texts.headline, HEADLINE_AREA, headlineSize(texts.headline));
  const pixels = spare.pop() ?? Buffer.allocUnsafe(frame.data.length);
  try {
    frame.data.copy(pixels);
    paintMask(
      { data: pixels, ...frame.info },
      headline,
      INK_RGB,
      HEADLINE_AREA.left,
      HEADLINE_AREA.top + Math.floor((HEADLINE_AREA.height - headline.height) / 2),
    );
    return await sharp(pixels, { raw: frame.info }).jpeg(JPEG).toBuffer();
  } finally {
    spare.push(pixels);
  }
}

/**
 * The whole card as satori's SVG (text as glyph outlines, emoji as
 * pictures), after {@link cardTexts}.
 */
export async function drawSocialCardSvg(input: CardText): Promise<string> {
  return drawCardSvg(cardTexts(input));
}

/** Draws exactly the texts given, boxes and all (exported for the tests that look for boxes). */
export async function drawCardSvg({ headline, section, outlet }: CardText): Promise<string> {
  const rtl = RIGHT_TO_LEFT.test(headline);
  const tree = el(
    'div',
    {
      // Satori sizes boxes without their padding and border.
      width: CARD_WIDTH - 2 * PADDING_X,
      height: CARD_HEIGHT - 2 * PADDING_Y - BORDER,
      display: 'flex',
      flexDirection: 'column',
      padding: `${PADDING_Y}px ${PADDING_X}px`,
      boxSizing: 'content-box',
      backgroundColor: PAPER,
      borderTop: `${BORDER}px solid ${ACCENT}`,
      fontFamily: CARD_FAMILY,
      color: INK,
    },
    [
      el(
        'div',
        {
          display: 'flex',
          height: SECTION_LINE,
          alignItems: 'center',
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
          flexGrow: 1,
          alignItems: 'center',
          margin: `${HEADLINE_GAP}px 0`,
          fontSize: headlineSize(headline),
          fontWeight: 700,
          lineHeight: LINE_HEIGHT,
          letterSpacing: rtl ? 0 : -1,
          wordBreak: 'break-word',
          direction: rtl ? 'rtl' : 'ltr',
        },
        headline,
      ),
      el(
        'div',
        {
          display: 'flex',
          alignItems: 'center',
          borderTop: `${RULE}px double ${INK}`,
          paddingTop: RULE_GAP,
        },
        [
          el(
            'div',
            {
              display: 'flex',
              height: WORDMARK_LINE,
              alignItems: 'center',
              fontSize: 56,
              fontWeight: 700,
              color: ACCENT,
              letterSpacing: -1,
            },
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
