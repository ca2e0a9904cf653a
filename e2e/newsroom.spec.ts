import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { distFiles, expectedPublished, readDist, type SourceArticle } from './fixtures';
import { SITE, type Lang } from '../src/site';

// Issue 12 over the built test site: every article shows the label and
// structured data type of its kind, live coverage lists its updates newest
// first with anchors, corrections pages and feeds list every correction, and
// the "Updated" label follows the documented rule. Expectations come from
// the content files and the tables below, written out by hand.

const ROOT = join(import.meta.dirname, '..');

/** README, "Article kinds": label per edition and schema.org type. */
const KINDS: Record<string, { label: Record<Lang, string> | undefined; type: string }> = {
  news: { label: undefined, type: 'NewsArticle' },
  analysis: { label: { es: 'Análisis', en: 'Analysis' }, type: 'AnalysisNewsArticle' },
  opinion: { label: { es: 'Opinión', en: 'Opinion' }, type: 'OpinionNewsArticle' },
  live: { label: { es: 'En vivo', en: 'Live' }, type: 'LiveBlogPosting' },
};
const LIVE_ENDED: Record<Lang, string> = { es: 'Cobertura en vivo', en: 'Live coverage' };
const CORRECTIONS_PAGE: Record<Lang, string> = { es: '/es/correcciones/', en: '/en/corrections/' };
const UPDATED: Record<Lang, string> = { es: 'Actualizado', en: 'Updated' };

/** What the frontmatter says beyond fixtures.ts's fields. */
interface Newsroom {
  kind: string;
  updates: { date: Date; author?: string }[];
  coverageEndedAt: Date | undefined;
  corrections: { date: Date; text: string }[];
  updatedAt: Date | undefined;
}

function newsroomFields(article: SourceArticle): Newsroom {
  const text = readFileSync(join(ROOT, article.file), 'utf8');
  const data = parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as Record<string, unknown>;
  const date = (value: unknown) => (value === undefined ? undefined : new Date(String(value)));
  const list = (key: string) => (data[key] as Record<string, unknown>[] | undefined) ?? [];
  return {
    kind: String(data['kind'] ?? 'news'),
    updates: list('updates').map((u) => ({
      date: new Date(String(u['date'])),
      ...(u['author'] ? { author: String(u['author']) } : {}),
    })),
    coverageEndedAt: date(data['coverageEndedAt']),
    corrections: list('corrections').map((c) => ({
      date: new Date(String(c['date'])),
      text: String(c['text']).trim(),
    })),
    updatedAt: date(data['updatedAt']),
  };
}

const pageOf = (path: string) => readDist(`${path.replace(/^\//, '')}index.html`);
const header = (html: string) =>
  /<header class="article-header"[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';
const jsonLdOf = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1] ?? '{}') as Record<string, unknown> & { '@type': string },
  );
const labelsIn = (html: string) =>
  [...html.matchAll(/<span class="kind-label( live)?"[^>]*>([^<]*)<\/span>/g)].map((m) => ({
    text: m[2]?.trim(),
    live: Boolean(m[1]),
  }));

const published = expectedPublished().map((article) => ({
  article,
  fields: newsroomFields(article),
}));

test('fixtures hold every kind in both editions', () => {
  for (const kind of Object.keys(KINDS)) {
    for (const lang of SITE.langs) {
      expect(
        published.some(({ article, fields }) => fields.kind === kind && article.lang === lang),
        `${kind} in ${lang}`,
      ).toBe(true);
    }
  }
});

for (const { article, fields } of published) {
  test.describe(article.path, () => {
    const html = pageOf(article.path);
    const expected = KINDS[fields.kind];
    const ended = fields.coverageEndedAt !== undefined;

    test('shows the label of its kind above the headline and has its structured data type', () => {
      expect(expected, fields.kind).toBeDefined();
      const label = expected?.label && (ended ? LIVE_ENDED : expected.label)[article.lang];
      expect(labelsIn(header(html))).toEqual(
        label ? [{ text: label, live: fields.kind === 'live' && !ended }] : [],
      );
      const types = jsonLdOf(html).map((d) => d['@type']);
      expect(types).toContain(expected?.type);
    });

    test('lists each correction as a CorrectionComment with its date and an anchor on the page', () => {
      const data = jsonLdOf(html).find((d) => d['@type'] === expected?.type);
      const comments = (data?.['correction'] as { datePublished: string }[] | undefined) ?? [];
      expect(comments.map((c) => new Date(c.datePublished).getTime())).toEqual(
        fields.corrections.map((c) => c.date.getTime()),
      );
      fields.corrections.forEach((_c, i) => expect(html).toContain(`id="correction-${i + 1}"`));
    });

    test('shows "Updated" only for an update at least an hour after publication', () => {
      const substantive =
        fields.updatedAt !== undefined &&
        fields.updatedAt.getTime() - article.publishedAt.getTime() >= 3_600_000;
      expect(header(html).includes(`${UPDATED[article.lang]} <time`)).toBe(substantive);
    });

    if (fields.kind === 'opinion') {
      test("shows the writer and a line that it is the author's view up top", () => {
        expect(header(html)).toMatch(/class="writer[ "]/);
        expect(header(html)).toMatch(/class="note"[^>]*>[^<]+</);
      });
    }

    if (fields.kind === 'live') {
      test('lists its updates newest first, each with an anchor and its time, as a LiveBlogPosting', () => {
        const times = [
          ...html.matchAll(
            /<li id="(update-[\d-]+)"[^>]*>\s*<p class="when"[^>]*>\s*<a href="#\1"[^>]*>\s*<time datetime="([^"]+)"/g,
          ),
        ].map((m) => new Date(m[2] ?? '').getTime());
        const newestFirst = fields.updates.map((u) => u.date.getTime()).sort((a, b) => b - a);
        expect(times).toEqual(newestFirst);
        const data = jsonLdOf(html).find((d) => d['@type'] === 'LiveBlogPosting');
        expect(new Date(String(data?.['coverageStartTime'])).getTime()).toBe(
          article.publishedAt.getTime(),
        );
        expect(data?.['coverageEndTime'] !== undefined).toBe(ended);
        const updates = data?.['liveBlogUpdate'] as { datePublished: string; url: string }[];
        expect(updates.map((u) => new Date(u.datePublished).getTime())).toEqual(newestFirst);
        for (const update of updates) expect(update.url).toMatch(/#update-\d{8}-\d{6}$/);
      });

      test(ended ? 'says its coverage has ended' : 'does not say its coverage has ended', () => {
        expect(html.includes('class="ended"')).toBe(ended);
      });
    }
  });
}

test('every card of a labelled story carries its label, and the live badge only while live', () => {
  const pages = distFiles().filter(
    (f) => f.endsWith('.html') && !/^(es|en)\/\d{4}\/\d{2}\/\d{2}\//.test(f),
  );
  const cards = pages.flatMap((f) => [
    ...readDist(f).matchAll(/<article class="card[\s\S]*?<\/article>/g),
  ]);
  for (const { article, fields } of published) {
    const expected = KINDS[fields.kind]?.label;
    if (!expected) continue;
    const mine = cards.map((m) => m[0]).filter((c) => c.includes(`href="${article.path}"`));
    expect(mine.length, article.path).toBeGreaterThan(0);
    const ended = fields.coverageEndedAt !== undefined;
    for (const card of mine) {
      expect(labelsIn(card), article.path).toEqual([
        {
          text: (ended ? LIVE_ENDED : expected)[article.lang],
          live: fields.kind === 'live' && !ended,
        },
      ]);
    }
  }
});

const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'category'].includes(name),
});

for (const lang of SITE.langs) {
  test.describe(`the ${lang} edition`, () => {
    const mine = published.filter(({ article }) => article.lang === lang);
    const corrections = mine
      .flatMap(({ article, fields }) =>
        fields.corrections.map((c, i) => ({ ...c, link: `${article.path}#correction-${i + 1}` })),
      )
      .sort((a, b) => b.date.getTime() - a.date.getTime());

    test('has a corrections page listing every correction newest first with a link to it', () => {
      const page = pageOf(CORRECTIONS_PAGE[lang]);
      const links = [...page.matchAll(/<p class="story"[^>]*>[^<]*<a href="([^"]+)"/g)].map(
        (m) => m[1],
      );
      expect(links).toEqual(corrections.map((c) => c.link));
      for (const c of corrections) expect(page).toContain(c.text);
    });

    test('has a corrections feed with the same corrections', () => {
      const channel = xml.parse(readDist(`${CORRECTIONS_PAGE[lang].slice(1)}rss.xml`)).rss.channel;
      const items = (channel.item ?? []) as { link: string; pubDate: string }[];
      expect(items.map((i) => i.link)).toEqual(
        corrections.slice(0, SITE.feedSize).map((c) => `${SITE.url}${c.link}`),
      );
      expect(items.map((i) => new Date(i.pubDate).getTime())).toEqual(
        corrections.slice(0, SITE.feedSize).map((c) => c.date.getTime()),
      );
    });

    test('files labelled stories under their label and gives live stories their latest update', () => {
      const channel = xml.parse(readDist(`${lang}/rss.xml`)).rss.channel;
      for (const item of channel.item as {
        link: string;
        pubDate: string;
        'atom:updated'?: string;
        category: (string | { '#text': string })[];
      }[]) {
        const story = mine.find(({ article }) => `${SITE.url}${article.path}` === item.link);
        if (!story) continue;
        const { article, fields } = story;
        const expected = KINDS[fields.kind]?.label;
        const first = item.category[0];
        const firstText = typeof first === 'string' ? first : first?.['#text'];
        if (expected) {
          const ended = fields.coverageEndedAt !== undefined;
          expect(firstText, item.link).toBe((ended ? LIVE_ENDED : expected)[lang]);
        }
        const latest = Math.max(
          article.publishedAt.getTime(),
          ...fields.updates.map((u) => u.date.getTime()),
        );
        expect(new Date(item.pubDate).getTime(), item.link).toBe(article.publishedAt.getTime());
        if (fields.kind === 'live') {
          expect(new Date(item['atom:updated'] ?? '').getTime(), item.link).toBe(latest);
        }
      }
    });
  });
}
