import { expect, test } from '@playwright/test';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SITE } from '../src/site';
import { article, BASE, build, write } from './project-builds';
import { copyProject } from '../scripts/project-copy.mjs';

// The pages a newsroom publishes about itself (content/pages/<lang>/<slug>.md):
// linked from every edition's footer, named in the fronts' structured data,
// and optional.

const ROOT = join(import.meta.dirname, '..');
const PAGES = join(ROOT, 'content', 'pages');

/** The sample pages of an edition, read without Astro: path, title and role. */
function samplePages(lang: string): { path: string; title: string; role: string }[] {
  const folder = join(PAGES, lang);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.md'))
    .map((file) => {
      const text = readFileSync(join(folder, file), 'utf8');
      const data = parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as Record<
        string,
        string
      >;
      return {
        path: `/${lang}/${file.replace(/\.md$/, '')}/`,
        title: data['title'] ?? '',
        role: data['role'] ?? '',
      };
    });
}

function organisation(html: string): Record<string, unknown> | undefined {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  for (const [, json = '{}'] of blocks) {
    const data = JSON.parse(json) as { '@graph'?: Record<string, unknown>[] };
    const found = data['@graph']?.find(
      (node) => node['@type'] === 'NewsMediaOrganization' && 'logo' in node,
    );
    if (found) return found;
  }
  return undefined;
}

for (const lang of SITE.langs) {
  const pages = samplePages(lang);

  test(`the ${lang} footer links each of the edition's own pages, and each opens`, async ({
    page,
  }) => {
    test.skip(pages.length === 0, `no pages in content/pages/${lang}/`);
    await page.goto(`/${lang}/`);
    const footer = page.getByRole('contentinfo');
    for (const { path, title } of pages) {
      await expect(footer.getByRole('link', { name: title, exact: true })).toHaveAttribute(
        'href',
        path,
      );
    }
    for (const { path, title } of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.locator('html')).toHaveAttribute('lang', SITE.editions[lang].locale);
    }
  });

  test(`the ${lang} front names the edition's corrections and ethics policies`, async ({
    request,
  }) => {
    const html = await (await request.get(`/${lang}/`)).text();
    const org = organisation(html);
    expect(org).toBeDefined();
    const expected = {
      'corrections-policy': 'correctionsPolicy',
      'ethics-policy': 'ethicsPolicy',
      about: 'masthead',
      contact: 'actionableFeedbackPolicy',
    } as const;
    for (const { path, role } of pages) {
      const property = expected[role as keyof typeof expected];
      if (property) expect(org?.[property], role).toBe(`${SITE.url}${path}`);
    }
  });
}

test.describe('a project copy', () => {
  test.setTimeout(180_000);

  function makeProject(): string {
    const dir = copyProject('pages');
    cpSync(join(ROOT, 'content/authors'), join(dir, 'content/authors'), { recursive: true });
    cpSync(join(ROOT, 'content/sections'), join(dir, 'content/sections'), { recursive: true });
    write(dir, 'content/articles/2026/sound-story.md', article(BASE));
    return dir;
  }

  test('without content/pages builds, with no footer links and no policies', () => {
    const dir = makeProject();
    try {
      expect(existsSync(join(dir, 'content/pages'))).toBe(false);
      const { ok, output } = build(dir);
      expect(ok, output).toBe(true);
      const front = readFileSync(join(dir, 'dist/en/index.html'), 'utf8');
      expect(front).not.toContain('newsroom-pages');
      expect(organisation(front)).not.toHaveProperty('correctionsPolicy');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('with a page at the address of a section stops, naming the file and field', () => {
    const dir = makeProject();
    try {
      write(
        dir,
        'content/pages/en/world.md',
        '---\ntitle: Our world\ndescription: A page.\nrole: about\n---\n\nText.\n',
      );
      const { ok, output } = build(dir);
      expect(ok).toBe(false);
      expect(output).toContain(
        'content/pages/en/world.md: slug: a newsroom page would be at /en/world/',
      );
      expect(existsSync(join(dir, 'dist'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
