import { expect, test } from '@playwright/test';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFiles } from './fixtures';
import { build, snapshot, write } from './project-builds';
import { copyProject } from '../scripts/project-copy.mjs';

// Each case builds a small copy of the project (the real code and config,
// two sample articles) with one change, and checks what an editor would see.

const ROOT = join(import.meta.dirname, '..');
const HERO = readFileSync(join(ROOT, 'content/articles/2024/north-korea-russia-treaty.jpg'));

function article(fields: Record<string, string | undefined>, body = 'A sentence of news.'): string {
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

const BASE = {
  title: 'A sound story',
  dek: 'A dek that says what happened.',
  publishedAt: '2026-11-20T08:00:00-06:00',
  authors: '[staff]',
  section: 'us',
  lang: 'en',
};

function makeProject(): string {
  const dir = copyProject('case');
  cpSync(join(ROOT, 'content/authors'), join(dir, 'content/authors'), { recursive: true });
  cpSync(join(ROOT, 'content/sections'), join(dir, 'content/sections'), { recursive: true });
  write(dir, 'content/articles/2026/sound-story.md', article(BASE));
  return dir;
}

const BAD = 'content/articles/2026/bad-story.md';

const CASES: [string, (dir: string) => void, string[]][] = [
  [
    'a missing title',
    (d) => write(d, BAD, article({ ...BASE, title: undefined })),
    ['bad-story', 'title'],
  ],
  [
    'a missing dek',
    (d) => write(d, BAD, article({ ...BASE, dek: undefined })),
    ['bad-story', 'dek'],
  ],
  [
    'an unparseable date',
    (d) => write(d, BAD, article({ ...BASE, publishedAt: "'2026-13-45T99:00:00-06:00'" })),
    ['bad-story', 'publishedAt'],
  ],
  [
    'a date without offset',
    (d) => write(d, BAD, article({ ...BASE, publishedAt: '2026-11-20T08:00:00' })),
    ['bad-story', 'publishedAt', 'no UTC offset'],
  ],
  [
    'updatedAt before publishedAt',
    (d) => write(d, BAD, article({ ...BASE, updatedAt: '2026-11-19T08:00:00-06:00' })),
    ['bad-story', 'updatedAt', 'before publishedAt'],
  ],
  [
    'an unknown author',
    (d) => write(d, BAD, article({ ...BASE, authors: '[nobody]' })),
    ['bad-story', 'authors[0]', 'unknown author "nobody"'],
  ],
  [
    'an unknown section',
    (d) => write(d, BAD, article({ ...BASE, section: 'sports' })),
    ['bad-story', 'section', 'unknown section "sports"'],
  ],
  [
    'an unknown translation',
    (d) => write(d, BAD, article({ ...BASE, translationOf: '2026/nowhere' })),
    ['bad-story', 'translationOf', '2026/nowhere'],
  ],
  [
    'a missing hero file',
    (d) => write(d, BAD, article({ ...BASE, hero: '\n  image: ./missing.jpg\n  alt: A photo' })),
    ['bad-story', 'missing.jpg'],
  ],
  [
    'a hero without alt text',
    (d) => {
      write(d, 'content/articles/2026/bad-story.jpg', HERO);
      write(d, BAD, article({ ...BASE, hero: '\n  image: ./bad-story.jpg' }));
    },
    ['bad-story', 'hero.alt'],
  ],
  [
    'a hero that is not an image',
    (d) => {
      write(d, 'content/articles/2026/notes.txt', 'not a picture');
      write(d, BAD, article({ ...BASE, hero: '\n  image: ./notes.txt\n  alt: A photo' }));
    },
    ['bad-story', 'notes.txt'],
  ],
  [
    'two articles at the same URL',
    (d) => write(d, 'content/articles/2026-copy/sound-story.md', article(BASE)),
    ['sound-story', 'same URL'],
  ],
  ['invalid YAML', (d) => write(d, BAD, '---\ntitle: [unclosed\n---\n\nText.\n'), ['bad-story']],
  ['an empty body', (d) => write(d, BAD, article(BASE, '')), ['bad-story', 'body', 'empty']],
  [
    'an unknown language',
    (d) => write(d, BAD, article({ ...BASE, lang: 'fr' })),
    ['bad-story', 'lang'],
  ],
  [
    'a script in the body',
    (d) => write(d, BAD, article(BASE, 'Text <script>alert(1)</script>')),
    ['bad-story', 'body', '<script>'],
  ],
];

test.describe('a build with bad content', () => {
  test.describe.configure({ mode: 'parallel' });

  for (const [name, breakIt, expected] of CASES) {
    test(`stops on ${name}, naming the file, the field and the problem`, () => {
      test.setTimeout(120_000);
      const dir = makeProject();
      try {
        breakIt(dir);
        const { ok, output } = build(dir);
        expect(ok, output).toBe(false);
        for (const text of expected) expect(output).toContain(text);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  test('prints warnings for a long dek and a small hero, and still builds', async () => {
    test.setTimeout(120_000);
    const dir = makeProject();
    try {
      const sharp = (await import('sharp')).default;
      write(
        dir,
        'content/articles/2026/small.jpg',
        await sharp(HERO).resize(640).jpeg().toBuffer(),
      );
      write(
        dir,
        BAD,
        article({
          ...BASE,
          dek: `'${'Long dek. '.repeat(40)}'`,
          hero: '\n  image: ./small.jpg\n  alt: A photo',
        }),
      );
      const { ok, output } = build(dir);
      expect(ok, output).toBe(true);
      expect(output).toContain('warning: content/articles/2026/bad-story.md: dek: ');
      expect(output).toContain(
        'warning: content/articles/2026/bad-story.md: hero.image: 640 px wide',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('leaves the previous dist/ byte for byte as it was', () => {
    test.setTimeout(180_000);
    const dir = makeProject();
    try {
      expect(build(dir).ok).toBe(true);
      const before = snapshot(dir);
      expect(before.length).toBeGreaterThan(10);
      write(dir, BAD, article({ ...BASE, authors: '[nobody]' }));
      expect(build(dir).ok).toBe(false);
      expect(snapshot(dir)).toEqual(before);
      expect(existsSync(join(dir, '.dist-next'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe('an embargoed article', () => {
  const PUBLISH = '2026-12-01T06:00:00-06:00';
  const SLUG = 'embargoed-launch';
  const TITLE = 'Embargoed launch window opens';

  function embargoProject(): string {
    const dir = makeProject();
    write(dir, `content/articles/2026/${SLUG}.jpg`, HERO);
    write(
      dir,
      `content/articles/2026/${SLUG}.md`,
      article({
        ...BASE,
        title: TITLE,
        publishedAt: PUBLISH,
        hero: `\n  image: ./${SLUG}.jpg\n  alt: A launch pad`,
      }),
    );
    return dir;
  }

  function traces(dir: string): string[] {
    const dist = join(dir, 'dist');
    return listFiles(dist).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const name = relative(dist, file);
      return [SLUG, TITLE]
        .filter((needle) => name.includes(needle) || text.includes(needle))
        .map((n) => `${name}: ${n}`);
    });
  }

  test('leaves no byte in dist/ one minute before its time, and is everywhere one minute after', () => {
    test.setTimeout(240_000);
    const dir = embargoProject();
    try {
      const before = build(dir, { BUILD_TIME: '2026-12-01T05:59:00-06:00' });
      expect(before.ok, before.output).toBe(true);
      expect(traces(dir)).toEqual([]);

      const after = build(dir, { BUILD_TIME: '2026-12-01T06:01:00-06:00' });
      expect(after.ok, after.output).toBe(true);
      const dist = join(dir, 'dist');
      const page = `en/2026/12/01/${SLUG}/index.html`;
      expect(existsSync(join(dist, page))).toBe(true);
      for (const file of [
        'en/rss.xml',
        'en/atom.xml',
        'en/feed.json',
        'sitemap-0.xml',
        'news-sitemap.xml',
        'en/index.html',
      ]) {
        expect(readFileSync(join(dist, file), 'utf8'), file).toContain(SLUG);
      }
      expect(listFiles(join(dist, '_astro')).some((f) => f.includes(SLUG))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a draft is nowhere until draft: true is removed, then it is published', () => {
    test.setTimeout(240_000);
    const dir = makeProject();
    const draft = (flag: string | undefined) =>
      write(
        dir,
        `content/articles/2026/${SLUG}.md`,
        article({ ...BASE, title: TITLE, draft: flag }),
      );
    try {
      draft('true');
      const hidden = build(dir);
      expect(hidden.ok, hidden.output).toBe(true);
      expect(traces(dir)).toEqual([]);
      draft(undefined);
      const shown = build(dir);
      expect(shown.ok, shown.output).toBe(true);
      expect(existsSync(join(dir, 'dist', `en/2026/11/20/${SLUG}/index.html`))).toBe(true);
      expect(readFileSync(join(dir, 'dist', 'en/rss.xml'), 'utf8')).toContain(SLUG);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe('hostile text in an article', () => {
  const HOSTILE = `Tom & Jerry's "</script><script>alert(1)</script>" ]]> <b>bold</b>`;
  const yaml = (text: string) => `'${text.replace(/'/g, "''")}'`;

  test('stays text on the page, in JSON-LD and in every feed', async ({ page }) => {
    test.setTimeout(120_000);
    const dir = makeProject();
    try {
      write(dir, 'content/articles/2026/hostile.jpg', HERO);
      write(
        dir,
        'content/articles/2026/hostile.md',
        article({
          ...BASE,
          title: yaml(HOSTILE),
          dek: yaml(HOSTILE),
          tags: `[${yaml(HOSTILE)}]`,
          hero: `\n  image: ./hostile.jpg\n  alt: ${yaml(HOSTILE)}\n  caption: ${yaml(HOSTILE)}\n  credit: ${yaml(HOSTILE)}`,
        }),
      );
      const { ok, output } = build(dir);
      expect(ok, output).toBe(true);
      const dist = join(dir, 'dist');
      const html = readFileSync(join(dist, 'en/2026/11/20/hostile/index.html'), 'utf8');
      // Parsed by a real browser: no element came from the article's text.
      await page.setContent(html);
      expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
      expect(await page.locator('main b').count()).toBe(0);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE);
      await expect(page.locator('figure figcaption')).toContainText(HOSTILE);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', HOSTILE);
      const jsonLd = [
        ...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g),
      ].map((m) => JSON.parse(m[1] ?? ''));
      const newsArticle = jsonLd.find((d) => d['@type'] === 'NewsArticle');
      expect(newsArticle.headline).toBe(HOSTILE);
      expect(newsArticle.keywords).toEqual([HOSTILE]);

      const { parseFeed } = await import('@rowanmanning/feed-parser');
      for (const file of ['en/rss.xml', 'en/atom.xml']) {
        const feed = parseFeed(readFileSync(join(dist, file), 'utf8'));
        expect(feed.items.find((i) => i.url?.includes('/hostile/'))?.title, file).toBe(HOSTILE);
      }
      const json = JSON.parse(readFileSync(join(dist, 'en/feed.json'), 'utf8')) as {
        items: { url: string; title: string }[];
      };
      expect(json.items.find((i) => i.url.includes('/hostile/'))?.title).toBe(HOSTILE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
