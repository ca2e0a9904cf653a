import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { FEED_IMAGE_WIDTH } from './images';
import type { FeedImage } from './feed';

/** A JPEG rendition of a hero for feed readers, which do not all take AVIF or WebP. */
export async function feedImage(image: ImageMetadata, site: URL): Promise<FeedImage> {
  const width = Math.min(FEED_IMAGE_WIDTH, image.width);
  const height = Math.round((width * image.height) / image.width);
  const result = await getImage({ src: image, width, height, format: 'jpeg' });
  return { url: new URL(result.src, site).href, width, height, type: 'image/jpeg' };
}
