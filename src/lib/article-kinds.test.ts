import { describe, expect, it } from 'vitest';
import { ARTICLE_KINDS, decideFormat, kindLabel } from './article-kinds';
import { en } from '../i18n/en';
import { es } from '../i18n/es';

describe('decideFormat', () => {
  it.each([
    ['news', 'NewsArticle', false, false],
    ['analysis', 'AnalysisNewsArticle', false, false],
    ['opinion', 'OpinionNewsArticle', true, false],
    ['live', 'LiveBlogPosting', false, true],
  ] as const)(
    'gives %s the type %s, writer up front %s, live updates %s',
    (kind, type, writer, live) => {
      const format = decideFormat(kind);
      expect(format.schemaType).toBe(type);
      expect(format.writerUpFront).toBe(writer);
      expect(format.liveUpdates).toBe(live);
    },
  );

  it('handles every kind', () => {
    for (const kind of ARTICLE_KINDS) expect(decideFormat(kind).kind).toBe(kind);
  });
});

describe('kindLabel', () => {
  it.each([
    ['news', undefined, es, undefined],
    ['analysis', undefined, es, { text: 'Análisis', live: false }],
    ['opinion', undefined, es, { text: 'Opinión', live: false }],
    ['opinion', undefined, en, { text: 'Opinion', live: false }],
    ['live', undefined, es, { text: 'En vivo', live: true }],
    ['live', undefined, en, { text: 'Live', live: true }],
    ['live', new Date('2026-11-28T18:00:00-06:00'), es, { text: 'Cobertura en vivo', live: false }],
  ] as const)('labels %s (ended %s) in its edition', (kind, ended, strings, expected) => {
    expect(kindLabel({ kind, coverageEndedAt: ended }, strings)).toEqual(expected);
  });
});
