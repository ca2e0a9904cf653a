import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bundleChanges,
  bundleStamp,
  bundleStampOf,
  closeIndexer,
  filesByBundle,
  indexRecords,
  namedByContent,
  servedBundleFile,
  writeBundle,
  bundlePlan,
  type BundleState,
  type IndexRecord,
} from './search-bundle';
import { listStamps } from '../../scripts/work-folder';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('servedBundleFile', () => {
  it.each([
    ['pagefind.js', true],
    ['pagefind-worker.js', true],
    ['pagefind-entry.json', true],
    ['pagefind.es_71f943b0a0.pf_meta', true],
    ['wasm.es.pagefind', true],
    ['fragment/es_71ebaa1.pf_fragment', true],
    ['index/es_e58228a.pf_index', true],
    ['filter/es_9ba54e8.pf_filter', true],
    ['wasm.unknown.pagefind', false],
    ['wasm.en.pagefind', false],
    ['pagefind-ui.js', false],
    ['pagefind-ui.css', false],
    ['pagefind-component-ui.js', false],
    ['pagefind-highlight.js', false],
  ])('%s is served with the Spanish bundle: %s', (path, served) => {
    expect(servedBundleFile(path, 'es')).toBe(served);
  });
});

describe('bundlePlan', () => {
  const state = (records: string, bundle: string): BundleState => ({
    records,
    bundle,
    files: 1,
    bytes: 1,
    stories: 1,
  });
  const previous = { '2026': state('r26', 'b26'), '2025': state('r25', 'b25') };

  it.each([
    [
      'a publish in the newest bundle indexes that bundle only',
      [
        { key: '2026', records: 'r26-edited', bundle: 'b26' },
        { key: '2025', records: 'r25', bundle: 'b25' },
      ],
      ['2026', '2025'],
      { index: ['2026'], keep: ['2025'], remove: [] },
    ],
    [
      'a build with no change indexes nothing',
      [
        { key: '2026', records: 'r26', bundle: 'b26' },
        { key: '2025', records: 'r25', bundle: 'b25' },
      ],
      ['2026', '2025'],
      { index: [], keep: ['2026', '2025'], remove: [] },
    ],
    [
      'a year whose folder was touched since is indexed again though its records are the same',
      [
        { key: '2026', records: 'r26', bundle: 'other' },
        { key: '2025', records: 'r25', bundle: 'b25' },
      ],
      ['2026', '2025'],
      { index: ['2026'], keep: ['2025'], remove: [] },
    ],
    [
      'a new year is indexed, a year with no story left is deleted, and so is anything else in the folder',
      [
        { key: '2027', records: 'r27', bundle: 'none' },
        { key: '2026', records: 'r26', bundle: 'b26' },
      ],
      ['2026', '2025', 'pagefind.js'],
      { index: ['2027'], keep: ['2026'], remove: ['2025', 'pagefind.js'] },
    ],
  ])('%s', (_, now, folders, expected) => {
    expect(bundlePlan(previous, now, folders)).toEqual(expected);
  });

  it('indexes every year when there is no previous build', () => {
    expect(bundlePlan({}, [{ key: '2026', records: 'r', bundle: 'b' }], [])).toEqual({
      index: ['2026'],
      keep: [],
      remove: [],
    });
  });
});

describe('bundleChanges', () => {
  /** A folder's files as bundleChanges sees them, noting which it read. */
  const folder = (files: Record<string, string>, read: string[] = []) =>
    new Map(
      Object.entries(files).map(([path, text]) => [
        path,
        {
          size: bytes(text).length,
          read: () => {
            read.push(path);
            return bytes(text);
          },
        },
      ]),
    );

  it('writes new and changed files, leaves equal ones and removes what the new bundle lacks', () => {
    const existing = folder({
      'pagefind-entry.json': '{"v":1}',
      'pagefind.js': 'search();',
      'fragment/es_old.pf_fragment': 'old story',
      'fragment/es_same.pf_fragment': 'same story',
    });
    const next = [
      { path: 'pagefind-entry.json', content: bytes('{"v":2}') },
      { path: 'pagefind.js', content: bytes('search();') },
      { path: 'fragment/es_same.pf_fragment', content: bytes('same story') },
      { path: 'fragment/es_new.pf_fragment', content: bytes('new story') },
    ];
    const { write, remove } = bundleChanges(existing, next);
    expect(write.map((file) => file.path)).toEqual([
      'pagefind-entry.json',
      'fragment/es_new.pf_fragment',
    ]);
    expect(remove).toEqual(['fragment/es_old.pf_fragment']);
  });

  it('reads only the files not named after their bytes, and only when their size is the same', () => {
    const read: string[] = [];
    const existing = folder(
      {
        'pagefind-entry.json': '{"v":1}',
        'pagefind.js': 'search();',
        'wasm.es.pagefind': 'wasm',
        'fragment/es_same.pf_fragment': 'same story',
        'index/es_same.pf_index': 'chunk',
        'filter/es_same.pf_filter': 'filter',
      },
      read,
    );
    const next = [
      { path: 'pagefind-entry.json', content: bytes('{"v":2}') },
      { path: 'pagefind.js', content: bytes('search(1);') },
      { path: 'wasm.es.pagefind', content: bytes('wasm') },
      { path: 'fragment/es_same.pf_fragment', content: bytes('same story') },
      { path: 'index/es_same.pf_index', content: bytes('chunk') },
      { path: 'filter/es_same.pf_filter', content: bytes('filter') },
    ];
    const { write } = bundleChanges(existing, next);
    expect(write.map((file) => file.path)).toEqual(['pagefind-entry.json', 'pagefind.js']);
    expect(read.sort()).toEqual(['pagefind-entry.json', 'wasm.es.pagefind']);
  });

  it('writes everything into an empty folder', () => {
    const next = [{ path: 'pagefind.js', content: bytes('x') }];
    expect(bundleChanges(new Map(), next)).toEqual({ write: next, remove: [] });
  });
});

describe('namedByContent', () => {
  it('is true of index chunks, fragments and filters, false of the files with fixed names', () => {
    expect(namedByContent('fragment/es_074f43d.pf_fragment')).toBe(true);
    expect(namedByContent('index/en_10bf83a.pf_index')).toBe(true);
    expect(namedByContent('filter/es_4adc74d.pf_filter')).toBe(true);
    for (const path of [
      'pagefind.js',
      'pagefind-entry.json',
      'wasm.es.pagefind',
      'pagefind-worker.js',
    ])
      expect(namedByContent(path)).toBe(false);
  });
});

function makeRecord(slug: string, content: string): IndexRecord {
  return {
    url: `/es/2024/11/12/${slug}/`,
    content,
    language: 'es',
    meta: { title: slug, dek: '', date: '12 nov 2024', datetime: '', section: 'Mundo' },
    filters: { section: ['world'], author: ['staff'] },
    sort: { date: '2024-11-12T16:30:00.000Z' },
  };
}

describe('an edition’s bundle on disk', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'voz-search-bundle-'));
  afterAll(async () => {
    await closeIndexer();
    rmSync(dir, { recursive: true, force: true });
  });
  const records = [
    makeRecord('tratado', 'Corea del Norte y Rusia ratifican su tratado de cooperación.'),
    makeRecord('presupuesto', 'El Congreso aprueba el presupuesto antes del plazo.'),
  ];

  it('is the same bytes for the same records', async () => {
    const first = await indexRecords(records, 'es');
    const second = await indexRecords(records, 'es');
    expect(second).toEqual(first);
    expect(first.map((file) => file.path)).toContain('pagefind.js');
  });

  it('keeps only the new fragments when a story changes', async () => {
    await writeBundle(dir, await indexRecords(records, 'es'));
    const changed = [
      records[0] as IndexRecord,
      makeRecord('presupuesto', 'Texto nuevo del presupuesto.'),
    ];
    const next = await indexRecords(changed, 'es');
    const done = await writeBundle(dir, next);
    expect(done.removed).toBeGreaterThan(0);
    const onDisk = listStamps(dir);
    expect([...onDisk.keys()].sort()).toEqual(next.map((file) => file.path).sort());
    const again = await writeBundle(dir, next);
    expect(again).toMatchObject({ written: 0, removed: 0 });
  });

  it('names a file after its bytes where namedByContent says so: same name, same bytes', async () => {
    // writeBundle trusts a file of such a name and size without reading it.
    const many = Array.from({ length: 40 }, (_, i) =>
      makeRecord(`historia-${i}`, `Texto de la historia número ${i} sobre el condado ${i % 7}.`),
    );
    const first = await indexRecords(many, 'es');
    const edited = many.map((record, i) =>
      i === 17 ? { ...record, content: `${record.content} Corregido el martes.` } : record,
    );
    const second = await indexRecords(edited, 'es');
    const before = new Map(first.map((file) => [file.path, file.content]));
    const hashed = second.filter((file) => namedByContent(file.path));
    expect(hashed.length).toBeGreaterThan(40);
    const kept = hashed.filter((file) => before.has(file.path));
    // The edited story's fragment, and the index chunks holding its words, were renamed.
    expect(kept.length).toBeLessThan(hashed.length);
    expect(kept.length).toBeGreaterThan(30);
    for (const file of kept) expect(file.content).toEqual(before.get(file.path));
  });
});

describe('a bundle’s stamp from the listing of the output', () => {
  const root = mkdtempSync(join(tmpdir(), 'voz-bundle-stamp-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('es/buscar/pagefind/2025/pagefind.js', 'js');
  write('es/buscar/pagefind/2025/fragment/es_1.pf_fragment', 'one');
  write('es/buscar/pagefind/2026-11/pagefind.js', 'js!');
  write('es/buscar/pagefind/stray.txt', 'x');
  write('es/buscar/index.html', '<html>');
  write('en/search/pagefind/2025/pagefind.js', 'js');

  it('groups the files of each bundle of one edition, by path inside the bundle', () => {
    const listing = new Map(
      [
        'es/buscar/pagefind/2025/pagefind.js',
        'es/buscar/pagefind/2025/fragment/es_1.pf_fragment',
        'es/buscar/pagefind/2026-11/pagefind.js',
        'es/buscar/pagefind/stray.txt',
        'es/buscar/index.html',
        'en/search/pagefind/2025/pagefind.js',
      ].map((path) => [path, { size: path.length }] as const),
    );
    const grouped = filesByBundle(listing, 'es/buscar/pagefind/');
    expect([...grouped.keys()].sort()).toEqual(['2025', '2026-11']);
    expect([...(grouped.get('2025')?.keys() ?? [])].sort()).toEqual([
      'fragment/es_1.pf_fragment',
      'pagefind.js',
    ]);
  });

  it('is the stamp read from the folder itself, and changes with a file’s size', () => {
    const listing = new Map([
      ['es/buscar/pagefind/2025/pagefind.js', { size: 2 }],
      ['es/buscar/pagefind/2025/fragment/es_1.pf_fragment', { size: 3 }],
    ]);
    const files = filesByBundle(listing, 'es/buscar/pagefind/').get('2025') ?? [];
    expect(bundleStampOf(files)).toBe(bundleStamp(join(root, 'es/buscar/pagefind/2025')));
    listing.set('es/buscar/pagefind/2025/pagefind.js', { size: 4 });
    const grown = filesByBundle(listing, 'es/buscar/pagefind/').get('2025') ?? [];
    expect(bundleStampOf(grown)).not.toBe(bundleStamp(join(root, 'es/buscar/pagefind/2025')));
  });
});
