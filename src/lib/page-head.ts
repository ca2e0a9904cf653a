/**
 * Reading back what a built page says about itself in its <head>, so the
 * sitemap repeats the page rather than recomputing it: hreflang
 * alternates, last modification, whether it may be indexed.
 */

export interface PageHead {
  /** `<link rel="alternate" hreflang>` targets, x-default included. */
  alternates: { lang: string; url: string }[];
  /** `article:modified_time`, else `article:published_time`. */
  lastmod: string | undefined;
  /** The page asks not to be indexed (redirects, 404). */
  noindex: boolean;
  /** `src` of the lead photo (`<figure class="hero">`), for image sitemaps. */
  heroImage: string | undefined;
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([a-zA-Z:-]+)=(?:"([^"]*)"|'([^']*)')/g)) {
    if (match[1]) result[match[1].toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return result;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&apos;': "'",
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
};

/** The entities an HTML serializer writes in attribute values, decoded in one pass (most values have none). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:quot|#39|#x27|apos|lt|gt|amp);/g,
    (entity) => ENTITIES[entity] ?? entity,
  );
}

/** What the `<head>` of an HTML document declares for the sitemap. */
export function readPageHead(html: string): PageHead {
  const head = html.slice(0, Math.max(0, html.indexOf('</head>')) || html.length);
  const tags = [...head.matchAll(/<(link|meta)\b[^>]*>/gi)].map((m) => attributes(m[0]));
  const alternates = tags
    .filter((a) => a['rel'] === 'alternate' && a['hreflang'] && a['href'])
    .map((a) => ({ lang: a['hreflang'] ?? '', url: a['href'] ?? '' }));
  const meta = (property: string) =>
    tags.find((a) => a['property'] === property || a['name'] === property)?.['content'];
  // A copy: the strings matched above are slices of `html`, and V8 keeps the
  // whole page alive for as long as one slice lives. Kept for every page of
  // a 10,000-article site until the sitemap is written, they had held about
  // 400 MB of pages in memory; the copies hold a few kilobytes each.
  return structuredClone({
    alternates,
    lastmod: meta('article:modified_time') ?? meta('article:published_time'),
    noindex: /noindex/i.test(meta('robots') ?? ''),
    heroImage: /<figure class="hero"[^>]*>[\s\S]*?<img\b[^>]*?\ssrc="([^"]+)"/.exec(html)?.[1],
  });
}
