import { getImage } from 'astro:assets';
import type { APIRoute, ImageMetadata } from 'astro';
import { LRUCache } from 'lru-cache';
import { SITE, type Lang } from '../site';
import { getBuildTime } from './build-time';
import { formatDateTime } from './dates';
import { bodyHtml, type Article, type Listing, type PublishedCorrection } from './content';
import { correctionAnchor, correctionsPath } from './corrections';
import {
  FEED_FORMATS,
  FEED_TYPES,
  escapeXml,
  renderFeed,
  toCorrectionEntry,
  toFeedEntry,
  type FeedEntry,
  type FeedFormat,
  type FeedHistory,
  type FeedImage,
  type FeedLinks,
} from './feed';
import { archiveFeed, archiveName, getFeedSize, type FeedArchive } from './feed-archive';
import { feedCacheKey as storiesFeedKey } from './cache-key';
import { FEED_IMAGE_WIDTH, PAGE_BACKGROUND, photoXmp, type PhotoRights } from './images';
import { authorPath, editionPath, feedArchivePath, feedPath } from './urls';
import { authorName, t } from './i18n';
import { decideFormat, kindLabel } from './article-kinds';

/** A JPEG rendition of a hero for feed readers, which do not all take AVIF or WebP. */
async function feedImage(image: ImageMetadata, site: URL, rights: PhotoRights): Promise<FeedImage> {
  const width = Math.min(FEED_IMAGE_WIDTH, image.width);
  const height = Math.round((width * image.height) / image.width);
  const result = await getImage({
    src: image,
    width,
    height,
    format: 'jpeg',
    background: PAGE_BACKGROUND,
    // The photo's credit and copyright travel in the file (src/lib/image-service.ts).
    xmp: photoXmp(rights),
  });
  return { url: new URL(result.src, site).href, width, height, type: 'image/jpeg' };
}

/**
 * An article's HTML for feed readers: the body, and for live coverage its
 * updates newest first, each headed by its time.
 */
function articleFeedHtml(article: Article): string {
  const body = bodyHtml(article);
  if (!decideFormat(article.kind).liveUpdates || article.updates.length === 0) return body;
  const updates = article.updates.map(
    (update) =>
      `<h2 id="${update.anchor}"><time datetime="${update.date.toISOString()}">` +
      `${escapeXml(formatDateTime(update.date, article.lang))}</time></h2>${update.html}`,
  );
  return body + updates.join('');
}

/** The feed title for a part of an edition: "Voz: Mundo", or the edition's own. */
export function feedTitle(lang: Lang, part?: string): string {
  return part ? `${SITE.name}: ${part}` : `${SITE.name} (${SITE.editions[lang].label})`;
}

/** What a section's or author's feed route needs to serve one file. */
// A type alias, not an interface: route props must be assignable to a record.
type ListingFeedProps = {
  format: FeedFormat;
  title: string;
  listing: Pick<Listing<string, unknown>, 'lang' | 'path' | 'articles'>;
};

/** Keys a list of stories as pages and feeds show them (the catalogue's `cacheKeys.stories`). */
export type StoriesKey = (articles: readonly Article[]) => string;

/** The cache key of a feed of this site (cache-key.ts, feedCacheKey), at its size and build time. */
export function feedCacheKey(
  storiesKey: StoriesKey,
  parts: readonly unknown[],
  articles: readonly Article[],
): string {
  return storiesFeedKey(storiesKey, parts, articles, { size: feedSize(), now: getBuildTime() });
}

/**
 * `getStaticPaths` entries for the feeds beside listing pages (sections,
 * authors): three formats each, titled "Voz: <name>", each keyed by what it
 * shows (feedCacheKey).
 */
export function listingFeedPaths<K extends string, T, P extends Record<string, string>>(
  listings: readonly Listing<K, T>[],
  params: (listing: Listing<K, T>) => P,
  name: (listing: Listing<K, T>) => string,
  storiesKey: StoriesKey,
): { params: P & { feed: string }; props: ListingFeedProps; cacheKey: string }[] {
  return listings.flatMap((listing) => {
    const title = feedTitle(listing.lang, name(listing));
    const cacheKey = feedCacheKey(storiesKey, [title, listing.path], listing.articles);
    return feedFileParams(params(listing)).map((path) => ({
      ...path,
      props: { ...path.props, title, listing },
      cacheKey,
    }));
  });
}

/** The GET handler of a listing's feed route. */
export const serveListingFeed: APIRoute<ListingFeedProps> = ({ props, site }) =>
  feedResponse({
    format: props.format,
    lang: props.listing.lang,
    title: props.title,
    pagePath: props.listing.path,
    articles: props.listing.articles,
    site,
  });

/** `getStaticPaths` params for the three feed files beside a page. */
export function feedFileParams<P extends Record<string, string>>(params: P) {
  return FEED_FORMATS.map((format) => ({
    params: { ...params, feed: feedPath('', format) },
    props: { format },
  }));
}

/**
 * Feed entries made lately, by story. An archive document is served in
 * three formats one after the other, and a new story is in its edition's,
 * section's and authors' feeds: each entry (its body read from disk, its
 * links made absolute) is made once for all of them. Unpublishing an old
 * story at 50,000 articles rewrites 1,180 archive documents of 50 stories,
 * and reading the bodies three times over was a quarter of their time.
 * Bounded, as a full build serves every story of the archive; by story
 * object, so a later catalogue (the dev server's) never gets an old entry.
 */
const recentEntries = new LRUCache<Article, { key: string; entry: Promise<FeedEntry> }>({
  max: 1000,
});

/** A story's feed entry, the same in every feed and format of its edition. */
function feedEntry(article: Article, lang: Lang, site: URL): Promise<FeedEntry> {
  const key = `${lang} ${site.href}`;
  const known = recentEntries.get(article);
  if (known?.key === key) return known.entry;
  const entry = makeFeedEntry(article, lang, site);
  recentEntries.set(article, { key, entry });
  return entry;
}

async function makeFeedEntry(article: Article, lang: Lang, site: URL): Promise<FeedEntry> {
  return toFeedEntry(
    {
      ...article,
      authors: article.authors.map((a) => ({
        name: authorName(a, lang),
        path: authorPath(lang, a.id),
      })),
      kindLabel: kindLabel(article, t(lang))?.text,
    },
    {
      site,
      html: articleFeedHtml(article),
      image: article.hero && (await feedImage(article.hero.image, site, article.hero)),
      updated: article.modifiedAt,
    },
  );
}

/**
 * A feed response for a list of published articles (newest first). The
 * edition feed and every section and author feed, in every format, go
 * through here, so they share content, images and escaping.
 */
export async function feedResponse(options: {
  format: FeedFormat;
  lang: Lang;
  title: string;
  /** Path of the page the feed follows (`/es/mundo/`); the feed sits beside it. */
  pagePath: string;
  articles: readonly Article[];
  site: URL | undefined;
  /** RFC 5005 links, as page paths (`feedLinks` makes them absolute). */
  history?:
    | {
        archive: boolean;
        prev?: string | undefined;
        next?: string | undefined;
        current?: string | undefined;
      }
    | undefined;
}): Promise<Response> {
  const { site, lang } = options;
  if (!site) throw new Error('astro.config.mjs must set `site`: feeds need absolute URLs.');
  const links = (pagePath: string | undefined): FeedLinks | undefined =>
    pagePath === undefined ? undefined : feedLinks(pagePath, site);
  const history: FeedHistory | undefined = options.history && {
    archive: options.history.archive,
    prev: links(options.history.prev),
    next: links(options.history.next),
    current: links(options.history.current),
  };
  const entries = await Promise.all(
    // An archive document carries all its stories; a current feed the newest.
    (options.history?.archive ? options.articles : options.articles.slice(0, feedSize())).map(
      (article) => feedEntry(article, lang, site),
    ),
  );
  const body = await renderFeed(
    options.format,
    {
      lang,
      title: options.title,
      description: SITE.editions[lang].tagline,
      link: new URL(options.history?.archive ? editionPath(lang) : options.pagePath, site).href,
      self: feedLinks(options.pagePath, site),
      buildTime: getBuildTime(),
      hub: SITE.distribution?.websubHub,
      history,
    },
    entries,
  );
  return new Response(body, {
    headers: { 'Content-Type': `${FEED_TYPES[options.format]}; charset=utf-8` },
  });
}

/** Stories per feed document (`SITE.feedSize`, or `FEED_SIZE` in tests). */
export function feedSize(): number {
  return getFeedSize(SITE.feedSize);
}

/** Absolute URLs of the three feed files beside a page path. */
function feedLinks(pagePath: string, site: URL): FeedLinks {
  return {
    rss: new URL(feedPath(pagePath, 'rss'), site).href,
    atom: new URL(feedPath(pagePath, 'atom'), site).href,
    json: new URL(feedPath(pagePath, 'json'), site).href,
  };
}

/**
 * The edition feed with its RFC 5005 `prev-archive` link to the newest
 * archive document, if the edition has one.
 */
export function editionFeedResponse(options: {
  format: FeedFormat;
  lang: Lang;
  title: string;
  articles: readonly Article[];
  site: URL | undefined;
}): Promise<Response> {
  const { newest } = editionArchive(options.articles);
  return feedResponse({
    ...options,
    pagePath: editionPath(options.lang),
    history:
      newest === undefined
        ? undefined
        : { archive: false, prev: feedArchivePath(options.lang, newest) },
  });
}

/** What an archive document's route needs to serve one file. */
// A type alias, not an interface: route props must be assignable to a record.
type ArchiveFeedProps = {
  format: FeedFormat;
  lang: Lang;
  name: string;
  prev: string | undefined;
  next: string | undefined;
  articles: readonly Article[];
};

/** Archives already cut, by the catalogue's list of an edition's stories. */
const archives = new WeakMap<readonly Article[], { size: number; archive: FeedArchive<Article> }>();

/**
 * An edition's RFC 5005 archive (feed-archive.ts): documents cut by their
 * stories' permalinks and named after their oldest story. Cut once per
 * list and size: the edition feed's key, its three files and the archive's
 * paths all ask for it.
 */
export function editionArchive(published: readonly Article[]): FeedArchive<Article> {
  const size = feedSize();
  const known = archives.get(published);
  if (known?.size === size) return known.archive;
  const archive = archiveFeed(
    published,
    size,
    (article) => article.path,
    (article) => archiveName(article.path),
  );
  archives.set(published, { size, archive });
  return archive;
}

/**
 * `getStaticPaths` entries for every RFC 5005 archive document of every
 * edition, in every format, each with a cache key (its stories, as
 * `storiesKey` keys them, and its links), so an incremental build rewrites
 * only a document whose stories changed. The key is made once per document,
 * for its three formats, as every feed's is (feedCacheKey: a document holds
 * one feed's worth of stories), from the catalogue's digest of each story
 * (made once per build): serialising every story of the archive three times
 * over took 0.3 s of each build at 10,000 articles.
 */
export function archiveFeedPaths(
  langs: readonly Lang[],
  published: (lang: Lang) => readonly Article[],
  storiesKey: StoriesKey,
) {
  return langs.flatMap((lang) =>
    editionArchive(published(lang)).pages.flatMap((page) => {
      const cacheKey = feedCacheKey(
        storiesKey,
        [lang, page.name, page.prev, page.next],
        page.items,
      );
      return FEED_FORMATS.map((format) => ({
        params: { lang, name: page.name, feed: feedPath('', format) },
        props: {
          format,
          lang,
          name: page.name,
          prev: page.prev,
          next: page.next,
          articles: page.items,
        } satisfies ArchiveFeedProps,
        cacheKey,
      }));
    }),
  );
}

/** The GET handler of an archive document's route. */
export const serveArchiveFeed: APIRoute<ArchiveFeedProps> = ({ props, site }) =>
  feedResponse({
    format: props.format,
    lang: props.lang,
    title: feedTitle(props.lang),
    pagePath: feedArchivePath(props.lang, props.name),
    articles: props.articles,
    site,
    history: {
      archive: true,
      current: editionPath(props.lang),
      prev: props.prev === undefined ? undefined : feedArchivePath(props.lang, props.prev),
      next: props.next === undefined ? undefined : feedArchivePath(props.lang, props.next),
    },
  });

/**
 * An edition's corrections feed (`/es/correcciones/rss.xml` and its Atom
 * and JSON Feed twins): its newest corrections, each linking to its notice
 * on the corrected story.
 */
export async function correctionsFeedResponse(options: {
  format: FeedFormat;
  lang: Lang;
  corrections: readonly PublishedCorrection[];
  site: URL | undefined;
}): Promise<Response> {
  const { site, lang } = options;
  if (!site) throw new Error('astro.config.mjs must set `site`: feeds need absolute URLs.');
  const strings = t(lang);
  const pagePath = correctionsPath(lang);
  const entries = options.corrections.slice(0, feedSize()).map((c) =>
    toCorrectionEntry(
      {
        url: new URL(`${c.article.path}#${correctionAnchor(c.index)}`, site).href,
        storyTitle: c.article.title,
        storyUrl: new URL(c.article.path, site).href,
        text: c.text,
        date: c.date,
        authors: c.article.authors.map((a) => ({
          name: authorName(a, lang),
          url: new URL(authorPath(lang, a.id), site).href,
        })),
      },
      strings.correctionTo,
    ),
  );
  const body = await renderFeed(
    options.format,
    {
      lang,
      title: feedTitle(lang, strings.correctionsTitle),
      description: strings.correctionsIntro,
      link: new URL(pagePath, site).href,
      self: feedLinks(pagePath, site),
      buildTime: getBuildTime(),
      hub: SITE.distribution?.websubHub,
    },
    entries,
  );
  return new Response(body, {
    headers: { 'Content-Type': `${FEED_TYPES[options.format]}; charset=utf-8` },
  });
}
