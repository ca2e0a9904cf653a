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
  test.setTimeout(240_000);
  const dir = copyProject('publish-watch');
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  const watcher = spawn('node', ['scripts/publish-watch.mjs'], {
    cwd: dir,
    env: { ...process.env, BUILD_TIME: E2E_BUILD_TIME, PAGE_SIZE: '' },
  });
  let output = '';
  watcher.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  watcher.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const published = (times: number) =>
    expect
      .poll(() => output.match(/live in [\d.]+ s/g)?.length ?? 0, { timeout: 180_000 })
      .toBeGreaterThanOrEqual(times);
  try {
    await published(1);
    const headline = 'Texas jobless rate falls to its lowest level in two years';
    const path = join(dir, STORY);
    write(dir, STORY, readFileSync(path, 'utf8').replace(/^title: .*$/m, `title: '${headline}'`));
    await published(2);
    expect(readFileSync(join(dir, 'dist/en/index.html'), 'utf8')).toContain(headline);
    expect(output).not.toContain('build failed');
  } finally {
    watcher.kill();
  }
  try {
    const watched = snapshot(dir);
    expect(build(dir, {}, ['--force']).ok).toBe(true);
    expect(watched).toEqual(snapshot(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
