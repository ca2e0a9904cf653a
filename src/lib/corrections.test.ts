import { describe, expect, it } from 'vitest';
import {
  correctionAnchor,
  correctionsPath,
  listCorrections,
  SUBSTANTIVE_UPDATE_MINUTES,
  shownUpdate,
} from './corrections';

const published = new Date('2026-11-28T08:00:00-06:00');
const after = (minutes: number) => new Date(published.getTime() + minutes * 60_000);

describe('shownUpdate (the "Updated" label)', () => {
  it.each([
    ['no update', undefined, undefined],
    ['a fix five minutes after publication', after(5), undefined],
    ['an update 59 minutes after publication', after(59), undefined],
    ['an update exactly an hour after publication', after(60), after(60)],
    ['an update the next day', after(24 * 60), after(24 * 60)],
  ])('for %s shows %s', (_name, updatedAt, expected) => {
    expect(shownUpdate({ publishedAt: published, updatedAt })).toEqual(expected);
  });

  it('holds the threshold at an hour, as README documents', () => {
    expect(SUBSTANTIVE_UPDATE_MINUTES).toBe(60);
  });
});

describe('listCorrections', () => {
  const story = (id: string, dates: number[]) => ({
    id,
    corrections: dates.map((m) => ({ date: after(m), text: `${id}/${m}` })),
  });

  it('lists every correction of every story newest first, with its place in its story', () => {
    const list = listCorrections([story('a', [10, 300]), story('b', []), story('c', [100])]);
    expect(list.map((c) => [c.article.id, c.index, c.text])).toEqual([
      ['a', 1, 'a/300'],
      ['c', 0, 'c/100'],
      ['a', 0, 'a/10'],
    ]);
  });

  it('keeps the order of the stories for corrections made at the same moment', () => {
    const list = listCorrections([story('newer', [50]), story('older', [50])]);
    expect(list.map((c) => c.article.id)).toEqual(['newer', 'older']);
  });
});

describe('corrections addresses', () => {
  it('gives each edition its own page under its own word', () => {
    expect(correctionsPath('es')).toBe('/es/correcciones/');
    expect(correctionsPath('en')).toBe('/en/corrections/');
  });

  it('numbers correction anchors from one', () => {
    expect(correctionAnchor(0)).toBe('correction-1');
  });
});
