import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  NAMED_READS_MAX,
  planLoad,
  readPatterns,
  trustedStamps,
  type SourceStamp,
  type StoredSource,
} from './trusted-stamps';

const stamp = (size: number, mtime = 1000): SourceStamp => [size, mtime, mtime, 7];
const stored = (file: string, extra: Partial<StoredSource> = {}): StoredSource => ({
  id: file.replace(/\.md$/, ''),
  filePath: `content/articles/${file}`,
  data: {},
  ...extra,
});

describe('planLoad: which article files a build reads', () => {
  const files = new Map<string, SourceStamp>([
    ['2026/a.md', stamp(10)],
    ['2026/b.md', stamp(20)],
  ]);
  const previous = { '2026/a.md': stamp(10), '2026/b.md': stamp(20) };
  const both = [stored('2026/a.md'), stored('2026/b.md')];

  it('reads nothing and keeps every entry when no file changed', () => {
    const plan = planLoad({ files, previous, stored: both, folder: 'content/articles' });
    expect(plan.read).toEqual([]);
    expect(plan.kept.map((e) => e.id)).toEqual(['2026/a', '2026/b']);
    expect(plan.gone).toEqual([]);
  });

  it.each([
    ['its size changed', { '2026/a.md': stamp(11), '2026/b.md': stamp(20) }],
    [
      'its time changed (an edit of the same length)',
      { '2026/a.md': stamp(10, 999), '2026/b.md': stamp(20) },
    ],
    ['the previous build never recorded it', { '2026/b.md': stamp(20) }],
  ])('reads a file when %s', (_, before) => {
    const plan = planLoad({ files, previous: before, stored: both, folder: 'content/articles' });
    expect(plan.read).toEqual(['2026/a.md']);
    expect(plan.kept.map((e) => e.id)).toEqual(['2026/b']);
  });

  it('reads a file the store has no entry for (a store cleared by new rules or --force)', () => {
    const plan = planLoad({ files, previous, stored: [], folder: 'content/articles' });
    expect(plan.read).toEqual(['2026/a.md', '2026/b.md']);
  });

  it('reads a new file and deletes the entry of a file that is gone', () => {
    const plan = planLoad({
      files: new Map([
        ['2026/a.md', stamp(10)],
        ['2026/new.md', stamp(5)],
      ]),
      previous,
      stored: both,
      folder: 'content/articles',
    });
    expect(plan.read).toEqual(['2026/new.md']);
    expect(plan.gone).toEqual(['2026/b']);
  });

  it('reads an unchanged file whose stored entry went stale (a scheduled story whose time came)', () => {
    const plan = planLoad({
      files,
      previous,
      stored: [stored('2026/a.md', { digest: 'x-unpublished' }), stored('2026/b.md')],
      folder: 'content/articles',
      stale: (entry) => String(entry.digest).endsWith('-unpublished'),
    });
    expect(plan.read).toEqual(['2026/a.md']);
  });

  it('deletes an entry stored from another folder or with no file', () => {
    const plan = planLoad({
      files,
      previous,
      stored: [
        ...both,
        stored('x.md', { filePath: 'content/pages/x.md' }),
        { id: 'orphan', data: {} },
      ],
      folder: 'content/articles',
    });
    expect(plan.gone).toEqual(['orphan', 'x']);
  });
});

describe('readPatterns: what the glob loader is given', () => {
  it('names the few changed files, escaped for the glob', () => {
    expect(readPatterns(['2026/a.md', '2026/b[1].md'], '**/*.md')).toEqual([
      '2026/a.md',
      '2026/b\\[1\\].md',
    ]);
  });

  it('gives the collection’s pattern when many files are to be read (a cold or cleared store)', () => {
    const many = Array.from({ length: NAMED_READS_MAX + 1 }, (_, i) => `2026/s${i}.md`);
    expect(readPatterns(many, '**/*.md')).toBe('**/*.md');
  });
});

describe('trustedStamps: the stamps it keeps', () => {
  it('keeps the same text for the same files, in name order, whatever order they are listed in', async () => {
    const root = mkdtempSync(join(tmpdir(), 'trusted-stamps-'));
    try {
      // Enough names, in two folders, that a listing in directory order is
      // not in name order.
      for (const folder of ['2025', '2026']) {
        mkdirSync(join(root, 'content', 'articles', folder), { recursive: true });
        for (let i = 0; i < 40; i += 1) {
          const name = `${((i * 7919) % 997).toString(36)}-story-${i}.md`;
          writeFileSync(join(root, 'content', 'articles', folder, name), `---\ntitle: ${i}\n---\n`);
        }
      }
      const meta = new Map<string, string>();
      const load = async () => {
        const loader = trustedStamps({ pattern: '**/*.md', base: './content/articles' }, () => ({
          name: 'reads-nothing',
          load: async () => undefined,
        }));
        await loader.load({
          config: { root: pathToFileURL(`${root}/`) },
          meta: {
            get: (key: string) => meta.get(key),
            set: (key: string, v: string) => meta.set(key, v),
          },
          store: { values: () => [], delete: () => undefined, addModuleImport: () => undefined },
        } as unknown as Parameters<typeof loader.load>[0]);
        return meta.get('source-stamps') ?? '';
      };
      const first = await load();
      const names = Object.keys(JSON.parse(first) as Record<string, unknown>);
      expect(names).toHaveLength(80);
      expect(names).toEqual([...names].sort());
      expect(await load()).toBe(first);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
