import { getImage } from 'astro:assets';
import type { Hero } from './content';
import { cropSize, PAGE_BACKGROUND, photoXmp } from './images';
import { socialCardPath } from './urls';

/**
 * Crops of a hero for search engines and social networks, all made by
 * astro:assets (sharp) at build time and cached with the other renditions.
 */

/** An image on the site with its pixel size. */
export interface SizedImage {
  path: string;
  width: number;
  height: number;
}

/**
 * Crops 1200 px wide, as Google asks of NewsArticle images; smaller (same
 * shape) when the hero is smaller, which the content check warns about.
 */
const CROPS = { wide: [1200, 675], standard: [1200, 900], square: [1200, 1200] } as const;

async function crop(hero: Hero, targetWidth: number, targetHeight: number): Promise<SizedImage> {
  const { width, height } = cropSize(hero.image, { width: targetWidth, height: targetHeight });
  const result = await getImage({
    src: hero.image,
    width,
    height,
    fit: 'cover',
    position: 'attention',
    format: 'jpeg',
    background: PAGE_BACKGROUND,
    // Issue 15: the photo's rights in the file (src/lib/image-service.ts).
    xmp: photoXmp(hero),
  });
  return { path: result.src, width, height };
}

/** The hero in 16:9, 4:3 and 1:1, for structured data. */
export async function heroCrops(hero: Hero): Promise<SizedImage[]> {
  return Promise.all(Object.values(CROPS).map(([w, h]) => crop(hero, w, h)));
}

/** The 1200×630 Open Graph image cut from a hero (smaller when the hero is). */
export function heroSocialImage(hero: Hero): Promise<SizedImage> {
  return crop(hero, 1200, 630);
}

/**
 * What an article shows search engines and social networks: the Open Graph
 * image (1200×630) and the structured-data images (16:9, 4:3, 1:1 of the
 * hero; the generated headline card when there is no hero).
 */
export async function articleImages(article: {
  hero: Hero | undefined;
  path: string;
}): Promise<{ social: SizedImage; crops: SizedImage[] }> {
  if (article.hero) {
    const [social, crops] = await Promise.all([
      heroSocialImage(article.hero),
      heroCrops(article.hero),
    ]);
    return { social, crops };
  }
  const card = { path: socialCardPath(article.path), width: 1200, height: 630 };
  return { social: card, crops: [card] };
}
