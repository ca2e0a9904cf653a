import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { LANGS, SITE, type Lang } from '../src/site';
import { listFiles } from '../scripts/project-copy.mjs';
import { E2E_BUILD_TIME, E2E_OUT_DIR } from './test-build.mjs';

/**
 * Helpers shared by the specs: the built site on disk and the content it came
 * from. What the site should show is worked out here from the fixture files,
 * the build time and the outlet's configuration (time zone, editions), with
 * code of its own: nothing from src/lib that decides publication or URLs, so
 * a bug there cannot make its own expectation.
 */

/** The test build (e2e/run.mjs builds into it, `astro preview` serves it); never dist/. */
export const DIST = join(import.meta.dirname, '..', E2E_OUT_DIR);
const CONTENT = join(import.meta.dirname, '..', 'content', 'articles');

/** Every file under a folder, as absolute paths. */
export { listFiles };

/** Every file of the test build, relative to it. */
export function distFiles(): string[] {
  return listFiles(DIST).map((path) => relative(DIST, path));
}

/** A file of the test build, as text. */
export function readDist(path: string): string {
  return readFileSync(join(DIST, path), 'utf8');
}

/** An article as its Markdown file states it, read without Astro. */
export interface SourceArticle {
  file: string;
  slug: string;
  title: string;
  dek: string;
  lang: Lang;
  draft: boolean;
  publishedAt: Date;
  featured: boolean;
  /** Front-page priority (0 unless given). */
  priority: number;
  heroFile: string | undefined;
  section: string;
  authors: string[];
  tags: string[];
  translationOf: string | undefined;
  previousUrls: string[];
  id: string;
  body: string;
  path: string;
}

export function sourceArticles(): SourceArticle[] {
  return listFiles(CONTENT)
    .filter((file) => file.endsWith('.md'))
    .map((file) => {
      const text = readFileSync(file, 'utf8');
      const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const data = parseYaml(frontmatter) as Record<string, unknown>;
      const id = relative(CONTENT, file).replace(/\.md$/, '');
      const hero = data['hero'] as { image?: string } | undefined;
      const article = {
        file: relative(join(CONTENT, '..', '..'), file),
        // The file name is the slug (README, "Writing an article").
        slug: id.split('/').at(-1) ?? id,
        title: String(data['title']),
        dek: String(data['dek']),
        lang: data['lang'] as Lang,
        draft: data['draft'] === true,
        featured: data['featured'] === true,
        priority: typeof data['priority'] === 'number' ? data['priority'] : 0,
        publishedAt: new Date(String(data['publishedAt'])),
        heroFile: hero?.image?.replace(/^\.\//, ''),
        section: String(data['section']),
        authors: (data['authors'] as string[]).map(String),
        tags: ((data['tags'] as unknown[] | undefined) ?? []).map(String),
        translationOf:
          data['translationOf'] === undefined ? undefined : String(data['translationOf']),
        previousUrls: ((data['previousUrls'] as unknown[] | undefined) ?? []).map(String),
        id,
        body,
      };
      return { ...article, path: expectedArticlePath(article) };
    });
}

/**
 * The article's URL as README states it: `/<lang>/<yyyy>/<mm>/<dd>/<slug>/`,
 * dated by `publishedAt` in the newsroom's time zone.
 */
function expectedArticlePath(article: { lang: Lang; publishedAt: Date; slug: string }): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: SITE.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(article.publishedAt);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `/${article.lang}/${part('year')}/${part('month')}/${part('day')}/${article.slug}/`;
}

/** The moment the site under test was built for (e2e/run.mjs sets BUILD_TIME). */
export const buildTime = new Date(process.env['BUILD_TIME'] || E2E_BUILD_TIME);

/** README: a draft is never published; any other article once its `publishedAt` has come. */
function expectedToBePublished(article: SourceArticle): boolean {
  return !article.draft && article.publishedAt.getTime() <= buildTime.getTime();
}

/** What the build should have published, newest first. */
export function expectedPublished(lang?: Lang): SourceArticle[] {
  return sourceArticles()
    .filter(expectedToBePublished)
    .filter((a) => lang === undefined || a.lang === lang)
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
}

/** What must not exist anywhere in the test build. */
export function expectedUnpublished(): SourceArticle[] {
  return sourceArticles().filter((a) => !expectedToBePublished(a));
}

/** Page paths listed in the built sitemaps, each once. */
export function sitemapPaths(): string[] {
  const index = readDist('sitemap-index.xml');
  const sitemaps = [...index.matchAll(/<loc>(.*?)<\/loc>/g)].map(
    (m) => new URL(m[1] ?? '').pathname,
  );
  const paths = sitemaps.flatMap((sitemap) =>
    [...readDist(sitemap.replace(/^\//, '')).matchAll(/<loc>(.*?)<\/loc>/g)].map(
      (m) => new URL(m[1] ?? '').pathname,
    ),
  );
  return [...new Set(paths)];
}

/**
 * A headline or dek with every quotation mark and apostrophe straight, on
 * both sides of a comparison: pages, feeds and structured data print
 * headlines with the edition's typographic quotes (src/lib/typography.ts,
 * checked by e2e/bilingual.spec.ts), the source has them as typed.
 */
export function asTyped(text: string | null | undefined): string | undefined {
  return text?.replace(/[“”«»]/g, '"').replace(/[‘’]/g, "'");
}

/** Typographic quotes as the Markdown renderer prints them, for comparing text. */
export function plainQuotes(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
}

/** Internal links of an HTML document: href, src and every srcset candidate. */
export function internalLinks(html: string, from: string, site: string = SITE.url): string[] {
  const urls: string[] = [];
  for (const [, , value = ''] of html.matchAll(/\s(href|src)="([^"]*)"/g)) urls.push(value);
  for (const [, value = ''] of html.matchAll(/\ssrcset="([^"]*)"/g)) {
    urls.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? ''));
  }
  const base = new URL(from, site);
  return urls
    .map((u) => u.replace(/&amp;/g, '&'))
    .filter((u) => u && !u.startsWith('#') && !u.startsWith('mailto:') && !u.startsWith('data:'))
    .map((u) => new URL(u, base))
    .filter((u) => u.origin === new URL(site).origin)
    .map((u) => decodeURIComponent(u.pathname));
}

/** The file of the test build a site path is served from, or undefined. */
export function distFileFor(path: string): string | undefined {
  const candidates = path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
  return candidates.map((c) => c.replace(/^\//, '')).find((c) => existsSync(join(DIST, c)));
}

/** Each section's page path per edition, as content/sections declares it. */
export function sectionPaths(): Map<string, Record<Lang, string>> {
  const dir = join(CONTENT, '..', 'sections');
  return new Map(
    readdirSync(dir)
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => {
        const id = file.replace(/\.yaml$/, '');
        const data = parseYaml(readFileSync(join(dir, file), 'utf8')) as {
          path?: Partial<Record<Lang, string>>;
        };
        const paths = Object.fromEntries(
          LANGS.map((lang) => [lang, `/${lang}/${data.path?.[lang] ?? id}/`]),
        ) as Record<Lang, string>;
        return [id, paths];
      }),
  );
}

/** Axe's serious and critical violations on the page, as `rule: targets` lines (none expected). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
