import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { CARD_FAMILY, baseFontFiles } from './card-fonts';
import { woffToSfnt } from './card-woff';
import { escapeXml } from './feed';
import { writeFileWhole } from './write-whole';

/**
 * A Latin headline set by libvips' own text renderer (Pango), in the card's
 * Source Serif 4 Bold, as a one-channel mask to paint onto the card's
 * frame. It takes about 1.2 ms of one of libvips' threads, where satori's
 * layout (main thread) and librsvg's rasterising of the whole card took
 * about 14 ms, and it knows the height it drew, so a headline that would
 * not fit is set smaller rather than spilling over the wordmark.
 *
 * Only text the base fonts draw comes here (`drawnByBaseFonts`): Pango
 * would borrow a system font for anything else, and the card would differ
 * from machine to machine. Other scripts and emoji go through satori.
 */

/** The space the headline may take. */
export interface HeadlineBox {
  width: number;
  height: number;
}

/** The drawn headline: a one-channel mask (255 where the ink is), its size and the type size used. */
export interface DrawnHeadline {
  data: Buffer;
  width: number;
  height: number;
  channels: 1;
  size: number;
}

/** Distance between baselines, as a multiple of the type size (as on the satori card). */
export const LINE_HEIGHT = 1.12;

/** Letter spacing of the headline, in pixels (as on the satori card). */
const TRACKING = -1;

/** Type sizes tried in turn, largest first, until the headline fits. */
const SIZES = [76, 64, 54, 46, 40, 34, 30, 26];

/** Escapes text for Pango markup (XML's rules); control characters become spaces. */
export function pangoText(text: string): string {
  return escapeXml(text.replace(/\p{Cc}/gu, ' '));
}

let fontFiles: Promise<string> | undefined;

/**
 * The base fonts as TrueType files in `.cache/card-fonts/`, registered with
 * fontconfig; resolves to the file to name in each call (the others are
 * found by family, as fontconfig keeps what was registered once).
 */
function registeredFonts(): Promise<string> {
  fontFiles ??= (async () => {
    const dir = join(process.cwd(), '.cache', 'card-fonts');
    await mkdir(dir, { recursive: true });
    const files = await Promise.all(
      baseFontFiles().map(async (woff) => {
        const data = await readFile(woff);
        const hash = createHash('sha256').update(data).digest('hex').slice(0, 12);
        const ttf = join(dir, `${basename(woff, '.woff')}-${hash}.ttf`);
        if (!(await stat(ttf).catch(() => undefined))) {
          // Written whole: parallel test workers may write the same file.
          await writeFileWhole(ttf, woffToSfnt(data));
        }
        return ttf;
      }),
    );
    for (const file of files.slice(1)) {
      await sharp({ text: { text: 'x', font: fontName(10), fontfile: file } }).toBuffer();
    }
    return files[0] ?? '';
  })();
  return fontFiles;
}

/** A Pango font description: family, the card's one weight (700), size. */
const fontName = (size: number) => `${CARD_FAMILY} Bold ${size}`;

function render(markup: string, size: number, width: number, fontfile: string, spacing?: number) {
  return (
    sharp({
      text: {
        text: markup,
        font: fontName(size),
        fontfile,
        width,
        // Sizes are in points; at 72 dpi a point is a pixel, as on the satori card.
        dpi: 72,
        wrap: 'word-char',
        ...(spacing === undefined ? {} : { spacing }),
      },
    })
      // libvips draws one band of coverage; sharp would hand it back as sRGB.
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true })
  );
}

const naturalLines = new Map<number, Promise<number>>();

/**
 * The font's own distance between baselines at `size`, measured once per
 * size: libvips crops its picture to the ink, so it is the height of two
 * lines less that of one.
 */
function naturalLineHeight(size: number, fontfile: string): Promise<number> {
  let height = naturalLines.get(size);
  if (!height) {
    height = Promise.all([
      render('Hg', size, 2000, fontfile),
      render('Hg\nHg', size, 2000, fontfile),
    ]).then(([one, two]) => two.info.height - one.info.height);
    naturalLines.set(size, height);
  }
  return height;
}

/**
 * The headline, set at the first of its starting size and the smaller ones
 * that fits the box (lines broken between words, inside a word only when
 * one word is wider than the box); throws when not even the smallest fits.
 */
export async function drawHeadline(
  headline: string,
  box: HeadlineBox,
  startSize: number,
): Promise<DrawnHeadline> {
  const fontfile = await registeredFonts();
  for (const size of SIZES.filter((s) => s <= startSize)) {
    const natural = await naturalLineHeight(size, fontfile);
    const markup = `<span letter_spacing="${TRACKING * 1024}">${pangoText(headline)}</span>`;
    const spacing = Math.round(size * LINE_HEIGHT) - natural;
    const { data, info } = await render(markup, size, box.width, fontfile, spacing);
    if (info.channels !== 1)
      throw new Error(`libvips drew the headline in ${info.channels} channels`);
    if (info.height <= box.height && info.width <= box.width) {
      return { data, width: info.width, height: info.height, channels: 1, size };
    }
  }
  throw new Error(`headline does not fit ${box.width}×${box.height}: ${headline}`);
}
