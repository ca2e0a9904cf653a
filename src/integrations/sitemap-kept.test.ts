import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  keptWhenUnchanged,
  readSitemapRecord,
  sitemapStillHolds,
  type SitemapRecord,
} from './sitemap-kept';

type DoneParams = Parameters<NonNullable<AstroIntegration['hooks']['astro:build:done']>>[0];
type ConfigDoneParams = Parameters<NonNullable<AstroIntegration['hooks']['astro:config:done']>>[0];

describe('sitemapStillHolds', () => {
  const record: SitemapRecord = {
    version: 1,
    inputs: 'abc',
    files: [
      ['sitemap-0.xml', 120, 1000],
      ['sitemap-index.xml', 40, 1001],
    ],
  };
  const asWritten = (name: string) =>
    name === 'sitemap-0.xml' ? { size: 120, mtimeMs: 1000 } : { size: 40, mtimeMs: 1001 };

  it('holds for the same inputs with every file as it was written', () => {
    expect(sitemapStillHolds(record, 'abc', asWritten)).toBe(true);
  });

  it('does not hold for other inputs, no record, or a record of no files', () => {
    expect(sitemapStillHolds(record, 'abd', asWritten)).toBe(false);
    expect(sitemapStillHolds(undefined, 'abc', asWritten)).toBe(false);
    expect(sitemapStillHolds({ ...record, files: [] }, 'abc', asWritten)).toBe(false);
  });

  it('does not hold when a file it wrote is gone or was written since', () => {
    expect(
      sitemapStillHolds(record, 'abc', (name) =>
        name === 'sitemap-0.xml' ? undefined : asWritten(name),
      ),
    ).toBe(false);
    expect(
      sitemapStillHolds(record, 'abc', (name) =>
        name === 'sitemap-0.xml' ? { size: 120, mtimeMs: 2000 } : asWritten(name),
      ),
    ).toBe(false);
    expect(
      sitemapStillHolds(record, 'abc', (name) =>
        name === 'sitemap-0.xml' ? { size: 121, mtimeMs: 1000 } : asWritten(name),
      ),
    ).toBe(false);
  });
});

describe('readSitemapRecord', () => {
  it('reads what keptWhenUnchanged writes, and nothing else', () => {
    const record: SitemapRecord = { version: 1, inputs: 'x', files: [['sitemap-0.xml', 1, 2]] };
    expect(readSitemapRecord(JSON.stringify(record))).toEqual(record);
    expect(readSitemapRecord(null)).toBeUndefined();
    expect(readSitemapRecord('{not json')).toBeUndefined();
    expect(readSitemapRecord(JSON.stringify({ ...record, version: 2 }))).toBeUndefined();
    expect(
      readSitemapRecord(JSON.stringify({ ...record, files: [['a', '1', 2]] })),
    ).toBeUndefined();
  });
});

describe('keptWhenUnchanged', () => {
  let dir: string;
  let recordFile: string;
  let writes: number;
  let inputs: string;
  let failing: boolean;
  let logged: string[];

  // Stands in for @astrojs/sitemap: writes an index and one sitemap of the pages.
  const sitemap: AstroIntegration = {
    name: '@astrojs/sitemap',
    hooks: {
      'astro:build:done': ({ pages }) => {
        if (failing) throw new Error('disk full');
        writes += 1;
        writeFileSync(join(dir, 'sitemap-index.xml'), '<sitemapindex/>');
        // One part per two pages, as @astrojs/sitemap splits at its entry limit.
        for (let part = 0; part * 2 < pages.length; part += 1) {
          const inPart = pages.slice(part * 2, part * 2 + 2).map((p) => p.pathname);
          writeFileSync(join(dir, `sitemap-${part}.xml`), inPart.join('\n'));
        }
      },
    },
  };

  const wrapped = () =>
    keptWhenUnchanged(sitemap, {
      inputs: (pages) => `${inputs}:${pages.map((p) => p.pathname).join(',')}`,
      files: /^sitemap-(index|\d+)\.xml$/,
      recordFile: () => recordFile,
    });

  async function build(integration: AstroIntegration, pages = ['es/', 'en/']) {
    await integration.hooks['astro:config:done']?.({ config: {} } as unknown as ConfigDoneParams);
    await integration.hooks['astro:build:done']?.({
      dir: pathToFileURL(`${dir}/`),
      pages: pages.map((pathname) => ({ pathname })),
      logger: { info: (message: string) => logged.push(message) },
    } as unknown as DoneParams);
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitemap-kept-'));
    recordFile = join(dir, '.cache', 'sitemap.json');
    writes = 0;
    inputs = 'heads-1';
    failing = false;
    logged = [];
    writeFileSync(join(dir, 'other.xml'), 'not a sitemap');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the sitemap once, then keeps it while its inputs and files stay the same', async () => {
    const integration = wrapped();
    await build(integration);
    expect(writes).toBe(1);
    const record = readSitemapRecord(readFileSync(recordFile, 'utf8'));
    expect(record?.files.map(([name]) => name)).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);

    await build(integration);
    expect(writes).toBe(1);
    expect(logged.some((line) => line.includes('sitemap unchanged'))).toBe(true);
    expect(readFileSync(join(dir, 'sitemap-0.xml'), 'utf8')).toBe('es/\nen/');
  });

  it('writes it again when a page is added or a head changes', async () => {
    const integration = wrapped();
    await build(integration);
    await build(integration, ['es/', 'en/', 'en/new/']);
    expect(writes).toBe(2);
    expect(readFileSync(join(dir, 'sitemap-1.xml'), 'utf8')).toBe('en/new/');
    inputs = 'heads-2';
    await build(integration, ['es/', 'en/', 'en/new/']);
    expect(writes).toBe(3);
  });

  it('leaves no part behind when the site shrinks below it', async () => {
    const integration = wrapped();
    await build(integration, ['es/', 'en/', 'en/new/']);
    expect(existsSync(join(dir, 'sitemap-1.xml'))).toBe(true);
    await build(integration, ['es/', 'en/']);
    expect(writes).toBe(2);
    expect(existsSync(join(dir, 'sitemap-1.xml'))).toBe(false);
    expect(readFileSync(join(dir, 'other.xml'), 'utf8')).toBe('not a sitemap');
  });

  it('writes it again when a file it wrote was removed or rewritten since', async () => {
    const integration = wrapped();
    await build(integration);
    rmSync(join(dir, 'sitemap-index.xml'));
    await build(integration);
    expect(writes).toBe(2);
    expect(existsSync(join(dir, 'sitemap-index.xml'))).toBe(true);

    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'sitemap-0.xml'), later, later);
    await build(integration);
    expect(writes).toBe(3);
  });

  it('leaves no record when the sitemap fails to be written, so the next build writes it', async () => {
    const integration = wrapped();
    await build(integration);
    inputs = 'heads-2';
    failing = true;
    await expect(build(integration)).rejects.toThrow('disk full');
    expect(existsSync(recordFile)).toBe(false);
    failing = false;
    inputs = 'heads-1';
    await build(integration);
    expect(writes).toBe(2);
  });

  it('leaves an integration without a build:done hook as it is', () => {
    const other: AstroIntegration = { name: 'other', hooks: {} };
    expect(keptWhenUnchanged(other, { inputs: () => '', files: /x/, recordFile: () => '' })).toBe(
      other,
    );
  });
});
