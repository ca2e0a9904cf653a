import { describe, expect, it } from 'vitest';
import { checkArticleSource } from './article-source';

const files = new Set([
  'content/authors/ana.yaml',
  'content/sections/world.yaml',
  'content/articles/2024/treaty.md',
  'content/articles/2026/photo.jpg',
]);
const file = 'content/articles/2026/x.md';

function check(
  overrides: { frontmatter?: string; data?: Record<string, unknown>; body?: string } = {},
) {
  const frontmatter = overrides.frontmatter ?? 'publishedAt: 2026-11-27T08:00:00-06:00';
  const body = overrides.body ?? 'Some text.';
  checkArticleSource({
    file,
    source: `---\n${frontmatter}\n---\n${body}`,
    data: { authors: ['ana'], section: 'world', ...overrides.data },
    body,
    exists: (path) => files.has(path),
  });
}

describe('checkArticleSource', () => {
  it('passes a sound article', () => {
    expect(() => check()).not.toThrow();
  });

  it.each([
    [
      { frontmatter: 'publishedAt: 2026-11-27T08:00:00' },
      `${file}: publishedAt: "2026-11-27T08:00:00" has no UTC offset`,
    ],
    [
      { data: { authors: ['ana', 'bob'] } },
      `${file}: authors[1]: unknown author "bob": there is no content/authors/bob.yaml`,
    ],
    [{ data: { section: 'sports' } }, `${file}: section: unknown section "sports"`],
    [
      { data: { translationOf: '2024/missing' } },
      `${file}: translationOf: no article has the id "2024/missing"`,
    ],
    [{ body: '' }, `${file}: body: is empty`],
    [
      { data: { hero: { image: './missing.jpg', alt: 'x' } } },
      `${file}: hero.image: "./missing.jpg" does not exist (looked for content/articles/2026/missing.jpg)`,
    ],
    [
      { data: { hero: { image: './notes.txt', alt: 'x' } } },
      `${file}: hero.image: "./notes.txt" is not an image`,
    ],
    [{ body: '<script>alert(1)</script>' }, `${file}: body: contains a <script> element`],
  ])('refuses %j', (overrides, message) => {
    expect(() => check(overrides)).toThrow(message);
  });

  it('finds a hero image beside the article', () => {
    expect(() => check({ data: { hero: { image: './photo.jpg', alt: 'x' } } })).not.toThrow();
  });

  it('lets a draft be empty for now', () => {
    expect(() => check({ body: '', data: { draft: true } })).not.toThrow();
  });
});
