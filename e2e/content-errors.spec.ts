import { expect, test } from '@playwright/test';
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFiles } from './fixtures';
import { htmlErrors } from './html-checker';
import { article, BASE, build, snapshot, write } from './project-builds';
import { copyProject } from '../scripts/project-copy.mjs';

// Each case builds a small copy of the project (the real code and config,
// two sample articles) with one change, and checks what an editor would see.

const ROOT = join(import.meta.dirname, '..');
const HERO = readFileSync(join(ROOT, 'content/articles/2024/north-korea-russia-treaty.jpg'));

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
    'a correction dated before publishedAt',
    (d) =>
      write(
        d,
        BAD,
        article({
          ...BASE,
          corrections: '\n  - date: 2026-11-19T10:00:00-06:00\n    text: Fixed.',
        }),
      ),
    ['bad-story', 'corrections', 'a correction cannot be dated before publishedAt'],
  ],
  [
    'updates on a story that is not live coverage',
    (d) =>
      write(
        d,
        BAD,
        article({
          ...BASE,
          updates: '\n  - date: 2026-11-20T10:00:00-06:00\n    text: More.',
        }),
      ),
    ['bad-story', 'updates', 'only live coverage (kind: live) has updates'],
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
  // Issue 16, class 1: characters XML 1.0 forbids, in frontmatter and body.
  [
    'a control character in the title',
    (d) =>
      write(d, BAD, article({ ...BASE, title: '"Ctrl A\\x01B\\bC\\vD\\x1FE\\uFFFEF headline"' })),
    [BAD, 'title', 'U+0001 at character 7', 'U+FFFE'],
  ],
  [
    'a vertical tab pasted into the body',
    (d) => write(d, BAD, article(BASE, 'Pasted \u000B text.')),
    [BAD, 'body', 'U+000B at line 10, column 8'],
  ],
  [
    'a control character in an author bio',
    (d) =>
      write(
        d,
        'content/authors/staff.yaml',
        'name: Voz Staff\nrole: Newsroom\nbio: "Bio\\x07 text"\n',
      ),
    ['content/authors/staff.yaml', 'bio', 'U+0007'],
  ],
  // Class 2: impossible dates, quoted or not.
  [
    'February 30',
    (d) => write(d, BAD, article({ ...BASE, publishedAt: '2026-02-30T10:00:00-06:00' })),
    [BAD, 'publishedAt', '2026-02 has no day 30'],
  ],
  [
    'an unquoted month 13',
    (d) => write(d, BAD, article({ ...BASE, publishedAt: '2026-13-01T10:00:00-06:00' })),
    [BAD, 'publishedAt', 'no month 13'],
  ],
  [
    'an offset of +99:00',
    (d) => write(d, BAD, article({ ...BASE, publishedAt: "'2026-11-20T08:00:00+99:00'" })),
    [BAD, 'publishedAt', 'offset +99:00'],
  ],
  [
    'a correction on April 31',
    (d) =>
      write(
        d,
        BAD,
        article({
          ...BASE,
          corrections: '\n  - date: 2026-04-31T10:00:00-05:00\n    text: Fixed.',
        }),
      ),
    [BAD, 'corrections[0].date', 'has no day 31'],
  ],
  // Class 6 and "body only a comment".
  [
    'an unclosed comment',
    (d) => write(d, BAD, article(BASE, 'First paragraph.\n\n<!-- note to editor\n\nThe rest.')),
    [BAD, 'body', 'line 12', 'never closed'],
  ],
  [
    'a body that is only a comment',
    (d) => write(d, BAD, article(BASE, '<!-- TODO: write the story -->')),
    [BAD, 'body', 'only comments'],
  ],
  // Class 7 and ignored extensions: the folder listing.
  [
    'two files whose names differ only in case',
    (d) => {
      write(d, 'content/articles/2026/Dup-Case.md', article(BASE));
      write(d, 'content/articles/2026/dup-case.md', article(BASE));
    },
    ['content/articles/2026/Dup-Case.md', 'content/articles/2026/dup-case.md', 'same id'],
  ],
  [
    'an article saved as .MD',
    (d) => write(d, 'content/articles/2026/shouty.MD', article(BASE)),
    ['content/articles/2026/shouty.MD', 'file name', 'rename it to 2026/shouty.md'],
  ],
  [
    'an article saved as .markdown',
    (d) => write(d, 'content/articles/2026/long.markdown', article(BASE)),
    ['content/articles/2026/long.markdown', 'file name', 'rename it to 2026/long.md'],
  ],
  // Class 9: the sanitiser on the rendered body, and URLs in YAML.
  [
    'an entity-encoded javascript: link',
    (d) => write(d, BAD, article(BASE, 'A <a href="&#106;avascript:alert(1)">link</a>.')),
    [BAD, 'body', '<a href> uses a javascript: URL'],
  ],
  [
    'a javascript: link with a tab in its scheme',
    (d) => write(d, BAD, article(BASE, 'A <a href="java&#x09;script:alert(1)">link</a>.')),
    [BAD, 'body', 'java\\tscript: URL'],
  ],
  [
    'a Markdown link to javascript&colon;',
    (d) => write(d, BAD, article(BASE, 'A <a href="javascript&colon;alert(1)">link</a>.')),
    [BAD, 'body', '<a href> uses a javascript: URL'],
  ],
  [
    'a meta refresh',
    (d) =>
      write(
        d,
        BAD,
        article(
          BASE,
          'Text.\n\n<meta http-equiv="refresh" content="0; url=https://evil.example/">',
        ),
      ),
    [BAD, 'body', '<meta> is not allowed'],
  ],
  [
    'a form with a password field',
    (d) =>
      write(
        d,
        BAD,
        article(BASE, '<form action="https://evil.example/"><input type="password"></form>'),
      ),
    [BAD, 'body', '<form> is not allowed'],
  ],
  [
    'a data: link',
    (d) => write(d, BAD, article(BASE, '[open](data:text/html,hello)')),
    [BAD, 'body', 'data: URL'],
  ],
  [
    'a javascript: link among an author’s profiles',
    (d) =>
      write(
        d,
        'content/authors/staff.yaml',
        'name: Voz Staff\nrole: Newsroom\nbio: Bio.\nlinks:\n  - label: X\n    url: javascript:alert(1)\n',
      ),
    ['content/authors/staff.yaml', 'links[0].url', 'javascript: URL'],
  ],
  // Class 10: crashes and misleading messages.
  [
    'a tag with no letter or digit',
    (d) => write(d, BAD, article({ ...BASE, tags: '[ok, "🔥"]' })),
    [BAD, 'tags[1]', '"🔥" has no letter or digit'],
  ],
  [
    'an author referenced by file name',
    (d) => {
      cpSync(join(ROOT, 'content/authors/staff.yaml'), join(d, 'content/authors/Jane Doe.yaml'));
      write(d, BAD, article({ ...BASE, authors: '["Jane Doe"]' }));
    },
    [BAD, 'authors[0]', 'has the id "jane-doe"'],
  ],
  [
    'a symlinked hero',
    (d) => {
      write(d, 'content/photo-elsewhere.jpg', HERO);
      symlinkSync(
        join(d, 'content/photo-elsewhere.jpg'),
        join(d, 'content/articles/2026/linked.jpg'),
      );
      write(d, BAD, article({ ...BASE, hero: '\n  image: ./linked.jpg\n  alt: A photo' }));
    },
    [BAD, 'hero.image', 'symbolic link'],
  ],
  [
    'a text file named .jpg as the hero',
    (d) => {
      write(d, 'content/articles/2026/fake.jpg', 'not a picture');
      write(d, BAD, article({ ...BASE, hero: '\n  image: ./fake.jpg\n  alt: A photo' }));
    },
    [BAD, 'hero.image', 'is not a picture'],
  ],
  [
    'a missing image in the body',
    (d) => write(d, BAD, article(BASE, 'Text.\n\n![A chart](./chart.png)')),
    [BAD, 'body', 'line 12', '"./chart.png" does not exist'],
  ],
  // Every address the build writes has one owner (rules/site-rules.ts).
  [
    'a redirect over the edition front page',
    (d) => write(d, BAD, article({ ...BASE, previousUrls: '["/en/"]' })),
    [BAD, 'previousUrls[0]', 'a redirect would be at /en/', 'a page of the site'],
  ],
  [
    'a redirect over a section page',
    (d) => write(d, BAD, article({ ...BASE, previousUrls: '["/en/us/"]' })),
    [BAD, 'previousUrls[0]', '/en/us/', 'section "us"'],
  ],
  [
    'a redirect over a tag page',
    (d) => write(d, BAD, article({ ...BASE, tags: '[Texas]', previousUrls: '["/en/tag/texas/"]' })),
    [BAD, 'previousUrls[0]', '/en/tag/texas/', 'tag "Texas"'],
  ],
  [
    'a second section at the path of another',
    (d) =>
      write(
        d,
        'content/sections/globe.yaml',
        'name: { es: Globo, en: Globe }\norder: 9\npath: { es: mundo }\n',
      ),
    ['content/sections/globe.yaml', 'path.es', '/es/mundo/', 'section "world"'],
  ],
  [
    'two different tags that would share a tag page',
    (d) => {
      write(
        d,
        'content/articles/2026/sound-story.md',
        article({ ...BASE, tags: '["Tax (2026)"]' }),
      );
      write(d, BAD, article({ ...BASE, title: 'Other', tags: '["Tax 2026"]' }));
    },
    [BAD, 'sound-story.md', 'tags[0]', '/en/tag/tax-2026/', 'tag "Tax 2026"', 'tag "Tax (2026)"'],
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
        // The copy had no site yet: a refused build leaves none behind.
        expect(existsSync(join(dir, 'dist'))).toBe(false);
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
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe('text a newsroom pastes that must build', () => {
  /** Code points XML 1.0 forbids, raw or as character references (checked apart from the rules under test). */
  const XML_FORBIDDEN =
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#x0*(?:[0-8bcef]|1[0-9a-f]|fff[ef]);|&#0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]|6553[45]);/i;

  test('is normalised to NFC, gets tag pages in any script, and keeps every feed and sitemap well-formed', async () => {
    test.setTimeout(180_000);
    const dir = makeProject();
    try {
      write(
        dir,
        'content/articles/2026/pasted.md',
        article(
          {
            ...BASE,
            // "o" + combining acute, as some keyboards and PDFs produce it.
            title: '"Accio\\u0301n de Gracias en Texas"',
            tags: '[Україна, C++, C, "Accio\\u0301n"]',
          },
          'First paragraph.\n\n<!-- note to the editor: check the quote -->\n\nSecond paragraph.',
        ),
      );
      const { ok, output } = build(dir);
      expect(ok, output).toBe(true);
      const dist = join(dir, 'dist');
      const html = readFileSync(join(dist, 'en/2026/11/20/pasted/index.html'), 'utf8');
      expect(html).toContain('Acción de Gracias en Texas');
      expect(html).not.toContain('o\u0301');
      expect(html).toContain('Second paragraph.');
      for (const tag of ['ukrayina', 'c-plus-plus', 'c', 'accion']) {
        expect(existsSync(join(dist, `en/tag/${tag}/index.html`)), tag).toBe(true);
      }
      const xmlFiles = listFiles(dist).filter((f) => f.endsWith('.xml'));
      expect(xmlFiles.length).toBeGreaterThan(5);
      const { SyntaxValidator } = await import('fast-xml-validator');
      for (const file of xmlFiles) {
        const xml = readFileSync(file, 'utf8');
        expect(() => SyntaxValidator.validate(xml), file).not.toThrow();
        expect(XML_FORBIDDEN.test(xml), file).toBe(false);
      }
      const feed = readFileSync(join(dist, 'en/rss.xml'), 'utf8');
      expect(feed).toContain('Acción de Gracias en Texas');
      expect(htmlErrors(dist)).toEqual([]);
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
  // Headlines and standfirsts are shown with typographic quotes (src/lib/typography.ts).
  const HEADLINE = `Tom & Jerry’s “</script><script>alert(1)</script>” ]]> <b>bold</b>`;
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
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
      await expect(page.locator('figure figcaption')).toContainText(HOSTILE);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', HEADLINE);
      const jsonLd = [
        ...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g),
      ].map((m) => JSON.parse(m[1] ?? ''));
      const newsArticle = jsonLd.find((d) => d['@type'] === 'NewsArticle');
      expect(newsArticle.headline).toBe(HEADLINE);
      expect(newsArticle.keywords).toEqual([HOSTILE]);

      const { parseFeed } = await import('@rowanmanning/feed-parser');
      for (const file of ['en/rss.xml', 'en/atom.xml']) {
        const feed = parseFeed(readFileSync(join(dist, file), 'utf8'));
        expect(feed.items.find((i) => i.url?.includes('/hostile/'))?.title, file).toBe(HEADLINE);
      }
      const json = JSON.parse(readFileSync(join(dist, 'en/feed.json'), 'utf8')) as {
        items: { url: string; title: string }[];
      };
      expect(json.items.find((i) => i.url.includes('/hostile/'))?.title).toBe(HEADLINE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
