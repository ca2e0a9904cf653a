import { expect, test } from '@playwright/test';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from '../scripts/project-copy.mjs';
import { build, snapshot, write } from './project-builds';

// Incremental builds (experimental.incrementalBuild with the keys from
// getCacheKeys) copy unchanged pages from the previous build. An editor must
// be able to trust the result: after an edit, the site has to be exactly what
// a full build of the same content gives, byte for byte.

const ROOT = join(import.meta.dirname, '..');
const HEADLINE_EDIT = 'content/articles/2024/north-korea-russia-treaty.md';
const BODY_EDIT = 'content/articles/2026/texas-jobless-rate-october.md';
const UNPUBLISH = 'content/articles/2026/gasolina-texas-accion-de-gracias.md';

/** How many pages a build copied from the previous one instead of rendering. */
function reused(output: string): number {
  return output.match(/\((?:cached|restored)\)/g)?.length ?? 0;
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
});
