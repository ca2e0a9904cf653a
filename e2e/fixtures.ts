import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { getBuildTime } from '../src/lib/build-time';
import { isPublished } from '../src/lib/publishing';
import { articlePath, slugFromId } from '../src/lib/urls';
import type { Lang } from '../src/site';

/** Helpers shared by the specs: the built site on disk and the content it came from. */

export const DIST = join(import.meta.dirname, '..', 'dist');
const CONTENT = join(import.meta.dirname, '..', 'content', 'articles');

/** Every file under a folder, as absolute paths. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Every file in `dist/`, relative to it. */
export function distFiles(): string[] {
  return listFiles(DIST).map((path) => relative(DIST, path));
}

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
  heroFile: string | undefined;
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
        slug: slugFromId(id),
        title: String(data['title']),
        dek: String(data['dek']),
        lang: data['lang'] as Lang,
        draft: data['draft'] === true,
        featured: data['featured'] === true,
        publishedAt: new Date(String(data['publishedAt'])),
        heroFile: hero?.image?.replace(/^\.\//, ''),
        body,
      };
      return { ...article, path: articlePath(article) };
    });
}

/** The moment the site under test was built for (set by e2e/run.mjs). */
export const buildTime = getBuildTime();

/** What the build should have published, newest first. */
export function expectedPublished(lang?: Lang): SourceArticle[] {
  return sourceArticles()
    .filter((a) => isPublished(a, buildTime))
    .filter((a) => lang === undefined || a.lang === lang)
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
}

/** What must not exist anywhere in `dist/`. */
export function expectedUnpublished(): SourceArticle[] {
  return sourceArticles().filter((a) => !isPublished(a, buildTime));
}

/** Page paths listed in the built sitemaps. */
export function sitemapPaths(): string[] {
  const index = readDist('sitemap-index.xml');
  const sitemaps = [...index.matchAll(/<loc>(.*?)<\/loc>/g)].map(
    (m) => new URL(m[1] ?? '').pathname,
  );
  return sitemaps.flatMap((sitemap) =>
    [...readDist(sitemap.replace(/^\//, '')).matchAll(/<loc>(.*?)<\/loc>/g)].map(
      (m) => new URL(m[1] ?? '').pathname,
    ),
  );
}

/** Typographic quotes as the Markdown renderer prints them, for comparing text. */
export function plainQuotes(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
}
