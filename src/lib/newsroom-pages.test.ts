import { describe, expect, it } from 'vitest';
import { newsroomPages, type NewsroomPageRecord, type PageRole } from './newsroom-pages';
import { formatProblem } from './rules/content-error';

function makePage(id: string, role: PageRole, overrides: Partial<NewsroomPageRecord> = {}) {
  return {
    id,
    filePath: `content/pages/${id}.md`,
    title: id,
    description: 'A page.',
    role,
    updatedAt: undefined,
    ...overrides,
  };
}

const world = {
  id: 'world',
  file: 'content/sections/world.yaml',
  slug: { es: 'mundo', en: 'world' },
};
const langs = ['es', 'en'] as const;

function problems(records: NewsroomPageRecord[]) {
  return newsroomPages(records, langs, [world]).problems.map(formatProblem);
}

describe('newsroomPages', () => {
  it('publishes each page under its edition at its file name', () => {
    const { pages } = newsroomPages([makePage('es/sobre-nosotros', 'about')], langs, [world]);
    expect(pages.map((p) => [p.lang, p.path])).toEqual([['es', '/es/sobre-nosotros/']]);
  });

  it('links the pages of one role in the editions to each other', () => {
    const { pages } = newsroomPages(
      [
        makePage('es/sobre-nosotros', 'about'),
        makePage('en/about', 'about'),
        makePage('en/contact', 'contact'),
      ],
      langs,
      [world],
    );
    const about = pages.find((p) => p.path === '/es/sobre-nosotros/');
    expect(about?.translations).toEqual([{ lang: 'en', path: '/en/about/', title: 'en/about' }]);
    expect(pages.find((p) => p.path === '/en/contact/')?.translations).toEqual([]);
  });

  it('lists pages by edition, then in footer order', () => {
    const { pages } = newsroomPages(
      [
        makePage('en/privacy', 'privacy-policy'),
        makePage('en/about', 'about'),
        makePage('es/etica', 'ethics-policy'),
        makePage('en/corrections', 'corrections-policy'),
      ],
      langs,
      [world],
    );
    expect(pages.map((p) => p.id)).toEqual([
      'es/etica',
      'en/about',
      'en/corrections',
      'en/privacy',
    ]);
  });

  it('builds with no pages at all', () => {
    expect(newsroomPages([], langs, [world])).toEqual({ pages: [], problems: [] });
  });
});

describe('newsroom page rules', () => {
  it.each([
    [
      'a page at the address of a section',
      [makePage('es/mundo', 'about')],
      'content/pages/es/mundo.md: slug: a newsroom page would be at /es/mundo/, the same URL as section "world" (content/sections/world.yaml: path.es); every URL has one owner: change one of them',
    ],
    [
      'a page at a reserved address',
      [makePage('en/tag', 'about')],
      'content/pages/en/tag.md: slug: "tag" is taken by other pages of the site; choose another path',
    ],
    [
      'a page named like a year',
      [makePage('en/2026', 'about')],
      'content/pages/en/2026.md: slug: "2026" is taken by other pages of the site; choose another path',
    ],
    [
      'a page outside an edition folder',
      [makePage('fr/a-propos', 'about')],
      'content/pages/fr/a-propos.md: file name: a page lives in content/pages/<edition>/<slug>.md with an edition of es, en; move it there',
    ],
    [
      'a page straight in content/pages',
      [makePage('about', 'about')],
      'content/pages/about.md: file name: a page lives in content/pages/<edition>/<slug>.md with an edition of es, en; move it there',
    ],
    [
      'two pages of one role in one edition',
      [makePage('en/about', 'about'), makePage('en/who-we-are', 'about')],
      'content/pages/en/who-we-are.md: role: content/pages/en/about.md is already the "about" page of the en edition; an edition has one page per role',
    ],
  ])('refuses %s, naming the file and field', (_case, records, message) => {
    expect(problems(records)).toEqual([message]);
  });

  it('accepts the same slug in two editions and the same role in each', () => {
    expect(
      problems([makePage('es/contacto', 'contact'), makePage('en/contacto', 'contact')]),
    ).toEqual([]);
  });
});
