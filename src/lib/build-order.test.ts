import { describe, expect, it } from 'vitest';
import { buildOrder } from './build-order';

const rules = {
  first: (path: string) => path.startsWith('records/'),
  spread: [(path: string) => path.startsWith('archive/')],
};

describe('buildOrder', () => {
  it('puts the first paths first and spreads the heavy ones evenly among the rest', () => {
    const pages = Array.from({ length: 9 }, (_, i) => `page/${i}`);
    const paths = ['archive/1', 'archive/2', ...pages, 'records/es', 'records/en'];
    expect(buildOrder(paths, rules)).toEqual([
      'records/es',
      'records/en',
      'page/0',
      'page/1',
      'page/2',
      'archive/1',
      'page/3',
      'page/4',
      'page/5',
      'archive/2',
      'page/6',
      'page/7',
      'page/8',
    ]);
  });

  it('keeps every path exactly once, the others in the order given', () => {
    const paths = [
      ...Array.from({ length: 600 }, (_, i) => `archive/${i}`),
      ...Array.from({ length: 25_000 }, (_, i) => `page/${i}`),
      'records/es',
    ];
    const ordered = buildOrder(paths, rules);
    expect([...ordered].sort()).toEqual([...paths].sort());
    expect(ordered.filter((path) => path.startsWith('page/'))).toEqual(
      paths.filter((path) => path.startsWith('page/')),
    );
    expect(ordered.filter((path) => path.startsWith('archive/'))).toEqual(
      paths.filter((path) => path.startsWith('archive/')),
    );
    // No two heavy paths side by side when there are more light ones.
    const together = ordered.filter(
      (path, i) => path.startsWith('archive/') && ordered[i + 1]?.startsWith('archive/'),
    );
    expect(together).toEqual([]);
  });

  it('leaves the heavy paths at the end when there is nothing to spread them among', () => {
    expect(buildOrder(['archive/1', 'records/es', 'archive/2'], rules)).toEqual([
      'records/es',
      'archive/1',
      'archive/2',
    ]);
  });

  it('spreads each group evenly among the others, so no run of cards or archives is left', () => {
    const paths = [
      ...Array.from({ length: 40 }, (_, i) => `page/${i}`),
      ...Array.from({ length: 6 }, (_, i) => `archive/${i}`),
      ...Array.from({ length: 30 }, (_, i) => `card/${i}`),
      'records/es',
    ];
    const ordered = buildOrder(paths, {
      first: rules.first,
      spread: [(path) => path.startsWith('archive/'), (path) => path.startsWith('card/')],
    });
    expect([...ordered].sort()).toEqual([...paths].sort());
    expect(ordered[0]).toBe('records/es');
    for (const kind of ['card/', 'archive/', 'page/']) {
      expect(ordered.filter((path) => path.startsWith(kind))).toEqual(
        paths.filter((path) => path.startsWith(kind)),
      );
    }
    // 30 cards among 46 others: never two in a row, and the first comes early.
    const together = ordered.filter(
      (path, i) => path.startsWith('card/') && ordered[i + 1]?.startsWith('card/'),
    );
    expect(together).toEqual([]);
    expect(ordered.indexOf('card/0')).toBeLessThan(4);
    expect(ordered.at(-1)?.startsWith('card/')).toBe(false);
    // The archives stay apart from each other too.
    const archives = ordered.flatMap((path, i) => (path.startsWith('archive/') ? [i] : []));
    const gaps = archives.slice(1).map((at, i) => at - (archives[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(8);
  });
});
