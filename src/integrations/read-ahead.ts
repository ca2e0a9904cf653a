import { readFileSync } from 'node:fs';
import { PUBLISH_GATE_ENV } from '../lib/publish-gate';

/**
 * The work folder's bookkeeping read while a build started ahead waits.
 *
 * A publish through `npm run publish:watch` goes through a build started
 * ahead (src/lib/publish-gate.ts): its Astro loads and then idles at a gate
 * until an editor saves. Once it goes on, its hooks read files the previous
 * build left, each as large as the archive: the keys of every path
 * (kept-output.ts), the list of every route's files, the output's listing
 * and its folders' memo, and the two caches of what was read from the built
 * files (built-files.ts): about 17 MB of JSON at 10,000 articles, and
 * parsing it took about 0.15 s of the publish's CPU, five times that at
 * 50,000. None of them depends on the saved change, so a build started
 * ahead reads and parses them before its gate, while it has nothing else
 * to do, and after the save only checks that each is still what it read.
 *
 * That check compares the file's bytes: another build may run while this
 * one waits (the lock is let go at the gate, scripts/build.mjs) and rewrite
 * any of them, or empty the work folder; a file that changed, appeared or
 * went is parsed again, so a build reads what it would have read without
 * this. Reading a few megabytes again and comparing them costs a few
 * milliseconds; parsing them, a hundred or more.
 *
 * Only a build started ahead (`VOZ_PUBLISH_GATE=1`) reads ahead; every
 * other build parses each file when its hook needs it, as before.
 */
export class ReadAhead {
  readonly #ahead = new Map<string, { bytes: Buffer | null; value: unknown }>();
  readonly #enabled: () => boolean;

  constructor(enabled: () => boolean = () => process.env[PUBLISH_GATE_ENV] === '1') {
    this.#enabled = enabled;
  }

  /**
   * Reads and parses `file` now when this build waits at a gate, for
   * `take` to hand over after it. `parse` gets the file's text, or null
   * when there is none; a file has one parser.
   */
  prepare(file: string, parse: (text: string | null) => unknown): void {
    if (!this.#enabled()) return;
    const bytes = readBytes(file);
    this.#ahead.set(file, { bytes, value: parse(textOf(bytes)) });
  }

  /**
   * `file` parsed by `parse`: the value read ahead when the file holds the
   * same bytes as then, else the file parsed now. A value read ahead is
   * handed over once (its taker may change it).
   */
  take<T>(file: string, parse: (text: string | null) => T): T {
    const ahead = this.#ahead.get(file);
    this.#ahead.delete(file);
    const bytes = readBytes(file);
    if (ahead !== undefined && sameBytes(ahead.bytes, bytes)) return ahead.value as T;
    return parse(textOf(bytes));
  }

  /** How many files wait to be taken (the tests). */
  get waiting(): number {
    return this.#ahead.size;
  }
}

/** The reads ahead of this process's build, shared by the integrations that own the files. */
export const workFolderReadAhead = new ReadAhead();

function readBytes(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

const textOf = (bytes: Buffer | null): string | null =>
  bytes === null ? null : bytes.toString('utf8');

function sameBytes(a: Buffer | null, b: Buffer | null): boolean {
  if (a === null || b === null) return a === b;
  return a.equals(b);
}
