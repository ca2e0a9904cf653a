import { escapeXml } from './feed';
import { isoWithOffset } from './dates';

/**
 * Google News sitemap: the articles published in the 48 hours before the
 * build, at most 1,000, newest first (Google's published limits).
 */

export const NEWS_WINDOW_HOURS = 48;
export const NEWS_MAX_URLS = 1000;

/** Articles (newest first) that belong in the news sitemap at `buildTime`. */
export function selectForNewsSitemap<T extends { publishedAt: Date }>(
  articles: readonly T[],
  buildTime: Date,
): T[] {
  const from = buildTime.getTime() - NEWS_WINDOW_HOURS * 3_600_000;
  return articles
    .filter((a) => a.publishedAt.getTime() > from && a.publishedAt.getTime() <= buildTime.getTime())
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .slice(0, NEWS_MAX_URLS);
}

export interface NewsSitemapEntry {
  url: string;
  title: string;
  publishedAt: Date;
  /** ISO 639 language code (`es`, `en`), as Google News wants it. */
  language: string;
}

/** The news sitemap document. */
export function renderNewsSitemap(
  entries: readonly NewsSitemapEntry[],
  publicationName: string,
): string {
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(e.url)}</loc><news:news><news:publication>` +
      `<news:name>${escapeXml(publicationName)}</news:name>` +
      `<news:language>${escapeXml(e.language)}</news:language></news:publication>` +
      `<news:publication_date>${isoWithOffset(e.publishedAt)}</news:publication_date>` +
      `<news:title>${escapeXml(e.title)}</news:title></news:news></url>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ` +
    `xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">` +
    urls.join('') +
    `</urlset>`
  );
}
