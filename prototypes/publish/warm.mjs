// Probe for design b, "a warm publisher process": Astro's programmatic
// build() called repeatedly in one Node process, publishing affected pages
// only (affected-only.mjs). What does a second publish cost when Astro and
// the project's code are already loaded? See README.md beside this file.
//
//   npx node prototypes/publish/warm.mjs --articles 1000 [--edits 3]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DEFAULT_BUILD_TIME, generateCorpus } from '../../bench/corpus.mjs';
import { PHASES, readPhases } from '../../bench/phases.mjs';
import { copyProject } from '../../scripts/project-copy.mjs';
import { publishConfigSource } from './affected-only.mjs';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    edits: { type: 'string', default: '3' },
  },
});
const log = (m) => console.error(`[warm] ${new Date().toISOString().slice(11, 19)} ${m}`);

const dir = copyProject(`warm-${args.articles}`);
const live = join(dir, 'live');
const corpus = await generateCorpus({
  out: join(dir, 'content'),
  articles: Number(args.articles),
  seed: 1,
  buildTime: DEFAULT_BUILD_TIME,
});
Object.assign(process.env, { BUILD_TIME: DEFAULT_BUILD_TIME, ASTRO_TELEMETRY_DISABLED: '1' });
process.chdir(dir);
const { build } = await import(join(dir, 'node_modules/astro/dist/core/index.js'));

const sorted = [...corpus.files].sort();
const rows = [];
for (let i = 0; i <= Number(args.edits); i++) {
  if (i > 0) {
    const file = sorted[Math.floor(sorted.length / 2) + i];
    const text = readFileSync(file, 'utf8').replace(
      /^title: "(.*)"$/m,
      (_, t) => `title: "${t} (updated)"`,
    );
    writeFileSync(file, `${text}\nUpdate: added after publication.\n`);
  }
  writeFileSync(
    join(dir, 'astro.publish.config.mjs'),
    publishConfigSource(dir, { outDir: live, all: i === 0 }),
  );
  const started = performance.now();
  await build({
    root: dir,
    configFile: 'astro.publish.config.mjs',
    outDir: live,
    logLevel: 'warn',
  });
  const ended = performance.now();
  const phases = readPhases(dir, performance.timeOrigin + started, performance.timeOrigin + ended);
  const stats = JSON.parse(readFileSync(join(dir, '.publish-keys.json.stats.json'), 'utf8'));
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  log(
    `publish ${i}: ${((ended - started) / 1000).toFixed(1)} s, ${stats.rendered} paths rendered, heap ${heapMb.toFixed(0)} MB`,
  );
  rows.push({ i, wallS: (ended - started) / 1000, rendered: stats.rendered, heapMb, phases });
}
console.log(`\n${args.articles} articles, one process: wall s per publish (0 = first, every path)`);
console.log(['phase', ...rows.map((r) => `#${r.i}`)].join('\t'));
for (const [name] of PHASES)
  console.log([name, ...rows.map((r) => r.phases?.seconds[name]?.toFixed(1) ?? '–')].join('\t'));
console.log(['total', ...rows.map((r) => r.wallS.toFixed(1))].join('\t'));
console.log(['heap MB after', ...rows.map((r) => r.heapMb.toFixed(0))].join('\t'));
console.log(`project: ${dir}`);
