import { expect, test } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from '../scripts/project-copy.mjs';
import { article, BASE, build, snapshot, write } from './project-builds';

// The publish guard of scripts/build.mjs, on a copy of the project with ten
// small stories: a build that lost its articles must not replace dist/, and
// an editor who removes stories on purpose can say so.

const ROOT = join(import.meta.dirname, '..');
const STORIES = 10;
/** What an editor reads when the build was refused for having no articles. */
const EMPTIED = 'Publish guard: refused to replace dist/: the new build has no article pages.';

const story = (i: number) => `content/articles/2026/story-${i}.md`;
const page = (i: number) =>
  `dist/en/2026/11/${String(i + 1).padStart(2, '0')}/story-${i}/index.html`;

function makeProject(): string {
  const dir = copyProject('publish-guard');
  cpSync(join(ROOT, 'content/authors'), join(dir, 'content/authors'), { recursive: true });
  cpSync(join(ROOT, 'content/sections'), join(dir, 'content/sections'), { recursive: true });
  for (let i = 0; i < STORIES; i += 1) {
    const day = String(i + 1).padStart(2, '0');
    write(
      dir,
      story(i),
      [
        '---',
        `title: Story number ${i}`,
        `dek: What happened in story ${i}.`,
        `publishedAt: 2026-11-${day}T08:00:00-06:00`,
        'authors: [staff]',
        'section: us',
        'lang: en',
        '---',
        '',
        `The body of story ${i}.`,
        '',
      ].join('\n'),
    );
  }
  return dir;
}

function remove(dir: string, stories: number[]): void {
  for (const i of stories) rmSync(join(dir, story(i)));
}

test.describe('the publish guard', () => {
  test.describe.configure({ timeout: 480_000 });

  test('refuses a build that lost its articles and leaves dist/ byte for byte as it was', () => {
    const dir = makeProject();
    try {
      const first = build(dir);
      expect(first.ok, first.output).toBe(true);
      expect(first.output).toContain(`in the new build: ${STORIES}`);
      const before = snapshot(dir);
      expect(existsSync(join(dir, page(0)))).toBe(true);

      // Every article gone (a content folder that went missing or was emptied).
      const articles = join(dir, 'content/articles');
      renameSync(articles, join(dir, 'articles-aside'));
      mkdirSync(articles);
      const empty = build(dir);
      expect(empty.ok, empty.output).toBe(false);
      expect(empty.output).toContain(EMPTIED);
      expect(snapshot(dir)).toEqual(before);
      rmSync(articles, { recursive: true });
      renameSync(join(dir, 'articles-aside'), articles);

      // Half of them gone: the guard itself must stop it, saying what it counted.
      remove(dir, [0, 1, 2, 3, 4]);
      const half = build(dir);
      expect(half.ok, half.output).toBe(false);
      expect(half.output).toContain(
        'Publish guard: refused to replace dist/: the new build lost 50 % of the article pages, more than the 10 % allowed.',
      );
      expect(half.output).toContain(
        `article pages in dist/ now: ${STORIES}; in the new build: 5; lost: 5 (50 %); limit: 10 %`,
      );
      expect(half.output).toContain('lost: en/2026/11/01/story-0/index.html');
      expect(half.output).toContain('--allow-shrink');
      expect(half.output).toContain('PUBLISH_GUARD_MAX_LOSS');
      expect(snapshot(dir)).toEqual(before);

      // A raised limit lets the same build through.
      const raised = build(dir, { PUBLISH_GUARD_MAX_LOSS: '0.5' });
      expect(raised.ok, raised.output).toBe(true);
      expect(existsSync(join(dir, page(0)))).toBe(false);
      expect(existsSync(join(dir, page(5)))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('lets an editor remove stories on purpose with --allow-shrink', () => {
    const dir = makeProject();
    try {
      const first = build(dir);
      expect(first.ok, first.output).toBe(true);
      remove(dir, [0, 1, 2]);
      const refused = build(dir);
      expect(refused.ok, refused.output).toBe(false);
      expect(existsSync(join(dir, page(0)))).toBe(true);

      const allowed = build(dir, {}, ['--allow-shrink']);
      expect(allowed.ok, allowed.output).toBe(true);
      expect(allowed.output).toContain('in the new build: 7; lost: 3 (30 %)');
      expect(existsSync(join(dir, page(0)))).toBe(false);
      expect(existsSync(join(dir, page(2)))).toBe(false);
      expect(existsSync(join(dir, page(3)))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('lets one build of a folder run at a time, and takes over a lock a killed build left', () => {
    const dir = makeProject();
    try {
      expect(build(dir).ok).toBe(true);
      const before = snapshot(dir);
      write(
        dir,
        story(0),
        article({
          ...BASE,
          title: 'Story number 0, corrected',
          publishedAt: '2026-11-01T08:00:00-06:00',
        }),
      );
      // A build of dist/ running now (this test's own process stands in for it).
      write(dir, '.cache/site/dist.lock', String(process.pid));
      const second = build(dir);
      expect(second.ok).toBe(false);
      expect(second.output).toContain(`another build of dist/ is running (process ${process.pid})`);
      expect(snapshot(dir)).toEqual(before);
      // The lock of a build that was killed: the next build goes ahead.
      write(dir, '.cache/site/dist.lock', '2147483646');
      const next = build(dir);
      expect(next.ok, next.output).toBe(true);
      expect(snapshot(dir)).not.toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
