import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from '../scripts/project-copy.mjs';
import { build, snapshot, write } from './project-builds';

// A journalist adds a fourth update to a live story with three and saves:
// the rebuild renders only what shows that story, the story's feed item
// changes only its date, and the result is byte for byte what a full build
// gives (README, "Live coverage").

const ROOT = join(import.meta.dirname, '..');
const LIVE = 'content/articles/2026/en-vivo-tormenta-invernal-norte-texas.md';
const LIVE_PAGE = 'es/2026/11/27/en-vivo-tormenta-invernal-norte-texas/index.html';
const FOURTH = `updates:
  - date: 2026-11-27T16:20:00-06:00
    author: daniela-ortiz
    text: El aeropuerto de DFW reanuda los despegues tras cinco horas de cierre.
`;

/** The `<li id="update-…">` anchors of a live page, in page order. */
const anchors = (html: string) => [...html.matchAll(/<li id="(update-[\d-]+)"/g)].map((m) => m[1]);

const xml = new XMLParser({ isArray: (name) => name === 'item' });
function feedItems(
  dir: string,
): { link: string; pubDate: string; 'atom:updated'?: string; title: string }[] {
  return xml.parse(readFileSync(join(dir, 'dist/es/rss.xml'), 'utf8')).rss.channel.item;
}

test('adding a live update rebuilds only that story and equals a full build', () => {
  test.setTimeout(360_000);
  const dir = copyProject('live-update');
  try {
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    const first = build(dir);
    expect(first.ok, first.output).toBe(true);
    const before = new Map(snapshot(dir).map((line) => line.split(' ') as [string, string]));
    const itemsBefore = feedItems(dir);
    expect(anchors(readFileSync(join(dir, 'dist', LIVE_PAGE), 'utf8'))).toHaveLength(3);

    const source = readFileSync(join(dir, LIVE), 'utf8');
    expect(source).toContain('updates:\n');
    write(dir, LIVE, source.replace('updates:\n', FOURTH));
    const added = build(dir);
    expect(added.ok, added.output).toBe(true);
    const incremental = snapshot(dir);

    // The new update is first, with its own anchor.
    const page = readFileSync(join(dir, 'dist', LIVE_PAGE), 'utf8');
    expect(anchors(page)).toEqual([
      'update-20261127-162000',
      'update-20261127-130500',
      'update-20261127-094000',
      'update-20261127-071500',
    ]);
    expect(page).toContain('reanuda los despegues');

    // No other article page changed.
    const changed = incremental
      .map((line) => line.split(' ') as [string, string])
      .filter(([file, hash]) => before.get(file) !== hash)
      .map(([file]) => file);
    const articlePages = changed.filter((f) =>
      /^(es|en)\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f),
    );
    expect(articlePages).toEqual([LIVE_PAGE]);

    // In the edition feed only that item changed its date of change, to the
    // new update's time; publication dates and order stay.
    const itemsAfter = feedItems(dir);
    expect(itemsAfter.map((i) => [i.link, i.pubDate])).toEqual(
      itemsBefore.map((i) => [i.link, i.pubDate]),
    );
    const moved = itemsAfter.filter(
      (item, i) => item['atom:updated'] !== itemsBefore[i]?.['atom:updated'],
    );
    expect(moved.map((i) => i.link)).toEqual([
      'https://voz.us/es/2026/11/27/en-vivo-tormenta-invernal-norte-texas/',
    ]);
    expect(moved[0]?.['atom:updated']).toBe('2026-11-27T22:20:00.000Z');

    const full = build(dir, {}, ['--force']);
    expect(full.ok, full.output).toBe(true);
    expect(incremental).toEqual(snapshot(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
