import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Image renditions, decided once for the whole site. Each width costs encode
 * time on a cold build (AVIF most of all), so the lists are short.
 */

/** Hero widths: phones at 1x–2x up to the desktop column at 2x. */
export const HERO_WIDTHS = [480, 800, 1200, 1600] as const;

/** The hero fills the column: full width on phones, at most 52rem on desktops. */
export const HERO_SIZES = '(min-width: 56rem) 52rem, calc(100vw - 2rem)';

/** Card thumbnails. */
export const THUMB_WIDTHS = [320, 640] as const;

/** Lead story image on front pages. */
export const LEAD_WIDTHS = [480, 800, 1200] as const;
export const LEAD_SIZES = '(min-width: 64rem) 44rem, calc(100vw - 2rem)';

/** Rendition given to feed readers and aggregators (Flipboard wants ≥ 400 px). */
export const FEED_IMAGE_WIDTH = 1200;

/**
 * The narrowest hero the site accepts: the largest of the smallest widths of
 * each rendition list, so every list (hero, lead, thumbnail) keeps at least
 * one width and no page writes an empty `srcset`. Narrower photos are refused;
 * photos under {@link FEED_IMAGE_WIDTH} still build, with a warning, because
 * search engines and social networks then show them small.
 */
export const MIN_PUBLISHABLE_HERO_WIDTH = Math.max(HERO_WIDTHS[0], LEAD_WIDTHS[0], THUMB_WIDTHS[0]);

/**
 * The value of a custom property (`--color-paper`) declared in a stylesheet.
 * Throws when it is not there, so renaming a token cannot silently change a
 * colour drawn outside CSS.
 */
export function customProperty(css: string, name: string): string {
  const escaped = name.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
  const value = new RegExp(`${escaped}\\s*:\\s*([^;]+);`).exec(css)?.[1]?.trim();
  if (!value) throw new Error(`src/styles/tokens.css declares no ${name}`);
  return value;
}

/**
 * The page background (`--color-paper` in tokens.css). JPEG has no
 * transparency: a transparent PNG hero is flattened onto this colour in the
 * JPEG renditions (share images, feed images), where sharp would otherwise
 * paint the transparent areas black.
 */
export const PAGE_BACKGROUND = customProperty(
  // Read from the project root, where every build and test runs.
  readFileSync(join(process.cwd(), 'src/styles/tokens.css'), 'utf8'),
  '--color-paper',
);

/** A pixel size. */
export interface Size {
  width: number;
  height: number;
}

/**
 * The size of a `target`-shaped crop cut from an image: the target itself
 * when the image is large enough, else the largest crop of the same shape
 * the image holds (images are never enlarged), so the size written in
 * `og:image:width` and structured data is the size of the file.
 */
export function cropSize(image: Size, target: Size): Size {
  const scale = Math.min(1, image.width / target.width, image.height / target.height);
  return {
    width: Math.round(target.width * scale),
    height: Math.round(target.height * scale),
  };
}
