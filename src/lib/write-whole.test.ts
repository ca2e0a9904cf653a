import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileWhole } from './write-whole';

describe('writeFileWhole', () => {
  const dir = mkdtempSync(join(tmpdir(), 'write-whole-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces a file with the new bytes and leaves nothing staged beside it', async () => {
    const file = join(dir, 'card.jpg');
    writeFileSync(file, 'old');
    await writeFileWhole(file, Buffer.from('new bytes'));
    expect(readFileSync(file, 'utf8')).toBe('new bytes');
    expect(readdirSync(dir)).toEqual(['card.jpg']);
  });
});
