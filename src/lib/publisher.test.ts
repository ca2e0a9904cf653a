import { describe, expect, it } from 'vitest';
import { newsroomPages, type PageRole } from './newsroom-pages';
import { newsMediaOrganization } from './json-ld';
import { publisher, publisherPolicies } from './publisher';

const SITE_URL = 'https://example.org';

function pagesOf(...files: [string, PageRole][]) {
  return newsroomPages(
    files.map(([id, role]) => ({
      id,
      filePath: `content/pages/${id}.md`,
      title: id,
      description: 'd',
      role,
      updatedAt: undefined,
    })),
    ['es', 'en'],
    [],
  ).pages;
}

describe('publisherPolicies', () => {
  const pages = pagesOf(
    ['es/sobre-nosotros', 'about'],
    ['es/politica-de-correcciones', 'corrections-policy'],
    ['en/corrections', 'corrections-policy'],
    ['en/ethics', 'ethics-policy'],
    ['en/contact', 'contact'],
    ['en/privacy', 'privacy-policy'],
  );

  it('names each policy page of the edition by its schema.org property', () => {
    expect(publisherPolicies(pages, 'en', SITE_URL)).toEqual({
      masthead: 'https://example.org/es/sobre-nosotros/',
      correctionsPolicy: 'https://example.org/en/corrections/',
      ethicsPolicy: 'https://example.org/en/ethics/',
      actionableFeedbackPolicy: 'https://example.org/en/contact/',
    });
  });

  it("prefers the edition's own page and falls back to another edition's", () => {
    const policies = publisherPolicies(pages, 'es', SITE_URL);
    expect(policies.correctionsPolicy).toBe('https://example.org/es/politica-de-correcciones/');
    expect(policies.ethicsPolicy).toBe('https://example.org/en/ethics/');
  });

  it('names nothing when the newsroom has no pages', () => {
    expect(publisherPolicies([], 'es', SITE_URL)).toEqual({});
  });
});

describe('the publisher in structured data', () => {
  it('is a NewsMediaOrganization carrying its policies', () => {
    const org = newsMediaOrganization(
      publisher(SITE_URL, { list: pagesOf(['en/corrections', 'corrections-policy']), lang: 'en' }),
    );
    expect(org).toMatchObject({
      '@type': 'NewsMediaOrganization',
      correctionsPolicy: 'https://example.org/en/corrections/',
    });
  });

  it('has no policy properties when none are given', () => {
    expect(Object.keys(newsMediaOrganization(publisher(SITE_URL)))).toEqual([
      '@type',
      'name',
      'url',
      'logo',
    ]);
  });
});
