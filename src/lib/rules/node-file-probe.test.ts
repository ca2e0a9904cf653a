import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFileProbe } from './node-file-probe';

const root = mkdtempSync(join(tmpdir(), 'file-probe-'));
mkdirSync(join(root, 'content/articles/2026'), { recursive: true });
writeFileSync(join(root, 'content/articles/2026/a.md'), 'text');
writeFileSync(join(root, 'content/articles/2026/a.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
symlinkSync(join(root, 'content/articles/2026/a.jpg'), join(root, 'content/articles/2026/b.jpg'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('nodeFileProbe', () => {
  const probe = nodeFileProbe(root);

  it('tells files, folders, symbolic links and missing paths apart without following links', () => {
    expect(probe.kind('content/articles/2026/a.jpg')).toBe('file');
    expect(probe.kind('content/articles/2026/b.jpg')).toBe('symlink');
    expect(probe.kind('content/articles/2026')).toBe('directory');
    expect(probe.kind('content/articles/2026/none.jpg')).toBe('missing');
  });

  it('reads only the first bytes of a file', () => {
    expect([...probe.head('content/articles/2026/a.jpg', 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('lists a folder recursively with / separators, and an absent folder as empty', () => {
    expect(probe.list('content/articles').sort()).toEqual([
      '2026/a.jpg',
      '2026/a.md',
      '2026/b.jpg',
    ]);
    expect(probe.list('content/authors')).toEqual([]);
  });
});
