import { getRssString, type RSSFeedItem, type RSSOptions } from '@astrojs/rss';
import { SITE, type Lang } from '../site';

/** What a feed item needs to know about an article. */
export interface FeedArticle {
  title: string;
  dek: string;
  path: string;
  publishedAt: Date;
  updatedAt: Date | undefined;
  lang: Lang;
  tags: string[];
  section: { name: Record<Lang, string> };
  authors: { name: string }[];
  hero: { alt: string; caption: string | undefined; credit: string | undefined } | undefined;
}

/** The hero as served to feed readers: an absolute URL to a rendition. */
export interface FeedImage {
  url: string;
  width: number;
  height: number;
  type: string;
}

const NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  atom: 'http://www.w3.org/2005/Atom',
};

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Escapes text for HTML (same rules as XML, minus the apostrophe entity). */
function escapeHtml(text: string): string {
  return escapeXml(text).replace(/&apos;/g, '&#39;');
}

function absolute(value: string, base: string): string {
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/**
 * Rewrites relative `href`, `src` and `srcset` URLs in an HTML fragment to
 * absolute ones, because feed readers show content away from our site.
 */
export function absolutizeHtml(html: string, base: string): string {
  return html
    .replace(
      /\s(href|src|poster)=(["'])(.*?)\2/gi,
      (_match, attr: string, quote: string, value: string) =>
        ` ${attr}=${quote}${value.startsWith('#') ? value : absolute(value, base)}${quote}`,
    )
    .replace(/\ssrcset=(["'])(.*?)\1/gi, (_match, quote: string, value: string) => {
      const candidates = value.split(',').map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
        return [absolute(url, base), ...descriptor].join(' ');
      });
      return ` srcset=${quote}${candidates.join(', ')}${quote}`;
    });
}

/** The hero as a figure at the top of the feed content. */
function heroFigure(image: FeedImage, hero: NonNullable<FeedArticle['hero']>): string {
  const caption = [hero.caption, hero.credit].filter(Boolean).map((s) => escapeHtml(s ?? ''));
  return (
    `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(hero.alt)}" ` +
    `width="${image.width}" height="${image.height}">` +
    (caption.length ? `<figcaption>${caption.join(' — ')}</figcaption>` : '') +
    `</figure>`
  );
}

/**
 * One article as an RSS item: absolute link, dek as description, full HTML
 * (absolute URLs) as `content:encoded`, authors as `dc:creator`, section and
 * tags as categories, the hero as `media:content`.
 */
export function toFeedItem(
  article: FeedArticle,
  options: { site: URL | string; html: string; image: FeedImage | undefined },
): RSSFeedItem {
  const link = absolute(article.path, String(options.site));
  const body = absolutizeHtml(options.html, link);
  const { image } = options;
  const hero = article.hero;
  const media =
    image && hero
      ? `<media:content url="${escapeXml(image.url)}" medium="image" type="${escapeXml(image.type)}" ` +
        `width="${image.width}" height="${image.height}">` +
        (hero.caption ? `<media:description>${escapeXml(hero.caption)}</media:description>` : '') +
        (hero.credit ? `<media:credit>${escapeXml(hero.credit)}</media:credit>` : '') +
        `</media:content>`
      : '';
  return {
    title: article.title,
    link,
    pubDate: article.publishedAt,
    description: article.dek,
    content: (image && hero ? heroFigure(image, hero) : '') + body,
    categories: [article.section.name[article.lang], ...article.tags],
    customData:
      article.authors.map((a) => `<dc:creator>${escapeXml(a.name)}</dc:creator>`).join('') + media,
  };
}

/** The RSS document of a feed (an edition, a section, an author), as a string. */
export function renderFeed(options: {
  lang: Lang;
  /** Feed title, e.g. "Voz: World". */
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows. */
  link: string;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  items: RSSFeedItem[];
  buildTime: Date;
}): Promise<string> {
  const rss: RSSOptions = {
    title: options.title,
    description: options.description,
    site: options.link,
    items: options.items,
    xmlns: NAMESPACES,
    customData:
      `<language>${SITE.editions[options.lang].locale}</language>` +
      `<lastBuildDate>${options.buildTime.toUTCString()}</lastBuildDate>` +
      `<ttl>${SITE.feedTtlMinutes}</ttl>` +
      `<atom:link href="${escapeXml(options.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  };
  return getRssString(rss);
}
