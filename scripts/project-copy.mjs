// A throwaway copy of the project, for builds that must not touch this
// checkout: the bad-content tests and the benchmark. It holds the real code
// and configuration and shares node_modules through a symlink; the caller
// writes its own content/.
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (this file lives in scripts/). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What a build needs besides content/ and node_modules/. */
const PROJECT_FILES = [
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'src',
  'public',
  'scripts',
];

/**
 * Copies the project into a new temporary folder named after `label` and
 * returns its path.
 * @param {string} label
 * @returns {string}
 */
export function copyProject(label) {
  const dir = mkdtempSync(join(tmpdir(), `voz-${label}-`));
  for (const entry of PROJECT_FILES) {
    cpSync(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
