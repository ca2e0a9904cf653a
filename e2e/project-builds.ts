import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { listFiles } from './fixtures';

// Builds of throwaway project copies (scripts/project-copy.mjs), for specs
// that change content and look at what a build does with it.

/** Writes a file into a project copy, making its folders. */
export function write(dir: string, path: string, text: string | Buffer): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** Runs the project's atomic build (`scripts/build.mjs`) at the e2e build time. */
export function build(dir: string, env: Record<string, string> = {}, args: string[] = []) {
  const result = spawnSync('node', ['scripts/build.mjs', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, BUILD_TIME: '2026-11-28T12:00:00-06:00', PAGE_SIZE: '', ...env },
  });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

/** Every file of a copy's dist/ with the SHA-256 of its bytes. */
export function snapshot(dir: string): string[] {
  const dist = join(dir, 'dist');
  return listFiles(dist).map(
    (file) =>
      `${relative(dist, file)} ${createHash('sha256').update(readFileSync(file)).digest('hex')}`,
  );
}
