// `npm test` must never change dist/: a CI that builds, tests and deploys
// would otherwise publish the test build. `npm test` runs
// `node scripts/dist-unchanged.mjs record` first and `… verify` last; verify
// fails, listing every file added, removed or modified, when dist/ is not
// byte for byte what record saw (including a dist/ that appeared or vanished).
//
//   node scripts/dist-unchanged.mjs record|verify [--dir dist]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { distChanges } from './dist-changes.ts';
import { fileDigests } from './project-copy.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dir: { type: 'string', default: 'dist' } },
});
const [command] = positionals;
const dir = resolve(values.dir);
// Kept in the cache folder, which is gitignored and survives between the two steps.
const record = resolve('.cache', 'dist-unchanged.json');

/** The folder's digest, or null when it does not exist. */
const digest = () => (existsSync(dir) ? Object.fromEntries(fileDigests(dir)) : null);

if (command === 'record') {
  const files = digest();
  mkdirSync(dirname(record), { recursive: true });
  writeFileSync(record, JSON.stringify({ dir, files }));
  console.log(
    `[dist-unchanged] recorded ${files ? `${Object.keys(files).length} files in` : 'no'} ${values.dir}/`,
  );
} else if (command === 'verify') {
  if (!existsSync(record)) {
    console.error(
      `[dist-unchanged] nothing recorded: run \`node scripts/dist-unchanged.mjs record\` first.`,
    );
    process.exit(2);
  }
  const saved = JSON.parse(readFileSync(record, 'utf8'));
  rmSync(record);
  const toMap = (files) => (files === null ? undefined : new Map(Object.entries(files)));
  const changes = distChanges(toMap(saved.files), toMap(digest()));
  if (changes.length > 0) {
    console.error(
      [
        `[dist-unchanged] the tests changed ${values.dir}/ (${changes.length} file(s)); they must build into folders of their own:`,
        ...changes.slice(0, 50).map(({ file, change }) => `  ${change}: ${file}`),
        ...(changes.length > 50 ? [`  … and ${changes.length - 50} more`] : []),
      ].join('\n'),
    );
    process.exit(1);
  }
  console.log(`[dist-unchanged] ${values.dir}/ is byte for byte as it was before the tests.`);
} else {
  console.error('usage: node scripts/dist-unchanged.mjs record|verify [--dir dist]');
  process.exit(2);
}
