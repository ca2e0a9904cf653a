import { expect, test } from '@playwright/test';
import { cpSync, linkSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyProject } from '../scripts/project-copy.mjs';
import { keptPathsFromLog } from '../src/lib/kept-paths';
import { article, BASE, build, snapshot, write } from './project-builds';

// Incremental builds (src/lib/kept-paths.ts, with the catalogue's cache
// keys) leave unchanged pages as the previous build wrote them. An editor must
// be able to trust the result: after an edit, the site has to be exactly what
// a full build of the same content gives, byte for byte.

const ROOT = join(import.meta.dirname, '..');
const HEADLINE_EDIT = 'content/articles/2024/north-korea-russia-treaty.md';
const BODY_EDIT = 'content/articles/2026/texas-jobless-rate-october.md';
const UNPUBLISH = 'content/articles/2026/gasolina-texas-accion-de-gracias.md';

/** What scripts/build.mjs says it did to the live folder: files written, unchanged, removed. */
function swapped(output: string): { written: number; unchanged: number; removed: number } {
  const match =
    /updated from the new build: ([\d,]+) file\(s\) written, ([\d,]+) unchanged, ([\d,]+) removed/.exec(
      output,
    );
  const count = (text: string | undefined) => Number((text ?? 'NaN').replace(/,/g, ''));
  return { written: count(match?.[1]), unchanged: count(match?.[2]), removed: count(match?.[3]) };
}

/** How many paths a build left as the previous one wrote them instead of rendering. */
function reused(output: string): number {
  return keptPathsFromLog(output)?.kept ?? 0;
}

test.describe('incremental builds', () => {
  test.describe.configure({ timeout: 360_000 });

  test('after an edit, reuse unchanged pages and equal a full build byte for byte', () => {
    const dir = copyProject('incremental');
    try {
      cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
      const cold = build(dir);
      expect(cold.ok, cold.output).toBe(true);
      expect(reused(cold.output)).toBe(0);
      const first = snapshot(dir);

      // Nothing changed: every keyed page is reused and the site is the same.
      const warm = build(dir);
      expect(warm.ok, warm.output).toBe(true);
      expect(reused(warm.output)).toBeGreaterThan(20);
      // The sitemap would come out the same: its files are left as they are.
      expect(warm.output).toContain('sitemap unchanged: its files are kept as they are');
      expect(snapshot(dir)).toEqual(first);

      // A new headline (shown on fronts, listings, related stories, the
      // Spanish version's "Read in English" link and the share card), a
      // corrected paragraph, and a story taken down.
      const path = (file: string) => join(dir, file);
      const headline = 'North Korea and Russia bring their defense treaty into force';
      write(
        dir,
        HEADLINE_EDIT,
        readFileSync(path(HEADLINE_EDIT), 'utf8').replace(/^title: .*$/m, `title: '${headline}'`),
      );
      write(
        dir,
        BODY_EDIT,
        `${readFileSync(path(BODY_EDIT), 'utf8')}\nA late paragraph the desk added.\n`,
      );
      write(
        dir,
        UNPUBLISH,
        readFileSync(path(UNPUBLISH), 'utf8').replace(/^---\n/, '---\ndraft: true\n'),
      );
      const edited = build(dir);
      expect(edited.ok, edited.output).toBe(true);
      expect(reused(edited.output)).toBeGreaterThan(10);
      // A story taken down leaves the sitemap: it is written again.
      expect(edited.output).toContain('`sitemap-index.xml` created');
      // The edited stories' search bundles were indexed from records guessed
      // before the pages were bundled, and the bundle's inputs, story by
      // story, confirmed them without the records being made again
      // (src/lib/speculative-records.ts).
      expect(edited.output).toMatch(
        /search index en: .*started before the pages were bundled, \d+ guessed and confirmed by its inputs\)/,
      );
      expect(edited.output).not.toContain('guessed wrong');
      // The content store, saved after the site went live, holds the edit,
      // so the next build does not read the edited sources again.
      expect(edited.output).not.toContain('failed while saving the content store');
      expect(readFileSync(path('.cache/astro/data-store.json'), 'utf8')).toContain(headline);
      const incremental = snapshot(dir);
      expect(incremental).not.toEqual(first);

      const full = build(dir, {}, ['--force']);
      expect(full.ok, full.output).toBe(true);
      expect(reused(full.output)).toBe(0);
      expect(incremental).toEqual(snapshot(dir));

      const front = readFileSync(path('dist/en/index.html'), 'utf8');
      expect(front).toContain(headline);
      expect(incremental.join('\n')).not.toContain('gasolina-texas-accion-de-gracias');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('a search bundle guessed wrong before the pages were bundled is indexed again', () => {
    const dir = copyProject('guessed-records');
    try {
      cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
      // Two stories of the same day: moving the first one's time past the
      // second's keeps its URL and its bundle, but changes the records'
      // order, which a record put in place of the old one does not. The
      // day is in the build's month, whose bundle is large enough beside
      // the sample archive for its re-index to start early
      // (earlyIndexPays).
      const day = '2026-11-10';
      const first = 'content/articles/2026/puente-laredo-horario.md';
      const story = (time: string) =>
        article({
          ...BASE,
          lang: 'es',
          title: "'Laredo amplía el horario del puente internacional'",
          publishedAt: `${day}T${time}:00-06:00`,
        });
      write(dir, first, story('09:00'));
      write(
        dir,
        'content/articles/2026/puente-laredo-camiones.md',
        article({
          ...BASE,
          lang: 'es',
          title: "'Los camiones esperan menos en el puente de Laredo'",
          publishedAt: `${day}T10:00:00-06:00`,
        }),
      );
      expect(build(dir).ok).toBe(true);
      write(dir, first, story('11:00'));
      const moved = build(dir);
      expect(moved.ok, moved.output).toBe(true);
      expect(moved.output).toMatch(/search index es: .*1 guessed wrong and indexed again\)/);
      const incremental = snapshot(dir);
      expect(build(dir, {}, ['--force']).ok).toBe(true);
      expect(incremental).toEqual(snapshot(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a new story, a code change and a failed build each end in what a full build gives', () => {
    const dir = copyProject('kept-output');
    const outside = mkdtempSync(join(tmpdir(), 'kept-output-live-'));
    try {
      cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
      const path = (file: string) => join(dir, file);
      expect(build(dir).ok).toBe(true);

      // A reader (or a deploy uploading dist/) holding a file of the live
      // site while the next build runs must keep seeing it whole: the build
      // never writes into the live folder's files.
      linkSync(path('dist/en/index.html'), join(outside, 'front.html'));
      const frontBefore = readFileSync(join(outside, 'front.html'), 'utf8');

      // A new story: on the English front, its section's first page and the feeds.
      const headline = 'Port of Brownsville opens a new cargo terminal';
      write(
        dir,
        'content/articles/2026/brownsville-cargo-terminal.md',
        article({
          ...BASE,
          title: `'${headline}'`,
          publishedAt: '2026-11-28T09:00:00-06:00',
          tags: '[Texas, trade]',
        }),
      );
      const added = build(dir);
      expect(added.ok, added.output).toBe(true);
      const live = swapped(added.output);
      // Most of the site is linked from the previous folder, not written again.
      expect(live.unchanged).toBeGreaterThan(live.written);
      expect(readFileSync(path('dist/en/index.html'), 'utf8')).toContain(headline);
      expect(readFileSync(join(outside, 'front.html'), 'utf8')).toBe(frontBefore);
      const incremental = snapshot(dir);
      expect(build(dir, {}, ['--force']).ok).toBe(true);
      expect(incremental).toEqual(snapshot(dir));

      // A code change (a colour token): the stylesheet gets a new name, and
      // the old one must not stay behind in dist/. A story taken down in the
      // same build (the work folder starts afresh, without the story's
      // folder) is gone too.
      const cssBefore = readdirSync(path('dist/_astro')).filter((f) => f.endsWith('.css'));
      const tokens = 'src/styles/tokens.css';
      write(
        dir,
        tokens,
        `${readFileSync(path(tokens), 'utf8')}\n:root { --kept-output-test: 1px; }\n`,
      );
      write(
        dir,
        UNPUBLISH,
        readFileSync(path(UNPUBLISH), 'utf8').replace(/^---\n/, '---\ndraft: true\n'),
      );
      const recoded = build(dir);
      expect(recoded.ok, recoded.output).toBe(true);
      const cssAfter = readdirSync(path('dist/_astro')).filter((f) => f.endsWith('.css'));
      expect(cssAfter).not.toEqual(cssBefore);
      const afterCode = snapshot(dir);
      expect(afterCode.join('\n')).not.toContain('gasolina-texas-accion-de-gracias');
      expect(build(dir, {}, ['--force']).ok).toBe(true);
      expect(afterCode).toEqual(snapshot(dir));

      // A failed build (a story with no headline) leaves dist/ as it was;
      // once fixed, the next build is whole again.
      const broken = 'content/articles/2026/brownsville-cargo-terminal.md';
      const good = readFileSync(path(broken), 'utf8');
      write(dir, broken, good.replace(/^title: .*\n/m, ''));
      const failed = build(dir);
      expect(failed.ok).toBe(false);
      expect(snapshot(dir)).toEqual(afterCode);
      write(dir, broken, good.replace(headline, `${headline}, a day early`));
      const mended = build(dir);
      expect(mended.ok, mended.output).toBe(true);
      expect(readFileSync(path('dist/en/index.html'), 'utf8')).toContain(
        `${headline}, a day early`,
      );
      const afterMend = snapshot(dir);
      expect(build(dir, {}, ['--force']).ok).toBe(true);
      expect(afterMend).toEqual(snapshot(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
