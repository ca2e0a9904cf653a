import { describe, expect, it } from 'vitest';
import {
  loadBundles,
  pagefindSearch,
  readSearchRequest,
  resultView,
  searchQueryString,
} from './search-query';

describe('readSearchRequest', () => {
  it.each([
    ['', { query: '', section: '', author: '', order: 'newest' }],
    ['?q=pol%C3%ADtica', { query: 'política', section: '', author: '', order: 'newest' }],
    [
      '?q=++Corea+del++Norte+',
      { query: 'Corea del Norte', section: '', author: '', order: 'newest' },
    ],
    [
      '?q=rusia&section=world&author=staff&order=relevance',
      { query: 'rusia', section: 'world', author: 'staff', order: 'relevance' },
    ],
    ['?q=x&order=oldest', { query: 'x', section: '', author: '', order: 'newest' }],
  ] as const)('%s asks for %j', (search, request) => {
    expect(readSearchRequest(search)).toEqual(request);
  });
});

describe('searchQueryString', () => {
  it('leaves out empty fields and the default order', () => {
    expect(searchQueryString({ query: 'rusia', section: '', author: '', order: 'newest' })).toBe(
      '?q=rusia',
    );
    expect(searchQueryString({ query: '', section: '', author: '', order: 'newest' })).toBe('');
  });

  it('round-trips through readSearchRequest', () => {
    const request = {
      query: 'política exterior',
      section: 'world',
      author: 'staff',
      order: 'relevance',
    } as const;
    expect(readSearchRequest(searchQueryString(request))).toEqual(request);
  });
});

describe('pagefindSearch', () => {
  it('searches nothing when nothing is asked', () => {
    expect(pagefindSearch(readSearchRequest(''))).toBeUndefined();
  });

  it('orders newest first by default', () => {
    expect(pagefindSearch(readSearchRequest('?q=rusia'))).toEqual({
      term: 'rusia',
      options: { filters: {}, sort: { date: 'desc' } },
    });
  });

  it('leaves the order to Pagefind’s relevance when asked', () => {
    expect(pagefindSearch(readSearchRequest('?q=rusia&order=relevance'))).toEqual({
      term: 'rusia',
      options: { filters: {} },
    });
  });

  it('passes the section and author filters', () => {
    expect(
      pagefindSearch(readSearchRequest('?q=rusia&section=world&author=staff'))?.options.filters,
    ).toEqual({
      section: 'world',
      author: 'staff',
    });
  });

  it('lists a filter’s stories newest first when no words are given', () => {
    expect(pagefindSearch(readSearchRequest('?section=world&order=relevance'))).toEqual({
      term: null,
      options: { filters: { section: 'world' }, sort: { date: 'desc' } },
    });
  });
});

describe('resultView', () => {
  it('shows what the index stored, and a kind only when there is one', () => {
    const meta = {
      title: 'Titular',
      dek: 'Entradilla',
      date: '11 nov 2024',
      datetime: '2024-11-11T23:30:00-06:00',
      section: 'Mundo',
    };
    expect(resultView({ url: '/es/x/', meta })).toEqual({
      url: '/es/x/',
      headline: 'Titular',
      standfirst: 'Entradilla',
      date: '11 nov 2024',
      datetime: '2024-11-11T23:30:00-06:00',
      section: 'Mundo',
      kind: undefined,
    });
    expect(resultView({ url: '/es/x/', meta: { ...meta, kind: 'Análisis' } }).kind).toBe(
      'Análisis',
    );
  });
});

describe('loadBundles', () => {
  /** A stand-in for Pagefind's module that logs calls and answers merges only when told. */
  function fakePagefind() {
    const calls: string[] = [];
    const pending: (() => void)[] = [];
    const pagefind = {
      options: async (options: Record<string, unknown>) => {
        calls.push(`options ${JSON.stringify(options)}`);
      },
      init: async () => {
        calls.push('init');
      },
      mergeIndex: (path: string) => {
        calls.push(`merge ${path}`);
        return new Promise<void>((resolve) => pending.push(resolve));
      },
    };
    return { pagefind, calls, pending };
  }

  it('asks for every older bundle at once, newest first, before any has answered', async () => {
    const { pagefind, calls, pending } = fakePagefind();
    let done = false;
    const loaded = loadBundles(pagefind, '/es/buscar/pagefind/', [
      '2026-11',
      '2026-10',
      '2026-q3',
      '2025',
    ]).then((module) => {
      done = true;
      return module;
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // One after another, only the first merge would have been asked for by now.
    expect(calls).toEqual([
      'options {"baseUrl":"/"}',
      'init',
      'merge /es/buscar/pagefind/2026-10/',
      'merge /es/buscar/pagefind/2026-q3/',
      'merge /es/buscar/pagefind/2025/',
    ]);
    pending.slice(0, 2).forEach((resolve) => resolve());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(done).toBe(false); // ready only when every bundle is merged
    pending[2]?.();
    expect(await loaded).toBe(pagefind);
  });

  it('merges nothing when there is one bundle', async () => {
    const { pagefind, calls } = fakePagefind();
    await loadBundles(pagefind, '/en/search/pagefind/', ['2026-11']);
    expect(calls).toEqual(['options {"baseUrl":"/"}', 'init']);
  });
});
