import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Fonts and emoji for the share cards, from npm packages (SIL Open Font
 * License fonts from Fontsource, CC-BY Twemoji pictures), so a card looks
 * the same on every machine in every script the newsroom publishes in:
 *
 * - Latin from Source Serif 4, loaded once per process for every card;
 * - Cyrillic, Greek and Vietnamese from Source Serif 4's other subsets,
 *   Hebrew from Noto Sans Hebrew, Arabic from Noto Sans Arabic, Chinese
 *   and Japanese from Noto Serif SC, Korean from Noto Serif KR; only the
 *   subsets a headline needs are read, the first time one does;
 * - emoji as Twemoji SVG pictures.
 *
 * What no font here covers is reported by {@link missingCharacters}, so the
 * card can be drawn without the headline instead of with boxes.
 */

/** The family the card's text is set in. */
export const CARD_FAMILY = 'Source Serif 4';

/** The one weight the card uses (section, headline and wordmark are bold). */
export const CARD_WEIGHT = 700;

/** A font as satori takes it. */
export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

/** A Fontsource package and the subsets of it the cards may use. */
interface FontSource {
  family: string;
  /** npm package name. */
  pkg: string;
  /** Subset names from the package's unicode.json; `all` for every one (CJK fonts come in ~100 numbered slices). */
  subsets: readonly string[] | 'all';
}

/** Always loaded: Latin, for every card. */
const BASE: FontSource = {
  family: CARD_FAMILY,
  pkg: '@fontsource/source-serif-4',
  subsets: ['latin', 'latin-ext'],
};

/** Loaded when a headline needs them, first match wins (SC before KR: Han characters take the Chinese forms). */
const FALLBACKS: readonly FontSource[] = [
  {
    family: CARD_FAMILY,
    pkg: '@fontsource/source-serif-4',
    subsets: ['cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'],
  },
  { family: 'Noto Sans Hebrew', pkg: '@fontsource/noto-sans-hebrew', subsets: ['hebrew'] },
  { family: 'Noto Sans Arabic', pkg: '@fontsource/noto-sans-arabic', subsets: ['arabic'] },
  { family: 'Noto Serif SC', pkg: '@fontsource/noto-serif-sc', subsets: 'all' },
  { family: 'Noto Serif KR', pkg: '@fontsource/noto-serif-kr', subsets: 'all' },
];

/** Inclusive code point ranges. */
type Ranges = [number, number][];

/** Parses a CSS `unicode-range` value (`U+0000-00FF,U+0131`). */
export function parseUnicodeRange(value: string): Ranges {
  return value.split(',').flatMap((part): Ranges => {
    const match = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!match?.[1]) return [];
    if (match[1].includes('?')) {
      return [
        [parseInt(match[1].replace(/\?/g, '0'), 16), parseInt(match[1].replace(/\?/g, 'f'), 16)],
      ];
    }
    const start = parseInt(match[1], 16);
    return [[start, match[2] ? parseInt(match[2], 16) : start]];
  });
}

const inRanges = (ranges: Ranges, code: number) =>
  ranges.some(([start, end]) => code >= start && code <= end);

const require = createRequire(import.meta.url);
const packageDir = (pkg: string) => dirname(require.resolve(`${pkg}/package.json`));

/**
 * One file of a font source: a subset at the card's weight, with what it
 * covers. Each has a name of its own: satori uses one font per name and
 * weight, so slices sharing a name would hide each other's glyphs; it falls
 * back across names for characters the card's family lacks.
 */
interface Slice {
  name: string;
  file: string;
  ranges: Ranges;
}

function slices(source: FontSource): Slice[] {
  const dir = packageDir(source.pkg);
  const table = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<
    string,
    string
  >;
  const name = source.pkg.split('/')[1] ?? source.pkg;
  return Object.entries(table)
    .filter(([subset]) => source.subsets === 'all' || source.subsets.includes(subset))
    .map(([subset, range]) => ({
      name: subset === 'latin' ? source.family : `${source.family} ${subset}`,
      file: join(
        dir,
        'files',
        `${name}-${subset.replace(/[[\]]/g, '')}-${CARD_WEIGHT}-normal.woff`,
      ),
      ranges: parseUnicodeRange(range),
    }));
}

let catalogue: { base: Slice[]; fallbacks: Slice[] } | undefined;
function fontCatalogue() {
  catalogue ??= { base: slices(BASE), fallbacks: FALLBACKS.flatMap(slices) };
  return catalogue;
}

const fileCache = new Map<string, Promise<CardFont>>();
function loadSlice(slice: Slice): Promise<CardFont> {
  let font = fileCache.get(slice.file);
  if (!font) {
    font = readFile(slice.file).then((data) => ({
      name: slice.name,
      data,
      weight: CARD_WEIGHT,
      style: 'normal' as const,
    }));
    fileCache.set(slice.file, font);
  }
  return font;
}

let baseFonts: Promise<CardFont[]> | undefined;

/** The Latin fonts every card is drawn with, read once per process. Keep the array: satori caches its parsed fonts by it. */
export function loadBaseFonts(): Promise<CardFont[]> {
  baseFonts ??= Promise.all(fontCatalogue().base.map(loadSlice));
  return baseFonts;
}

/** The files of the Latin fonts every card uses, the `latin` subset first (WOFF 1.0). */
export function baseFontFiles(): string[] {
  return fontCatalogue().base.map((slice) => slice.file);
}

/** Characters that take no glyph of their own: spaces, joiners, variation selectors, controls. */
const INVISIBLE = /^(?:\p{White_Space}|\p{Cc}|[\u200B-\u200F\u2060]|\p{Variation_Selector})$/u;

/**
 * A grapheme drawn as a picture: emoji shown as emoji by default, or asked
 * for with U+FE0F, flags, keycaps, ZWJ sequences. (A plain `©` is text.)
 */
const EMOJI = /\p{Emoji_Presentation}|\uFE0F|\p{Regional_Indicator}|\u20E3|\u200D/u;

/** The fonts (beyond the base ones) that draw the characters of `text`. */
export async function fontsFor(text: string): Promise<CardFont[]> {
  const { base, fallbacks } = fontCatalogue();
  const needed = new Set<Slice>();
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (INVISIBLE.test(char) || base.some((s) => inRanges(s.ranges, code))) continue;
    const slice = fallbacks.find((s) => inRanges(s.ranges, code));
    if (slice) needed.add(slice);
  }
  return Promise.all([...needed].map(loadSlice));
}

/**
 * Twemoji's file name for an emoji: its code points in hex joined by `-`,
 * without the emoji variation selector unless the emoji is a ZWJ sequence
 * (the rule Twemoji's own parser follows).
 */
export function twemojiName(emoji: string): string {
  const points = [...(emoji.includes('\u200D') ? emoji : emoji.replace(/\uFE0F/g, ''))];
  return points.map((c) => (c.codePointAt(0) ?? 0).toString(16)).join('-');
}

let emojiDir: string | undefined;
function emojiFile(emoji: string): string | undefined {
  emojiDir ??= packageDir('@twemoji/svg');
  for (const name of [twemojiName(emoji), twemojiName(emoji.replace(/\uFE0F/g, ''))]) {
    const file = join(emojiDir, `${name}.svg`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** An emoji as a `data:` URL of its Twemoji picture, or undefined when Twemoji has none. */
export async function emojiImage(emoji: string): Promise<string | undefined> {
  const file = emojiFile(emoji);
  if (!file) return undefined;
  return `data:image/svg+xml;base64,${(await readFile(file)).toString('base64')}`;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * The emoji of `text` and its visible characters that none of the font
 * `slices` draws, in order: an emoji as its whole grapheme, any other as one
 * character.
 */
function* outsideFonts(
  text: string,
  slices: readonly Slice[],
): Generator<{ emoji: boolean; text: string }> {
  for (const { segment } of graphemes.segment(text)) {
    if (EMOJI.test(segment)) {
      yield { emoji: true, text: segment };
      continue;
    }
    for (const char of segment) {
      const code = char.codePointAt(0) ?? 0;
      if (!INVISIBLE.test(char) && !slices.some((s) => inRanges(s.ranges, code))) {
        yield { emoji: false, text: char };
      }
    }
  }
}

/**
 * The characters of `text` that no card font or emoji picture covers (each
 * once, in order): a card drawing them would show boxes.
 */
export function missingCharacters(text: string): string[] {
  const { base, fallbacks } = fontCatalogue();
  const missing = new Set<string>();
  for (const { emoji, text: found } of outsideFonts(text, [...base, ...fallbacks])) {
    if (!emoji || !emojiFile(found)) missing.add(found);
  }
  return [...missing];
}

/**
 * Whether the base Latin fonts draw all of `text` (no emoji, no other
 * script): such a headline can be set by libvips' text renderer with those
 * fonts alone (see card-headline.ts), without satori.
 */
export function drawnByBaseFonts(text: string): boolean {
  return outsideFonts(text, fontCatalogue().base).next().done === true;
}

/**
 * satori's `loadAdditionalAsset`: an emoji's picture, or the fonts that
 * draw a run of text the loaded fonts lack.
 */
export async function loadAdditionalAsset(
  code: string,
  segment: string,
): Promise<string | CardFont[]> {
  if (code === 'emoji') return (await emojiImage(segment)) ?? [];
  return fontsFor(segment);
}
