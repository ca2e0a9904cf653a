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

  it('gives a guessed bundle’s records only for the inputs the guess was made for', () => {
    const guess = { inputs: '{"shared":"s","stories":[["/es/a/","d2"]]}', bytes: bytes('[2]') };
    const early = createEarlyRecords(new Map(), () => undefined, new Map([['es/2025', guess]]));
    const asked: string[] = [];
    const inputs = (text: string) => () => {
      asked.push(text);
      return text;
    };
    expect(early.confirmed('es', '2025', inputs(guess.inputs))).toBe(guess.bytes);
    expect(early.confirmed('es', '2025', inputs('{"shared":"s","stories":[]}'))).toBeUndefined();
    // No guess for the bundle: the route's inputs are not even made.
    expect(early.confirmed('en', '2025', inputs('unused'))).toBeUndefined();
    expect(asked).not.toContain('unused');
    expect([...early.taken]).toEqual(['es/2025']);
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
