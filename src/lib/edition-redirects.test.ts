import { describe, expect, it } from 'vitest';
import { editionRedirects } from './edition-redirects';

const path = (lang: string) => `/${lang}/`;

describe('editionRedirects', () => {
  it('sends readers whose browser asks for another edition’s language from / to that edition', () => {
    expect(editionRedirects(['es', 'en'], 'es', path)).toEqual(['/ /en/ 302! Language=en']);
  });

  it('writes one rule per edition other than the main one, in edition order', () => {
    expect(editionRedirects(['es', 'en', 'pt'], 'es', path)).toEqual([
      '/ /en/ 302! Language=en',
      '/ /pt/ 302! Language=pt',
    ]);
  });

  it('writes no rule for a site with one edition: / is its front', () => {
    expect(editionRedirects(['es'], 'es', path)).toEqual([]);
  });

  it('is temporary (302), so a browser does not keep one reader’s language for the next', () => {
    for (const rule of editionRedirects(['es', 'en'], 'es', path)) {
      expect(rule.split(' ')[2]).toBe('302!');
    }
  });
});
