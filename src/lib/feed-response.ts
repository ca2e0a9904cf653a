import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { SITE, type Lang } from '../site';
import { getBuildTime } from './build-time';
import type { Article } from './content';
import { renderFeed, toFeedItem, type FeedImage } from './feed';
import { FEED_IMAGE_WIDTH } from './images';

/** A JPEG rendition of a hero for feed readers, which do not all take AVIF or WebP. */
async function feedImage(image: ImageMetadata, site: URL): Promise<FeedImage> {
  const width = Math.min(FEED_IMAGE_WIDTH, image.width);
  const height = Math.round((width * image.height) / image.width);
  const result = await getImage({ src: image, width, height, format: 'jpeg' });
  return { url: new URL(result.src, site).href, width, height, type: 'image/jpeg' };
}

/** The feed title for a part of an edition: "Voz: Mundo" or the edition's own. */
export function feedTitle(lang: Lang, part?: string): string {
  return part ? `${SITE.name}: ${part}` : `${SITE.name} (${SITE.editions[lang].label})`;
}

/**
 * The RSS response for a list of published articles (newest first): the
 * edition feed and every section and author feed go through here, so they
 * share content, images and escaping.
 */
export async function feedResponse(options: {
  lang: Lang;
  title: string;
  /** Path of the page the feed follows (`/es/mundo/`). */
  pagePath: string;
  /** Path of the feed (`/es/mundo/rss.xml`). */
  feedPath: string;
  articles: readonly Article[];
  site: URL | undefined;
}): Promise<Response> {
  const { site } = options;
  if (!site) throw new Error('astro.config.mjs must set `site`: feeds need absolute URLs.');
  const items = await Promise.all(
    options.articles.slice(0, SITE.feedSize).map(async (article) =>
      toFeedItem(article, {
        site,
        html: article.entry.rendered?.html ?? '',
        image: article.hero && (await feedImage(article.hero.image, site)),
      }),
    ),
  );
  const xml = await renderFeed({
    lang: options.lang,
    title: options.title,
    description: SITE.editions[options.lang].tagline,
    link: new URL(options.pagePath, site).href,
    selfUrl: new URL(options.feedPath, site).href,
    items,
    buildTime: getBuildTime(),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
