import { describe, expect, it } from 'vitest';
import {
  NAMED_READS_MAX,
  planLoad,
  readPatterns,
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
