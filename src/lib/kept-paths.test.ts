import { describe, expect, it } from 'vitest';
import {
  choosePaths,
  keptPathsFromLog,
  keptPathsMessage,
  outputFileOf,
  pageNameOf,
  parsePathKeys,
  pathKeysText,
} from './kept-paths';

const page = (pathname: string, cacheKey?: string) => ({
  pathname,
  route: { type: 'page' },
  cacheKey,
});

describe('outputFileOf', () => {
  it('writes a page as the index of its folder', () => {
    expect(outputFileOf('/en/2024/11/12/port-deal/', 'page')).toBe(
      'en/2024/11/12/port-deal/index.html',
    );
    expect(outputFileOf('/es/', 'page')).toBe('es/index.html');
    expect(outputFileOf('/', 'page')).toBe('index.html');
    expect(outputFileOf('/en/old-path', 'redirect')).toBe('en/old-path/index.html');
  });

  it('writes status pages beside the root, as Astro does', () => {
    expect(outputFileOf('/404', 'page')).toBe('404.html');
    expect(outputFileOf('/404/', 'page')).toBe('404.html');
  });

  it('keeps an endpoint’s own file name', () => {
    expect(outputFileOf('/es/feed.xml', 'endpoint')).toBe('es/feed.xml');
    expect(outputFileOf('/en/atom.xml/', 'endpoint')).toBe('en/atom.xml');
    expect(outputFileOf('/og/en/2024/11/12/port-deal.jpg', 'endpoint')).toBe(
      'og/en/2024/11/12/port-deal.jpg',
    );
    expect(outputFileOf('/es/etiqueta/política/', 'page')).toBe('es/etiqueta/política/index.html');
  });
});

describe('pageNameOf', () => {
  it('names pages as astro:build:done does with trailing slashes', () => {
    expect(pageNameOf('/en/')).toBe('en/');
    expect(pageNameOf('/404')).toBe('404/');
    expect(pageNameOf('/')).toBe('');
  });
});

describe('choosePaths', () => {
  const paths = [
    page('/en/', undefined),
    page('/en/a/', 'k1'),
    page('/en/b/', 'k2'),
    page('/en/c/', 'k3'),
  ];

  it('renders every path into a folder that starts empty', () => {
    const choice = choosePaths(paths, undefined);
    expect(choice.render).toEqual(paths);
    expect(choice.kept).toBe(0);
  });

  it('keeps a path whose key is unchanged and renders changed, new and unkeyed ones', () => {
    const previous = new Map([
      ['/en/', 'k0'],
      ['/en/a/', 'k1'],
      ['/en/b/', 'old'],
      ['/en/gone/', 'k9'],
    ]);
    const choice = choosePaths(paths, previous);
    expect(choice.render.map((p) => p.pathname)).toEqual(['/en/', '/en/b/', '/en/c/']);
    expect(choice.kept).toBe(1);
    // The keys remembered are this build's, for every keyed path, and no gone one.
    expect([...choice.keys]).toEqual([
      ['/en/a/', 'k1'],
      ['/en/b/', 'k2'],
      ['/en/c/', 'k3'],
    ]);
  });
});

describe('the keys file', () => {
  it('reads back what it wrote', () => {
    const keys = new Map([
      ['/en/a/', 'k1'],
      ['/es/b/', 'k2'],
    ]);
    expect(parsePathKeys(pathKeysText(keys))).toEqual(keys);
  });

  it('treats a missing or damaged file as no keys, so everything renders', () => {
    expect(parsePathKeys(null)).toBeUndefined();
    expect(parsePathKeys('{"/en/": "k"}')).toBeUndefined();
    expect(parsePathKeys('[["/en/", 3]]')).toBeUndefined();
    expect(parsePathKeys('[["/en/", "k"')).toBeUndefined();
  });
});

describe('the log line', () => {
  it('is parsed back with its counts', () => {
    const line = keptPathsMessage(25_373, 25_411);
    expect(line).toBe('kept 25,373 unchanged path(s) of 25,411; rendering 38');
    expect(keptPathsFromLog(`12:00 [kept-output] ${line}\n`)).toEqual({
      kept: 25_373,
      total: 25_411,
    });
    expect(keptPathsFromLog('nothing here')).toBeUndefined();
  });
});
