import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  articleSource,
  kindProblem,
  resolveSection,
  slugFromTitle,
  slugProblem,
  translationOf,
} from './newsroom-cli';

describe('slugFromTitle', () => {
  it.each([
    ['Título de la nota', 'titulo-de-la-nota'],
    ['¿Qué pasó en El Paso? 5 claves', 'que-paso-en-el-paso-5-claves'],
    ['Texas’s jobless rate: 4.1%', 'texass-jobless-rate-4-1'],
  ])('folds %j into %j', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });
});

describe('resolveSection', () => {
  const sections = [
    { id: 'world', path: { es: 'mundo' } },
    { id: 'us', path: { es: 'estados-unidos', en: 'us' } },
  ];

  it.each([
    ['world', 'world'],
    ['mundo', 'world'],
    ['estados-unidos', 'us'],
    ['deportes', undefined],
  ])('reads %j as the section %j', (given, id) => {
    expect(resolveSection(given, sections)).toBe(id);
  });
});

describe('articleSource', () => {
  it('writes the full frontmatter as YAML a loader reads back, with the date unquoted', () => {
    const source = articleSource(
      {
        title: 'Título: "con comillas"',
        dek: 'Sumario.',
        publishedAt: '2026-11-28T19:46:29-06:00',
        authors: ['daniela-ortiz'],
        section: 'world',
        tags: [],
        lang: 'es',
        kind: 'news',
        draft: true,
      },
      '',
    );
    expect(source).toContain('\npublishedAt: 2026-11-28T19:46:29-06:00\n');
    const data = parseYaml(/^---\n([\s\S]*?)---/.exec(source)?.[1] ?? '');
    expect(data).toMatchObject({
      title: 'Título: "con comillas"',
      authors: ['daniela-ortiz'],
      draft: true,
      lang: 'es',
    });
  });
});

describe('slugProblem', () => {
  const existing = new Map([['2024/north-korea', '2024/north-korea.md']]);

  it('refuses a slug another article has, in any year, naming it', () => {
    expect(slugProblem('content/articles/2026/north-korea.md', 'north-korea', existing)).toEqual({
      file: 'content/articles/2026/north-korea.md',
      field: 'slug',
      problem:
        '"north-korea" is already the slug of content/articles/2024/north-korea.md; choose another headline or pass --slug',
    });
  });

  it('accepts a new slug', () => {
    expect(slugProblem('content/articles/2026/x.md', 'x', existing)).toBeUndefined();
  });
});

describe('kindProblem', () => {
  it('refuses a kind the site does not know and accepts the known ones', () => {
    expect(kindProblem('f.md', 'sponsored')?.problem).toBe(
      '"sponsored" is not a kind (news, analysis, opinion, live)',
    );
    expect(kindProblem('f.md', 'opinion')).toBeUndefined();
  });
});

describe('translationOf', () => {
  const original = {
    id: '2026/nota',
    data: {
      title: 'Nota',
      dek: 'Sumario.',
      authors: ['staff'],
      section: 'world',
      tags: ['a'],
      lang: 'es',
      kind: 'opinion',
      hero: { image: './nota.jpg', alt: 'Foto' },
      corrections: [{ date: new Date(), text: 'x' }],
    },
    body: 'Texto.',
  };

  it('keeps section, authors, kind and photo, links the original and starts as a draft', () => {
    const { article, body } = translationOf(original, 'en', '2026-11-28T19:00:00-06:00');
    expect(article).toMatchObject({
      lang: 'en',
      section: 'world',
      authors: ['staff'],
      kind: 'opinion',
      hero: { image: './nota.jpg', alt: 'Foto' },
      translationOf: '2026/nota',
      draft: true,
    });
    expect(article).not.toHaveProperty('corrections');
    expect(body).toBe('Texto.');
  });

  it("links a translation of a translation to the story's original", () => {
    const { article } = translationOf(
      { ...original, data: { ...original.data, translationOf: '2026/original' } },
      'en',
      '2026-11-28T19:00:00-06:00',
    );
    expect(article.translationOf).toBe('2026/original');
  });
});
