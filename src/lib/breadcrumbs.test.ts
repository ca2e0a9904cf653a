import { describe, expect, it } from 'vitest';
import { breadcrumbTrail } from './breadcrumbs';

const world = {
  name: { es: 'Mundo', en: 'World' },
  slug: { es: 'mundo', en: 'world' },
};

describe('breadcrumbTrail', () => {
  it.each([
    ['es', [{ name: 'Portada', path: '/es/' }]],
    ['en', [{ name: 'Home', path: '/en/' }]],
  ] as const)('leads a page outside any section in %s to its front page only', (lang, trail) => {
    expect(breadcrumbTrail(lang)).toEqual(trail);
  });

  it.each([
    [
      'es',
      [
        { name: 'Portada', path: '/es/' },
        { name: 'Mundo', path: '/es/mundo/' },
      ],
    ],
    [
      'en',
      [
        { name: 'Home', path: '/en/' },
        { name: 'World', path: '/en/world/' },
      ],
    ],
  ] as const)('names and links the section in the edition’s language (%s)', (lang, trail) => {
    expect(breadcrumbTrail(lang, world)).toEqual(trail);
  });
});
