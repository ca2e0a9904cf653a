import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileDigests } from '../scripts/project-copy.mjs';
import { E2E_BUILD_TIME } from './test-build.mjs';

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
    env: { ...process.env, BUILD_TIME: E2E_BUILD_TIME, PAGE_SIZE: '', ...env },
  });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

/** Every file of a copy's dist/ with the SHA-256 of its bytes, as sorted "path hash" lines. */
export function snapshot(dir: string): string[] {
  return [...fileDigests(join(dir, 'dist'))].map(([file, hash]) => `${file} ${hash}`).sort();
}

/** An article file: frontmatter lines `key: value` (undefined fields left out), then the body. */
export function article(
  fields: Record<string, string | undefined>,
  body = 'A sentence of news.',
): string {
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

/** The frontmatter of a sound English story, for cases that change one thing. */
export const BASE = {
  title: 'A sound story',
  dek: 'A dek that says what happened.',
  publishedAt: '2026-11-20T08:00:00-06:00',
  authors: '[staff]',
  section: 'us',
  lang: 'en',
};
