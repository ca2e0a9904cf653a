import type { Lang } from '../site';
import { buildSlot } from './build-slot';

/**
 * Search records handed to the indexer while the paths are still being
 * listed (README "Publishing"). A publish that changes one story renders
 * its bundle's records first among the pages, but the pages come only
 * after Astro has listed every path of the site (1.4 s at 10,000
 * articles, 10 s at 50,000), and an edit to an old story then waited for
 * Pagefind to re-index its year after the pages were done. The records
 * route lists its paths early among the routes, right after the catalogue
 * is made: when the kept work folder's records of a bundle were built with
 * another key, the route renders them there and then, and this hands them
 * to the indexer at once; the route's render later returns the same bytes.
 *
 * The route runs inside the built pages' bundle and the indexer in an
 * integration: one process, two module graphs, so they meet on globalThis.
 * Nothing is set outside a build into the kept work folder, and then the
 * route renders its records as always, when Astro asks for them.
 */
export interface EarlyRecords {
  /** Whether a bundle's records are to be rendered now: the kept file was built with another key, or there is none. */
  wanted(lang: Lang, bundle: string, cacheKey: string): boolean;
  /** Records rendered now: indexed at once, and kept for the route's render. */
  start(lang: Lang, bundle: string, bytes: Uint8Array): void;
  /** The records rendered early for a bundle, handed over once. */
  take(lang: Lang, bundle: string): Uint8Array | undefined;
  /**
   * The records guessed for a bundle before the pages were bundled
   * (speculative-records.ts), when the inputs the route makes now
   * (`inputs`, called only if there is such a guess) are those the guess
   * was made for; otherwise undefined, and the route makes the records.
   */
  confirmed(lang: Lang, bundle: string, inputs: () => string): Uint8Array | undefined;
  /** The bundles, as `lang/bundle`, whose guessed records `confirmed` handed over. */
  readonly taken: ReadonlySet<string>;
}

/** Records guessed for a bundle, and the inputs (`inputsWithEdits`) that confirm them. */
export interface RecordsGuess {
  inputs: string;
  bytes: Uint8Array;
}

const slot = buildSlot<EarlyRecords>('voz.earlySearchRecords');

/** The handshake a build set up, or undefined (dev, a build into an empty folder). */
export function earlyRecords(): EarlyRecords | undefined {
  return slot.get();
}

/** Sets (or, with undefined, removes) the handshake for this build. */
export function setEarlyRecords(value: EarlyRecords | undefined): void {
  slot.set(value);
}

/**
 * The handshake for one build. `previous` gives, by `lang/bundle`, the key
 * each kept records file was built with (the kept work folder's keys);
 * `start` receives the bytes of every bundle rendered early; `guesses`, by
 * `lang/bundle`, the records guessed before the pages were bundled (filled
 * at `astro:build:start`, read when the route lists its paths).
 */
export function createEarlyRecords(
  previous: ReadonlyMap<string, string>,
  start: (lang: Lang, bundle: string, bytes: Uint8Array) => void,
  guesses: ReadonlyMap<string, RecordsGuess> = new Map(),
): EarlyRecords {
  const rendered = new Map<string, Uint8Array>();
  const taken = new Set<string>();
  return {
    taken,
    confirmed(lang, bundle, inputs) {
      const key = `${lang}/${bundle}`;
      const guess = guesses.get(key);
      if (guess === undefined || guess.inputs !== inputs()) return undefined;
      taken.add(key);
      return guess.bytes;
    },
    wanted: (lang, bundle, cacheKey) => previous.get(`${lang}/${bundle}`) !== cacheKey,
    start(lang, bundle, bytes) {
      const key = `${lang}/${bundle}`;
      rendered.set(key, bytes);
      start(lang, bundle, bytes);
    },
    take(lang, bundle) {
      const key = `${lang}/${bundle}`;
      const bytes = rendered.get(key);
      rendered.delete(key);
      return bytes;
    },
  };
}
