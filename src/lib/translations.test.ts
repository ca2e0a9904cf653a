import { describe, expect, it } from 'vitest';
import { linkTranslations, type Translatable } from './translations';

type Test = Translatable & { published: boolean };

function makeArticle(id: string, lang: string, overrides: Partial<Test> = {}): Test {
  return {
    id,
    lang,
    filePath: `content/articles/${id}.md`,
    translationOf: undefined,
    published: true,
    ...overrides,
  };
}

const isPublic = (a: Test) => a.published;

describe('linkTranslations', () => {
  const original = makeArticle('2024/treaty', 'en');
  const translation = makeArticle('2024/tratado', 'es', { translationOf: '2024/treaty' });

  it('links a translation and its original in both directions', () => {
    const links = linkTranslations([original, translation], isPublic);
    expect(links.get('2024/treaty')?.map((a) => a.id)).toEqual(['2024/tratado']);
    expect(links.get('2024/tratado')?.map((a) => a.id)).toEqual(['2024/treaty']);
  });

  it('links every member of a set of three editions to the other two', () => {
    const pt = makeArticle('2024/tratado-pt', 'pt', { translationOf: '2024/treaty' });
    const links = linkTranslations([original, translation, pt], isPublic);
    expect(links.get('2024/treaty')?.map((a) => a.id)).toEqual(['2024/tratado', '2024/tratado-pt']);
    expect(links.get('2024/tratado')?.map((a) => a.id)).toEqual(['2024/treaty', '2024/tratado-pt']);
    expect(links.get('2024/tratado-pt')?.map((a) => a.id)).toEqual(['2024/treaty', '2024/tratado']);
  });

  it('leaves untranslated articles alone', () => {
    expect(linkTranslations([original, makeArticle('2024/other', 'es')], isPublic).size).toBe(0);
  });

  it('does not link a draft translation, nor complain that it waits for its original', () => {
    const draft = makeArticle('2024/tratado', 'es', {
      translationOf: '2024/treaty',
      published: false,
    });
    const unpublishedOriginal = { ...original, published: false };
    expect(linkTranslations([unpublishedOriginal, draft], isPublic).size).toBe(0);
  });

  it.each([
    [
      'an unknown original',
      [original, makeArticle('2024/x', 'es', { translationOf: '2024/missing' })],
      'content/articles/2024/x.md: translationOf: no article has the id "2024/missing"',
    ],
    [
      'an unpublished original',
      [{ ...original, published: false }, translation],
      'content/articles/2024/tratado.md: translationOf: "2024/treaty" is a draft or scheduled for later',
    ],
    [
      'an original in the same language',
      [original, makeArticle('2024/copy', 'en', { translationOf: '2024/treaty' })],
      'is in the same language (en)',
    ],
    [
      'two translations into the same language',
      [
        original,
        translation,
        makeArticle('2024/tratado-2', 'es', { translationOf: '2024/treaty' }),
      ],
      'already has a es translation',
    ],
    [
      'a translation of a translation',
      [original, translation, makeArticle('2024/x', 'pt', { translationOf: '2024/tratado' })],
      'is itself a translation of "2024/treaty"',
    ],
    [
      'a link to itself',
      [makeArticle('2024/self', 'es', { translationOf: '2024/self' })],
      'cannot be a translation of itself',
    ],
  ])('fails the build for %s, naming file and field', (_name, articles, message) => {
    expect(() => linkTranslations(articles, isPublic)).toThrow(message);
  });
});
