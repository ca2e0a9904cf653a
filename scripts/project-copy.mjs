// A throwaway copy of the project, for builds that must not touch this
// checkout: the bad-content tests and the benchmark. It holds the real code
// and configuration and shares node_modules through a symlink; the caller
// writes its own content/.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
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

/**
 * Every file under `dir` (none when it does not exist).
 * @param {string} dir
 * @returns {string[]}
 */
export function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Every file under `dir`, by path relative to it, with the SHA-256 of its
 * bytes: two builds are the same site when these are equal.
 * @param {string} dir
 * @returns {Map<string, string>}
 */
export function fileDigests(dir) {
  return new Map(
    listFiles(dir).map((file) => [
      relative(dir, file),
      createHash('sha256').update(readFileSync(file)).digest('hex'),
    ]),
  );
}
