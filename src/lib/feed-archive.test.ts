import { describe, expect, it } from 'vitest';
import {
  archiveFeed,
  archiveName,
  endsDocument,
  fnv1a,
  getFeedSize,
  type ArchivePage,
} from './feed-archive';

/** Permalinks of stories 1…n (1 the oldest), newest first, as the catalogue lists them. */
const stories = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => `/es/2025/01/01/story-${from + n - 1 - i}/`);
const archive = (newestFirst: readonly string[], size: number) =>
  archiveFeed(newestFirst, size, (path) => path, archiveName);

/** A document as a reader's feed client sees it: its name, stories and links. */
const shown = (page: ArchivePage<string>) => JSON.stringify(page);

// RFC 5005 §4 (archived feeds): archive documents together with the current
// feed hold the whole history, and published archive documents do not change.
describe('archiveFeed', () => {
  it('FNV-1a gives the published test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('cuts documents after boundary stories, or at the document size, oldest first', () => {
    const newestFirst = stories(200);
    const { pages } = archive(newestFirst, 10);
    const oldestFirst = [...newestFirst].reverse();
    let start = 0;
    for (const page of pages) {
      const items = oldestFirst.slice(start, start + page.items.length);
      expect(page.items).toEqual([...items].reverse());
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.length).toBeLessThanOrEqual(10);
      // Only the last story of a document may be a boundary, and a
      // document without one is full.
      expect(items.slice(0, -1).filter((key) => endsDocument(key, 10))).toEqual([]);
      if (!endsDocument(items.at(-1) ?? '', 10)) expect(items).toHaveLength(10);
      start += items.length;
    }
    // Both kinds of end happen in 200 stories.
    expect(pages.some((p) => p.items.length < 10)).toBe(true);
    expect(pages.some((p) => p.items.length === 10)).toBe(true);
    // What is left is in the current feed, the newest 10.
    expect(oldestFirst.length - start).toBeLessThanOrEqual(10);
    // Every document's oldest story is older than the current feed's.
    for (const page of pages) {
      expect(newestFirst.indexOf(page.items.at(-1) ?? '')).toBeGreaterThanOrEqual(10);
    }
  });

  it('publishes no document that would only repeat the current feed', () => {
    for (let count = 0; count <= 12; count += 1) {
      expect(archive(stories(count), 12).pages, `${count} stories`).toEqual([]);
    }
    const { pages } = archive(stories(13), 12);
    expect(pages.length).toBeLessThanOrEqual(1);
    expect(pages.flatMap((p) => p.items)).toContain(stories(13).at(-1));
  });

  it('names each document after its oldest story and links it to its neighbours', () => {
    const { pages, newest } = archive(stories(60), 6);
    expect(pages.length).toBeGreaterThan(2);
    for (const [index, page] of pages.entries()) {
      expect(page.name).toBe(archiveName(page.items.at(-1) ?? ''));
      expect(page.prev).toBe(pages[index - 1]?.name);
      expect(page.next).toBe(pages[index + 1]?.name);
    }
    expect(newest).toBe(pages.at(-1)?.name);
    expect(archive([], 6)).toEqual({ pages: [], newest: undefined });
  });

  it('names a document by its story’s date and slug', () => {
    expect(archiveName('/es/2025/09/07/la-oficina/')).toBe('2025-09-07-la-oficina');
    expect(archiveName('/en/2024/01/02/x/')).toBe('2024-01-02-x');
  });

  it('leaves every story either in an archive document or among the newest a current feed carries', () => {
    for (const size of [1, 2, 3, 4, 7, 50]) {
      for (let count = 0; count < 120; count += 1) {
        const all = stories(count);
        const archived = archive(all, size).pages.flatMap((p) => p.items);
        expect(new Set(archived).size, `${count} stories, size ${size}`).toBe(archived.length);
        const current = all.slice(0, size);
        expect(new Set([...archived, ...current])).toEqual(new Set(all));
      }
    }
  });

  it('never changes an existing document when a story is added, but for the newest one’s next link', () => {
    for (let count = 1; count < 80; count += 1) {
      const before = archive(stories(count), 4).pages;
      const after = new Map(archive(stories(count + 1), 4).pages.map((p) => [p.name, p]));
      for (const [index, page] of before.entries()) {
        const now = after.get(page.name);
        expect(now?.items).toEqual(page.items);
        expect(now?.prev).toBe(page.prev);
        if (index < before.length - 1) expect(now?.next).toBe(page.next);
      }
    }
  });

  it('changes, when one story goes, only the documents from its own to the next boundary, and their neighbours', () => {
    const size = 8;
    const all = stories(300);
    const before = archive(all, size).pages;
    const oldestFirst = [...all].reverse();
    for (let gone = 0; gone < oldestFirst.length; gone += 1) {
      const removed = oldestFirst[gone] ?? '';
      const after = archive(
        all.filter((key) => key !== removed),
        size,
      ).pages;
      const afterByName = new Map(after.map((p) => [p.name, shown(p)]));
      // The next boundary strictly after the removed story, oldest first.
      const next = oldestFirst.findIndex((key, i) => i > gone && endsDocument(key, size));
      const changed = before.filter((page) => afterByName.get(page.name) !== shown(page));
      // The newest document may be held back (its oldest story now among
      // the newest `size`), and its older neighbour loses its next link.
      const newest = before.at(-1);
      const heldBack =
        newest !== undefined && !afterByName.has(newest.name) && !newest.items.includes(removed);
      const held = heldBack ? before.slice(-2).map((p) => p.name) : [];
      for (const page of changed.filter((p) => !held.includes(p.name))) {
        const oldest = oldestFirst.indexOf(page.items.at(-1) ?? '');
        const newestIndex = oldestFirst.indexOf(page.items[0] ?? '');
        // Changed: documents that held stories from the removed one to the
        // next boundary, and the neighbours on either side (their links).
        const touches = newestIndex >= gone - size && (next === -1 || oldest <= next + 1);
        expect(touches, `${removed} changed ${page.name}`).toBe(true);
      }
      expect(changed.length, removed).toBeLessThan(before.length / 4);
    }
  });

  it('refuses a document size that is not a positive whole number', () => {
    expect(() => archive(stories(3), 0)).toThrow(/whole number/);
  });

  it('refuses names that two documents would share', () => {
    expect(() =>
      archiveFeed(
        stories(20),
        2,
        (key) => key,
        () => 'same',
      ),
    ).toThrow(/same name/);
  });
});

describe('getFeedSize', () => {
  it.each([
    [{}, 50],
    [{ FEED_SIZE: '' }, 50],
    [{ FEED_SIZE: '5' }, 5],
  ])('reads %o as %i', (env, size) => {
    expect(getFeedSize(50, env)).toBe(size);
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => getFeedSize(50, { FEED_SIZE: '2.5' })).toThrow(/FEED_SIZE="2.5"/);
  });
});
