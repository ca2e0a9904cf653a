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
