import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Astro keeps the content store between builds and only re-reads files
 * whose text changed, so a rule added or tightened here would never see
 * the articles already stored. The loader wrapper compares this digest of
 * the rules' source with the one stored beside the entries and, when it
 * differs, empties the store so every file is checked again (a one-time
 * cost, as when the content config changes).
 */

/** Files whose code decides what the rules accept, relative to the project root. */
const RULE_SOURCES = ['src/lib/rules', 'src/lib/urls.ts'];

/** SHA-256 of the rules' source files (not their tests), in a stable order. */
export function rulesVersion(root: string): string {
  const hash = createHash('sha256');
  for (const source of RULE_SOURCES) {
    const files = source.endsWith('.ts')
      ? [source]
      : readdirSync(join(root, source))
          .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
          .sort()
          .map((name) => `${source}/${name}`);
    for (const file of files) hash.update(file).update(readFileSync(join(root, file)));
  }
  return hash.digest('hex');
}
