import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadAhead } from './read-ahead';

describe('ReadAhead: the work folder’s files parsed before the gate', () => {
  let dir = '';
  let file = '';
  // Counts the parses, so a test sees whether the file was parsed again.
  let parses = 0;
  const parse = (text: string | null) => {
    parses += 1;
    return text === null ? null : (JSON.parse(text) as unknown);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'read-ahead-'));
    file = join(dir, 'keys.json');
    parses = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hands over what it parsed ahead when the file is unchanged, without parsing it again', () => {
    writeFileSync(file, JSON.stringify({ page: 'a' }));
    const ahead = new ReadAhead(() => true);
    ahead.prepare(file, parse);
    expect(parses).toBe(1);
    expect(ahead.take(file, parse)).toEqual({ page: 'a' });
    expect(parses).toBe(1);
  });

  it('parses again a file another build rewrote while this one waited', () => {
    writeFileSync(file, JSON.stringify({ page: 'a' }));
    const ahead = new ReadAhead(() => true);
    ahead.prepare(file, parse);
    // Same length, other bytes: a size check alone would miss it.
    writeFileSync(file, JSON.stringify({ page: 'b' }));
    expect(ahead.take(file, parse)).toEqual({ page: 'b' });
    expect(parses).toBe(2);
  });

  it('sees a file removed (the work folder emptied) or written since the read', () => {
    writeFileSync(file, '[1]');
    const ahead = new ReadAhead(() => true);
    ahead.prepare(file, parse);
    rmSync(file);
    expect(ahead.take(file, parse)).toBeNull();

    const later = join(dir, 'later.json');
    ahead.prepare(later, parse);
    writeFileSync(later, '[2]');
    expect(ahead.take(later, parse)).toEqual([2]);
  });

  it('hands a value over once: a second taker gets its own parse', () => {
    writeFileSync(file, '{"a":1}');
    const ahead = new ReadAhead(() => true);
    ahead.prepare(file, parse);
    const first = ahead.take(file, parse) as { a: number };
    first.a = 99; // the first taker may change what it was given
    expect(ahead.take(file, parse)).toEqual({ a: 1 });
    expect(ahead.waiting).toBe(0);
  });

  it('reads nothing ahead in a build that does not wait at a gate', () => {
    writeFileSync(file, '{"a":1}');
    const ahead = new ReadAhead(() => false);
    ahead.prepare(file, parse);
    expect(parses).toBe(0);
    expect(ahead.waiting).toBe(0);
    writeFileSync(file, '{"a":2}');
    expect(ahead.take(file, parse)).toEqual({ a: 2 });
  });

  it('reads ahead only when the build is gated (VOZ_PUBLISH_GATE=1) by default', () => {
    writeFileSync(file, '{"a":1}');
    const before = process.env.VOZ_PUBLISH_GATE;
    try {
      process.env.VOZ_PUBLISH_GATE = '';
      const plain = new ReadAhead();
      plain.prepare(file, parse);
      expect(plain.waiting).toBe(0);
      process.env.VOZ_PUBLISH_GATE = '1';
      const gated = new ReadAhead();
      gated.prepare(file, parse);
      expect(gated.waiting).toBe(1);
    } finally {
      if (before === undefined) delete process.env.VOZ_PUBLISH_GATE;
      else process.env.VOZ_PUBLISH_GATE = before;
    }
  });
});
