import { escapeXml } from './feed';
import { isoWithOffset } from './dates';

/**
 * The Google News sitemap document. Which stories it lists is the
 * catalogue's decision (`Catalogue.newsSitemap`).
 */

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
