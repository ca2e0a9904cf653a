import { afterEach, describe, expect, it } from 'vitest';
import { createEarlyRecords, earlyRecords, setEarlyRecords } from './early-records';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('search records rendered while the paths are listed', () => {
  afterEach(() => setEarlyRecords(undefined));

  it('wants a bundle whose kept records were built with another key, or that has none', () => {
    const early = createEarlyRecords(
      new Map([
        ['es/2025-h1', 'old'],
        ['en/2026-11', 'same'],
      ]),
      () => undefined,
    );
    expect(early.wanted('es', '2025-h1', 'new')).toBe(true);
    expect(early.wanted('en', '2026-11', 'same')).toBe(false);
    // A bundle the kept folder does not have yet (a new month).
    expect(early.wanted('es', '2026-12', 'any')).toBe(true);
  });

  it('hands the records to the indexer at once and to the render once', () => {
    const indexed: string[] = [];
    const early = createEarlyRecords(new Map(), (lang, bundle, records) => {
      indexed.push(`${lang}/${bundle}:${new TextDecoder().decode(records)}`);
    });
    early.start('es', '2025-h1', bytes('[1]'));
    expect(indexed).toEqual(['es/2025-h1:[1]']);
    expect(new TextDecoder().decode(early.take('es', '2025-h1'))).toBe('[1]');
    // Taken: a second render renders them itself.
    expect(early.take('es', '2025-h1')).toBeUndefined();
    expect(early.take('en', '2025-h1')).toBeUndefined();
  });

  it('is shared through the process, and gone once the build removes it', () => {
    expect(earlyRecords()).toBeUndefined();
    const early = createEarlyRecords(new Map(), () => undefined);
    setEarlyRecords(early);
    expect(earlyRecords()).toBe(early);
    setEarlyRecords(undefined);
    expect(earlyRecords()).toBeUndefined();
  });
});
