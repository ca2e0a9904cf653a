import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from '../scripts/project-copy.mjs';
import { build, snapshot, write } from './project-builds';
import { E2E_BUILD_TIME } from './test-build.mjs';

// `npm run publish:watch` publishes what an editor saves: the story is live
// after one incremental build, with no command typed, and the site equals a
// full build of the same content.

const ROOT = join(import.meta.dirname, '..');
const STORY = 'content/articles/2026/texas-jobless-rate-october.md';

test('a saved headline goes live without a command, as a full build would have it', async () => {
  test.setTimeout(420_000);
  const dir = copyProject('publish-watch');
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  const watcher = spawn('node', ['scripts/publish-watch.mjs'], {
    cwd: dir,
    env: { ...process.env, BUILD_TIME: E2E_BUILD_TIME, PAGE_SIZE: '' },
  });
  const stopped = new Promise((done) => watcher.on('exit', done));
  let output = '';
  watcher.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  watcher.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const count = (pattern: RegExp) => output.match(pattern)?.length ?? 0;
  const printed = (pattern: RegExp, times: number) =>
    expect.poll(() => count(pattern), { timeout: 180_000 }).toBeGreaterThanOrEqual(times);
  const LIVE = /live in [\d.]+ s/g;
  // The next build starts ahead and waits for a save (src/lib/publish-gate.ts).
  const READY = /the next build is ready/g;
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
    expect(output).toContain('the code changed while this build waited; starting Astro again');
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
    expect(output).not.toContain('build failed');
  } finally {
    watcher.kill();
    // The build waiting ahead ends with the watcher and leaves no lock behind.
    await stopped;
  }
  try {
    const watched = snapshot(dir);
    const full = build(dir, {}, ['--force']);
    expect(full.output).not.toContain('another build');
    expect(full.ok).toBe(true);
    expect(watched).toEqual(snapshot(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
