import { describe, expect, it } from 'vitest';
import type { Prerenderer } from './prerenderer-chain';
import { recordsFirstPrerenderer, recordsKeysByBundle } from './search-index';
import { searchRecordsFolder } from '../lib/search';

const recordsPath = (lang: 'es' | 'en', bundle: string) =>
  `/${searchRecordsFolder(lang)}${bundle}.json`;

/** A prerenderer that takes a while over each path and notes what it was doing when. */
function slowBase(log: string[]): Prerenderer {
  return {
    name: 'base',
    getStaticPaths: async () => [],
    render: async (request) => {
      const path = new URL(request.url).pathname;
      log.push(`start ${path}`);
      await new Promise((done) => setTimeout(done, 15));
      log.push(`end ${path}`);
      return new Response(JSON.stringify([{ url: path }]), {
        headers: { 'content-type': 'application/json' },
      });
    },
  };
}

const render = (prerenderer: Prerenderer, path: string) =>
  prerenderer.render(new Request(`https://voz.us${path}`), {
    routeData: {} as never,
  });

const body = async (result: Awaited<ReturnType<Prerenderer['render']>>) =>
  (result instanceof Response ? result : result.response).text();

describe('recordsFirstPrerenderer: search records beside the pages, without a burst of memory', () => {
  it('renders one search records file at a time, while pages render beside it', async () => {
    const log: string[] = [];
    const handed: string[] = [];
    const prerenderer = recordsFirstPrerenderer(slowBase(log), {
      startEarly: (lang, bundle) => {
        handed.push(`${lang}/${bundle}`);
      },
      early: new Map(),
    });
    const paths = [
      recordsPath('es', '2025'),
      recordsPath('es', '2024'),
      recordsPath('en', '2025'),
      '/es/una-historia/',
    ];
    const results = await Promise.all(paths.map((path) => render(prerenderer, path)));

    // Each records file ends before the next one starts.
    const records = log.filter((line) => line.includes('search-records'));
    expect(records).toEqual(paths.slice(0, 3).flatMap((path) => [`start ${path}`, `end ${path}`]));
    // The page did not wait for the records queue.
    expect(log.indexOf('start /es/una-historia/')).toBeLessThan(
      log.indexOf(`end ${recordsPath('es', '2025')}`),
    );
    // Every records file went to the indexer, in order, and Astro still gets its bytes.
    expect(handed).toEqual(['es/2025', 'es/2024', 'en/2025']);
    expect(await Promise.all(results.map(body))).toEqual(
      paths.map((path) => JSON.stringify([{ url: path }])),
    );
  });

  it('goes on with the next records file when one fails to render', async () => {
    const handed: string[] = [];
    const base = slowBase([]);
    const failing: Prerenderer = {
      ...base,
      render: async (request, options) => {
        if (request.url.endsWith('2024.json')) throw new Error('a story without a body');
        return base.render(request, options);
      },
    };
    const prerenderer = recordsFirstPrerenderer(failing, {
      startEarly: (lang, bundle) => {
        handed.push(`${lang}/${bundle}`);
      },
      early: new Map(),
    });
    const [first, second, third] = await Promise.allSettled([
      render(prerenderer, recordsPath('es', '2025')),
      render(prerenderer, recordsPath('es', '2024')),
      render(prerenderer, recordsPath('es', '2023')),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({
      status: 'rejected',
      reason: { message: 'a story without a body' },
    });
    expect(third.status).toBe('fulfilled');
    expect(handed).toEqual(['es/2025', 'es/2023']);
  });
});

describe('search records handed over while the paths are listed', () => {
  it('does not hand a bundle rendered early to the indexer a second time', async () => {
    const handed: string[] = [];
    const early = new Map([['es/2025', Promise.resolve({} as never)]]);
    const prerenderer = recordsFirstPrerenderer(slowBase([]), {
      startEarly: (lang, bundle) => {
        handed.push(`${lang}/${bundle}`);
      },
      early,
    });
    const results = await Promise.all([
      render(prerenderer, recordsPath('es', '2025')),
      render(prerenderer, recordsPath('es', '2024')),
    ]);
    expect(handed).toEqual(['es/2024']);
    // Astro still writes both files.
    const [first] = results;
    expect(first && (await body(first))).toBe(JSON.stringify([{ url: recordsPath('es', '2025') }]));
  });

  it('finds the records files among the kept paths, whatever their trailing slash', () => {
    const keys = new Map([
      [recordsPath('es', '2025-h1'), 'a'],
      [`${recordsPath('en', '2026-11')}/`, 'b'],
      ['/es/una-historia/', 'c'],
      ['/es/buscar/', 'd'],
    ]);
    expect([...recordsKeysByBundle(keys)]).toEqual([
      ['es/2025-h1', 'a'],
      ['en/2026-11', 'b'],
    ]);
  });
});
