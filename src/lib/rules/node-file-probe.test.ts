import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFileProbe } from './node-file-probe';

const root = mkdtempSync(join(tmpdir(), 'file-probe-'));
mkdirSync(join(root, 'content/articles/2026'), { recursive: true });
writeFileSync(join(root, 'content/articles/2026/a.md'), 'text');
mkdirSync(join(root, 'content/articles/2025/desk/deep'), { recursive: true });
writeFileSync(join(root, 'content/articles/2025/desk/deep/c.md'), 'text');
writeFileSync(join(root, 'content/articles/top.md'), 'text');
symlinkSync(join(root, 'content/articles/2025'), join(root, 'content/articles/linked'));
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
    // As Node's recursive readdir lists them: a link to a folder is an
    // entry, and its files are listed through it too.
    const listed = probe.list('content/articles');
    expect([...listed].sort()).toEqual([
      '2025/desk/deep/c.md',
      '2026/a.jpg',
      '2026/a.md',
      '2026/b.jpg',
      'linked',
      'linked/desk/deep/c.md',
      'top.md',
    ]);
    const folder = join(root, 'content/articles');
    const byNode = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
    expect([...listed].sort()).toEqual(byNode.sort());
    expect(probe.list('content/articles/2025')).toEqual(['desk/deep/c.md']);
    expect(probe.list('content/authors')).toEqual([]);
  });
});
