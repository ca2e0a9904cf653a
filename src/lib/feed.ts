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
  hero:
    | {
        alt: string;
        caption?: string | undefined;
        credit?: string | undefined;
        copyright?: string | undefined;
      }
    | undefined;
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
    | (FeedImage & {
        alt: string;
        caption: string | undefined;
        credit: string | undefined;
        copyright?: string | undefined;
      })
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
  /** WebSub hub announced with `rel="hub"` (W3C WebSub §4), when one is configured. */
  hub?: string | undefined;
  /** RFC 5005 links of an archived feed; absent on feeds that have no archive. */
  history?: FeedHistory | undefined;
}

/** Absolute URLs of one feed document in each format. */
export type FeedLinks = Record<FeedFormat, string>;

/**
 * RFC 5005 §4 (archived feeds): `archive` marks an archive document
 * (`fh:archive`); `prev` is the next older archive document (`prev-archive`),
 * `next` the next newer one (`next-archive`), `current` the current feed.
 */
export interface FeedHistory {
  archive: boolean;
  prev?: FeedLinks | undefined;
  next?: FeedLinks | undefined;
  current?: FeedLinks | undefined;
}

/** The RFC 5005 feed-history namespace (`fh:archive`). */
const FH_NAMESPACE = 'http://purl.org/syndication/history/1.0';

/**
 * When the feed's content last changed: the latest change of any of its
 * items, not the time of the build, so two builds of the same stories write
 * the same feed byte for byte (and `notify` has nothing to announce). A feed
 * with no items falls back to the build time.
 */
export function feedUpdated(channel: FeedChannel, entries: readonly FeedEntry[]): Date {
  if (entries.length === 0) return channel.buildTime;
  return entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0));
}

/** `rel` and URL of every hub and history link of a feed, for one format. */
function channelLinks(channel: FeedChannel, format: FeedFormat): [rel: string, href: string][] {
  const history = channel.history;
  return [
    ...(channel.hub ? [['hub', channel.hub] as [string, string]] : []),
    ...(history?.current ? [['current', history.current[format]] as [string, string]] : []),
    ...(history?.prev ? [['prev-archive', history.prev[format]] as [string, string]] : []),
    ...(history?.next ? [['next-archive', history.next[format]] as [string, string]] : []),
  ];
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

/** The entity each character takes in XML text and attributes (escapeXml). */
const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** In HTML: as in XML, but the apostrophe as a number (escapeHtml). */
const HTML_ESCAPES: Readonly<Record<string, string>> = { ...XML_ESCAPES, "'": '&#39;' };

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  // One pass over the text (an Atom entry's content is a whole story).
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/** Escapes text for HTML (same rules as XML, minus the apostrophe entity). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
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
          copyright: article.hero.copyright,
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
    // Media RSS 1.5.1: the copyright of the media object (issue 15).
    (image.copyright ? `<media:copyright>${escapeXml(image.copyright)}</media:copyright>` : '') +
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
      ...(channel.history?.archive ? { fh: FH_NAMESPACE } : {}),
    },
    customData:
      `<language>${SITE.editions[channel.lang].locale}</language>` +
      `<lastBuildDate>${feedUpdated(channel, entries).toUTCString()}</lastBuildDate>` +
      `<ttl>${SITE.feedTtlMinutes}</ttl>` +
      `<atom:link href="${escapeXml(channel.self.rss)}" rel="self" type="${FEED_TYPES.rss}"/>` +
      channelLinks(channel, 'rss')
        .map(([rel, href]) => `<atom:link href="${escapeXml(href)}" rel="${rel}"/>`)
        .join('') +
      (channel.history?.archive ? '<fh:archive/>' : ''),
  });
}

/** Atom 1.0. */
export function renderAtom(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const text = (tag: string, value: string) => `<${tag}>${escapeXml(value)}</${tag}>`;
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
    (channel.history?.archive ? `xmlns:fh="${FH_NAMESPACE}" ` : '') +
    `xml:lang="${SITE.editions[channel.lang].locale}">` +
    text('id', channel.link) +
    `<title type="text">${escapeXml(channel.title)}</title>` +
    `<subtitle type="text">${escapeXml(channel.description)}</subtitle>` +
    `<link rel="alternate" type="text/html" href="${escapeXml(channel.link)}"/>` +
    `<link rel="self" type="${FEED_TYPES.atom}" href="${escapeXml(channel.self.atom)}"/>` +
    channelLinks(channel, 'atom')
      .map(([rel, href]) => `<link rel="${rel}" href="${escapeXml(href)}"/>`)
      .join('') +
    (channel.history?.archive ? '<fh:archive/>' : '') +
    text('updated', feedUpdated(channel, entries).toISOString()) +
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
    // JSON Feed 1.1: `next_url` pages to older items, as `prev-archive` does;
    // `hubs` names WebSub hubs.
    ...(channel.history?.prev ? { next_url: channel.history.prev.json } : {}),
    ...(channel.hub ? { hubs: [{ type: 'WebSub', url: channel.hub }] } : {}),
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
