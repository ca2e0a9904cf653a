import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from '../scripts/project-copy.mjs';
import { build, snapshot, write } from './project-builds';
import { E2E_BUILD_TIME } from './test-build.mjs';

// `npm run publish:watch` publishes what an editor saves: the story is live
// after one incremental build, with no command typed, and the site equals a
// full build of the same content.

const ROOT = join(import.meta.dirname, '..');
const STORY = 'content/articles/2026/texas-jobless-rate-october.md';
const LIVE = /live in [\d.]+ s/g;
// The next build starts ahead and waits for a save (src/lib/publish-gate.ts).
const READY = /the next build is ready/g;

/** A copy of the project with the sample content, and the watcher running in it. */
function watchedCopy(label: string) {
  const dir = copyProject(label);
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  const watcher = spawn('node', ['scripts/publish-watch.mjs'], {
    cwd: dir,
    env: { ...process.env, BUILD_TIME: E2E_BUILD_TIME, PAGE_SIZE: '' },
  });
  const stopped = new Promise((done) => watcher.on('exit', done));
  let text = '';
  watcher.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  watcher.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  const printed = (pattern: RegExp, times: number) =>
    expect.poll(() => count(pattern), { timeout: 180_000 }).toBeGreaterThanOrEqual(times);
  const stop = async () => {
    watcher.kill();
    await stopped;
  };
  return { dir, stop, output: () => text, count, printed };
}

/** The site the watcher published equals a `--force` build of the same content; the copy is removed. */
function expectFullBuildEqual(dir: string): void {
  try {
    const watched = snapshot(dir);
    const full = build(dir, {}, ['--force']);
    expect(full.output).not.toContain('another build');
    expect(full.ok).toBe(true);
    expect(watched).toEqual(snapshot(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a saved headline goes live without a command, as a full build would have it', async () => {
  test.setTimeout(420_000);
  const { dir, stop, output, printed } = watchedCopy('publish-watch');
  try {
    await printed(LIVE, 1);
    await printed(READY, 1);
    const headline = 'Texas jobless rate falls to its lowest level in two years';
    const path = join(dir, STORY);
    write(dir, STORY, readFileSync(path, 'utf8').replace(/^title: .*$/m, `title: '${headline}'`));
    await printed(LIVE, 2);
    // The build that waited read the story as saved, not as it was when it started.
    expect(readFileSync(join(dir, 'dist/en/index.html'), 'utf8')).toContain(headline);
    // The code changes while the next build waits with the old code loaded:
    // the publish must use the new code.
    await printed(READY, 2);
    const label = 'Latest from the newsroom';
    const strings = join(dir, 'src/i18n/en.ts');
    write(
      dir,
      'src/i18n/en.ts',
      readFileSync(strings, 'utf8').replace("latest: 'Latest news'", `latest: '${label}'`),
    );
    await printed(LIVE, 3);
    expect(output()).toContain('the code changed while this build waited; starting Astro again');
    // A build typed by hand while the next one waits: it runs (the waiting
    // build holds no lock), and the next save is published on top of it.
    await printed(READY, 3);
    const byHand = build(dir);
    expect(byHand.output).not.toContain('another build');
    expect(byHand.ok).toBe(true);
    const later = 'Texas jobless rate: the figures, county by county';
    write(dir, STORY, readFileSync(path, 'utf8').replace(/^title: .*$/m, `title: '${later}'`));
    await printed(LIVE, 4);
    expect(readFileSync(join(dir, 'dist/en/index.html'), 'utf8')).toContain(later);
    expect(readFileSync(join(dir, 'dist/en/index.html'), 'utf8')).toContain(label);
    expect(output()).not.toContain('build failed');
  } finally {
    // The build waiting ahead ends with the watcher and leaves no lock behind.
    await stop();
  }
  expectFullBuildEqual(dir);
});

// The build waiting for a save has synced the content and bundled the code
// before it (src/integrations/pages-gate.ts); its bundle holds the photos
// the stories referred to then. A save that changes them is published by
// the build waiting in front of the loaders: a new story with its photo
// (the watcher saw the photo saved), a hero changed to another photo
// already there (found after the save), a story removed with its photo;
// a text edit before and after goes through the bundle made ahead.
test('saves that change which photos the stories use go live as a full build would have them', async () => {
  test.setTimeout(480_000);
  const { dir, stop, output, count, printed } = watchedCopy('publish-watch-photos');
  const STALE = /\[pages-gate\] the save changed which photos the stories refer to/g;
  // Printed whenever the build waiting at the loaders publishes instead.
  const AT_LOADERS = /the build waiting at the loaders publishes this save/g;
  const folder = 'content/articles/2026';
  const read = (name: string) => readFileSync(join(dir, folder, name), 'utf8');
  const html = (path: string) => readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8');
  const STORY_911 = `${folder}/bluebonnet-telecom-outage-911.md`;
  /** Saves the 911 story with a new headline. */
  const retitle = (title: string) =>
    write(
      dir,
      STORY_911,
      read('bluebonnet-telecom-outage-911.md').replace(/^title: .*$/m, `title: '${title}'`),
    );
  try {
    await printed(LIVE, 1);
    await printed(READY, 1);
    // A correction: through the bundle made ahead.
    const corrected = 'Bluebonnet Telecom says a faulty routing file cut off 911 calls';
    retitle(corrected);
    await printed(LIVE, 2);
    expect(html('en')).toContain(corrected);
    expect(count(AT_LOADERS) + count(STALE)).toBe(0);
    // A new story with its own photo.
    await printed(READY, 2);
    copyFileSync(
      join(dir, folder, 'canada-mexico-trade-corridor-pact.jpg'),
      join(dir, folder, 'port-laredo-night-shift.jpg'),
    );
    const added = 'Laredo port adds a night shift for northbound trucks';
    write(
      dir,
      `${folder}/port-laredo-night-shift.md`,
      read('bluebonnet-telecom-outage-911.md')
        .replace(/^title: .*$/m, `title: '${added}'`)
        .replace(/^publishedAt: .*$/m, 'publishedAt: 2026-11-28T09:00:00-06:00')
        .replace(/image: .*$/m, 'image: ./port-laredo-night-shift.jpg'),
    );
    await printed(LIVE, 3);
    expect(html('en')).toContain(added);
    expect(output()).toContain(
      'the build waiting at the loaders publishes this save (the save wrote or removed a photo)',
    );
    // A hero changed to a photo already in the folder: only the sync after
    // the save sees it.
    await printed(READY, 3);
    write(
      dir,
      STORY_911,
      read('bluebonnet-telecom-outage-911.md').replace(
        /image: .*$/m,
        'image: ./canada-mexico-trade-corridor-pact.jpg',
      ),
    );
    await printed(LIVE, 4);
    expect(count(STALE)).toBe(1);
    // The new story taken down with its photo.
    await printed(READY, 4);
    unlinkSync(join(dir, folder, 'port-laredo-night-shift.md'));
    unlinkSync(join(dir, folder, 'port-laredo-night-shift.jpg'));
    await printed(LIVE, 5);
    expect(html('en')).not.toContain(added);
    // And a text edit again, through the bundle made ahead.
    await printed(READY, 5);
    const again = 'Bluebonnet Telecom: what the 911 outage report says';
    retitle(again);
    await printed(LIVE, 6);
    expect(html('en')).toContain(again);
    // The two saves with a photo; the swapped hero went through the gate first.
    expect(count(AT_LOADERS)).toBe(2);
    expect(count(STALE)).toBe(1);
    expect(output()).not.toContain('build failed');
  } finally {
    await stop();
  }
  expectFullBuildEqual(dir);
});
