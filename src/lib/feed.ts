import { getRssString, type RSSFeedItem } from '@astrojs/rss';
import { SITE, type Lang } from '../site';

/**
 * Feeds: one mapping from an article to a format-neutral `FeedEntry`, then
 * three serialisers over the same entries: RSS 2.0 (through @astrojs/rss),
 * Atom 1.0 and JSON Feed 1.1. Every feed of the site (edition, section,
 * author) goes through here.
 */

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
  authors: { name: string; path?: string }[];
  hero: { alt: string; caption?: string | undefined; credit?: string | undefined } | undefined;
  /** The label of the article's kind ("Opinión", "En vivo"), its first category; none for news. */
  kindLabel?: string | undefined;
}

/** The hero as served to feed readers: an absolute URL to a rendition. */
export interface FeedImage {
  url: string;
  width: number;
  height: number;
  type: string;
}

/** One item, whatever the format. URLs are absolute. */
export interface FeedEntry {
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  published: Date;
  /** Its last change (live coverage: its latest update); RSS carries it as `atom:updated` when later than `published`. */
  updated: Date;
  authors: { name: string; url: string | undefined }[];
  categories: string[];
  image:
    | (FeedImage & { alt: string; caption: string | undefined; credit: string | undefined })
    | undefined;
}

/** The feed as a whole. */
export interface FeedChannel {
  lang: Lang;
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows. */
  link: string;
  /** Absolute URLs of this feed in each format. */
  self: Record<FeedFormat, string>;
  buildTime: Date;
}

export type FeedFormat = 'rss' | 'atom' | 'json';

/** Every format, in the order feeds are advertised. */
export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/** MIME types, for responses and `<link rel="alternate">`. */
export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
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
function heroFigure(image: NonNullable<FeedEntry['image']>): string {
  const caption = [image.caption, image.credit].filter(Boolean).map((s) => escapeHtml(s ?? ''));
  return (
    `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}" ` +
    `width="${image.width}" height="${image.height}">` +
    (caption.length ? `<figcaption>${caption.join(' — ')}</figcaption>` : '') +
    `</figure>`
  );
}

/**
 * The one mapping from an article to a feed entry: absolute permalink, dek
 * as summary, full HTML (hero figure first, absolute URLs) as content,
 * section and tags as categories.
 */
export function toFeedEntry(
  article: FeedArticle,
  options: {
    site: URL | string;
    html: string;
    image: FeedImage | undefined;
    updated?: Date;
  },
): FeedEntry {
  const url = absolute(article.path, String(options.site));
  const image =
    options.image && article.hero
      ? {
          ...options.image,
          alt: article.hero.alt,
          caption: article.hero.caption,
          credit: article.hero.credit,
        }
      : undefined;
  return {
    url,
    title: article.title,
    summary: article.dek,
    contentHtml: (image ? heroFigure(image) : '') + absolutizeHtml(options.html, url),
    published: article.publishedAt,
    updated: options.updated ?? article.updatedAt ?? article.publishedAt,
    authors: article.authors.map((a) => ({
      name: a.name,
      url: a.path ? absolute(a.path, String(options.site)) : undefined,
    })),
    categories: [
      ...(article.kindLabel ? [article.kindLabel] : []),
      article.section.name[article.lang],
      ...article.tags,
    ],
    image,
  };
}

function mediaContent(image: NonNullable<FeedEntry['image']>): string {
  return (
    `<media:content url="${escapeXml(image.url)}" medium="image" type="${escapeXml(image.type)}" ` +
    `width="${image.width}" height="${image.height}">` +
    (image.caption ? `<media:description>${escapeXml(image.caption)}</media:description>` : '') +
    (image.credit ? `<media:credit>${escapeXml(image.credit)}</media:credit>` : '') +
    `</media:content>`
  );
}

/** An entry as an RSS item: `dc:creator` per author, the hero as `media:content`. */
export function toRssItem(entry: FeedEntry): RSSFeedItem {
  return {
    title: entry.title,
    link: entry.url,
    pubDate: entry.published,
    description: entry.summary,
    content: entry.contentHtml,
    categories: entry.categories,
    customData:
      entry.authors.map((a) => `<dc:creator>${escapeXml(a.name)}</dc:creator>`).join('') +
      // RSS has no date of change; Atom's, in the namespace the channel already declares.
      (entry.updated > entry.published
        ? `<atom:updated>${entry.updated.toISOString()}</atom:updated>`
        : '') +
      (entry.image ? mediaContent(entry.image) : ''),
  };
}

/** A published correction as the corrections feed carries it. */
export interface FeedCorrection {
  /** Absolute URL of the correction's notice on the article (`…/#correction-1`). */
  url: string;
  /** The corrected story's headline. */
  storyTitle: string;
  /** Absolute URL of the corrected story. */
  storyUrl: string;
  text: string;
  date: Date;
  authors: { name: string; url: string | undefined }[];
}

/**
 * A correction as a feed entry: "Correction to: <headline>" linking to the
 * notice on the article (so each correction has its own id), the
 * correction as summary, dated when it was made.
 */
export function toCorrectionEntry(correction: FeedCorrection, label: string): FeedEntry {
  const link = `<a href="${escapeHtml(correction.storyUrl)}">${escapeHtml(correction.storyTitle)}</a>`;
  return {
    url: correction.url,
    title: `${label}: ${correction.storyTitle}`,
    summary: correction.text,
    contentHtml: `<p>${escapeHtml(correction.text)}</p><p>${escapeHtml(label)}: ${link}</p>`,
    published: correction.date,
    updated: correction.date,
    authors: correction.authors,
    categories: [],
    image: undefined,
  };
}

/** RSS 2.0, built by @astrojs/rss. */
export function renderRss(channel: FeedChannel, entries: readonly FeedEntry[]): Promise<string> {
  return getRssString({
    title: channel.title,
    description: channel.description,
    site: channel.link,
    items: entries.map(toRssItem),
    xmlns: {
      dc: 'http://purl.org/dc/elements/1.1/',
      media: 'http://search.yahoo.com/mrss/',
      atom: 'http://www.w3.org/2005/Atom',
    },
    customData:
      `<language>${SITE.editions[channel.lang].locale}</language>` +
      `<lastBuildDate>${channel.buildTime.toUTCString()}</lastBuildDate>` +
      `<ttl>${SITE.feedTtlMinutes}</ttl>` +
      `<atom:link href="${escapeXml(channel.self.rss)}" rel="self" type="${FEED_TYPES.rss}"/>`,
  });
}

/** Atom 1.0. */
export function renderAtom(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const text = (tag: string, value: string) => `<${tag}>${escapeXml(value)}</${tag}>`;
  const updated = entries.reduce(
    (latest, e) => (e.updated > latest ? e.updated : latest),
    new Date(0),
  );
  const items = entries.map(
    (e) =>
      `<entry>` +
      text('id', e.url) +
      `<title type="text">${escapeXml(e.title)}</title>` +
      `<link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>` +
      text('published', e.published.toISOString()) +
      text('updated', e.updated.toISOString()) +
      e.authors
        .map((a) => `<author>${text('name', a.name)}${a.url ? text('uri', a.url) : ''}</author>`)
        .join('') +
      e.categories.map((c) => `<category term="${escapeXml(c)}"/>`).join('') +
      `<summary type="text">${escapeXml(e.summary)}</summary>` +
      `<content type="html">${escapeXml(e.contentHtml)}</content>` +
      (e.image ? mediaContent(e.image) : '') +
      `</entry>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" ` +
    `xml:lang="${SITE.editions[channel.lang].locale}">` +
    text('id', channel.link) +
    `<title type="text">${escapeXml(channel.title)}</title>` +
    `<subtitle type="text">${escapeXml(channel.description)}</subtitle>` +
    `<link rel="alternate" type="text/html" href="${escapeXml(channel.link)}"/>` +
    `<link rel="self" type="${FEED_TYPES.atom}" href="${escapeXml(channel.self.atom)}"/>` +
    text('updated', (entries.length ? updated : channel.buildTime).toISOString()) +
    `<generator>Astro</generator>` +
    items.join('') +
    `</feed>`
  );
}

/** JSON Feed 1.1. */
export function renderJsonFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.link,
    feed_url: channel.self.json,
    description: channel.description,
    language: SITE.editions[channel.lang].locale,
    items: entries.map((e) => ({
      id: e.url,
      url: e.url,
      title: e.title,
      summary: e.summary,
      content_html: e.contentHtml,
      ...(e.image ? { image: e.image.url } : {}),
      date_published: e.published.toISOString(),
      date_modified: e.updated.toISOString(),
      authors: e.authors.map((a) => (a.url ? { name: a.name, url: a.url } : { name: a.name })),
      tags: e.categories,
    })),
  };
  return JSON.stringify(feed, null, 1);
}

/** A feed in the given format. */
export function renderFeed(
  format: FeedFormat,
  channel: FeedChannel,
  entries: readonly FeedEntry[],
): Promise<string> {
  switch (format) {
    case 'rss':
      return renderRss(channel, entries);
    case 'atom':
      return Promise.resolve(renderAtom(channel, entries));
    case 'json':
      return Promise.resolve(renderJsonFeed(channel, entries));
  }
}
