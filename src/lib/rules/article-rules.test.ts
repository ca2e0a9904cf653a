import { describe, expect, it } from 'vitest';
import {
  articleSourceProblems,
  authorProblems,
  contentFolderProblems,
  contentIndex,
  contentWarnings,
} from './article-rules';
import { fakeProbe } from './fake-file-probe';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const probe = fakeProbe({
  'content/authors/ana.yaml': ['file'],
  'content/authors/Jane Doe.yaml': ['file'],
  'content/sections/world.yaml': ['file'],
  'content/articles/2024/treaty.md': ['file'],
  'content/articles/2026/x.md': ['file'],
  'content/articles/2026/photo.jpg': ['file', JPEG],
  'content/articles/2026/notes.jpg': ['file', new TextEncoder().encode('just text')],
  'content/articles/2026/linked.jpg': ['symlink'],
});
const index = contentIndex(probe);
const file = 'content/articles/2026/x.md';

function check(
  overrides: { frontmatter?: string; data?: Record<string, unknown>; body?: string } = {},
) {
  const frontmatter = overrides.frontmatter ?? 'publishedAt: 2026-11-27T08:00:00-06:00';
  const body = overrides.body ?? 'Some text.';
  return articleSourceProblems({
    file,
    source: `---\n${frontmatter}\n---\n${body}`,
    data: { authors: ['ana'], section: 'world', ...overrides.data },
    index,
    probe,
  });
}

/** The problems as `field: problem` lines. */
function lines(problems: ReturnType<typeof check>): string[] {
  return problems.map((p) => `${p.field}: ${p.problem}`);
}

describe('articleSourceProblems', () => {
  it('passes a sound article', () => {
    expect(check()).toEqual([]);
  });

  it.each([
    [
      { frontmatter: 'publishedAt: 2026-11-27T08:00:00' },
      'publishedAt: "2026-11-27T08:00:00" has no UTC offset',
    ],
    [
      { frontmatter: 'publishedAt: 2026-02-30T10:00:00-06:00' },
      'publishedAt: "2026-02-30T10:00:00-06:00": 2026-02 has no day 30',
    ],
    [
      { data: { authors: ['ana', 'bob'] } },
      'authors[1]: unknown author "bob": there is no content/authors/bob.yaml',
    ],
    [
      { data: { authors: ['Jane Doe'] } },
      'authors[0]: "Jane Doe" is a file name, not an id: content/authors/Jane Doe.yaml has the id "jane-doe"; write "jane-doe"',
    ],
    [{ data: { section: 'sports' } }, 'section: unknown section "sports"'],
    [
      { data: { translationOf: '2024/missing' } },
      'translationOf: no article has the id "2024/missing"',
    ],
    [{ body: '' }, 'body: is empty'],
    [{ body: '<!-- TODO: write it -->' }, 'body: has only comments'],
    [{ body: 'Text.\n\n<!-- note' }, 'body: line 6: "<!--" opens a comment that is never closed'],
    [{ body: 'Text \u0001.' }, 'body: contains a control'],
    [{ data: { title: 'Ctrl\u0001' } }, 'title: contains a control'],
    [{ data: { tags: ['ok', 'Україна', '..'] } }, 'tags[2]: ".." has no letter or digit'],
    [{ data: { tags: ['🔥'] } }, 'tags[0]: "🔥" has no letter or digit'],
    [
      { data: { hero: { image: './missing.jpg', alt: 'x' } } },
      'hero.image: "./missing.jpg" does not exist (looked for content/articles/2026/missing.jpg)',
    ],
    [
      { data: { hero: { image: './notes.txt', alt: 'x' } } },
      'hero.image: "./notes.txt" is not an image',
    ],
    [
      { data: { hero: { image: './notes.jpg', alt: 'x' } } },
      'hero.image: "./notes.jpg" is not a picture',
    ],
    [
      { data: { hero: { image: './linked.jpg', alt: 'x' } } },
      'hero.image: "./linked.jpg" is a symbolic link',
    ],
    [{ body: 'Text.\n\n![A chart](./chart.png)' }, 'body: line 6: "./chart.png" does not exist'],
  ])('refuses %j', (overrides, message) => {
    expect(lines(check(overrides))).toEqual([expect.stringContaining(message)]);
  });

  it('reports every problem of a file at once', () => {
    expect(check({ body: '', data: { section: 'sports', title: 'A\u0001' } })).toHaveLength(3);
  });

  it('finds a hero and a body image beside the article', () => {
    expect(
      check({ data: { hero: { image: './photo.jpg', alt: 'x' } }, body: '![x](./photo.jpg)' }),
    ).toEqual([]);
  });

  it('lets a draft be empty for now', () => {
    expect(check({ body: '', data: { draft: true } })).toEqual([]);
  });

  it('lets a draft hold only a note to the editor for now', () => {
    expect(check({ body: '<!-- later -->', data: { draft: true } })).toEqual([]);
  });
});

describe('authorProblems', () => {
  it('refuses a javascript: profile link and a missing avatar', () => {
    expect(
      lines(
        authorProblems(
          'content/authors/ana.yaml',
          { name: 'Ana', links: [{ label: 'X', url: 'javascript:alert(1)' }], avatar: './ana.jpg' },
          probe,
        ),
      ),
    ).toEqual([
      expect.stringContaining('links[0].url: "javascript:alert(1)" uses a javascript: URL'),
      expect.stringContaining('avatar: "./ana.jpg" does not exist'),
    ]);
  });
});

describe('contentFolderProblems', () => {
  const probe = fakeProbe({
    'content/articles/2026/Dup-Case.md': ['file'],
    'content/articles/2026/dup-case.md': ['file'],
    'content/articles/2026/story.markdown': ['file'],
    'content/sections/world.yml': ['file'],
  });

  it('checks the names in one collection’s folder', () => {
    expect(contentFolderProblems(probe, 'articles').map((p) => p.file)).toEqual([
      'content/articles/2026/dup-case.md',
      'content/articles/2026/Dup-Case.md',
      'content/articles/2026/story.markdown',
    ]);
    expect(contentFolderProblems(probe, 'sections').map((p) => p.file)).toEqual([
      'content/sections/world.yml',
    ]);
    expect(contentFolderProblems(probe, 'authors')).toEqual([]);
  });
});

describe('contentWarnings', () => {
  it.each([
    ['a short dek and a wide hero', 'A dek.', 2000, 0],
    ['a dek over 300 characters', 'x'.repeat(301), 2000, 1],
    ['a hero under 1200 px', 'A dek.', 800, 1],
    ['both', 'x'.repeat(400), 640, 2],
  ])('gives %s that many warnings', (_name, dek, width, count) => {
    expect(contentWarnings(file, { dek, hero: { image: { width } } })).toHaveLength(count);
  });

  it('names the file and field in each warning', () => {
    expect(contentWarnings(file, { dek: 'x'.repeat(301), hero: undefined })[0]).toMatch(
      /^content\/articles\/2026\/x\.md: dek: 301 characters/,
    );
  });
});
