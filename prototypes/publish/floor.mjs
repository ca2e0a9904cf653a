// The floor of a publish with `astro build`: what the prototype's publish
// (affected-only.mjs) costs when it renders no page at all (process start,
// content sync, bundling, getStaticPaths of every route), at a given
// archive size. The first run syncs a cold content store; the later ones
// are what every publish pays. See README.md beside this file.
//
//   npx node prototypes/publish/floor.mjs --articles 50000 [--runs 3]
import { spawnSync } from 'node:child_process';
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
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const log = (m) => console.error(`[floor] ${new Date().toISOString().slice(11, 19)} ${m}`);

const dir = copyProject(`floor-${args.articles}`);
await generateCorpus({
  out: join(dir, 'content'),
  articles: Number(args.articles),
  seed: 1,
  buildTime: DEFAULT_BUILD_TIME,
});
log(`${dir}: ${args.articles} articles`);
writeFileSync(
  join(dir, 'astro.publish.config.mjs'),
  publishConfigSource(dir, { outDir: join(dir, 'live'), none: true }),
);

const rows = [];
for (let i = 0; i < Number(args.runs); i++) {
  const started = performance.now();
  const timeFile = join(dir, '.time-floor');
  const result = spawnSync(
    '/usr/bin/time',
    [
      '-v',
      '-o',
      timeFile,
      'npx',
      '--no-install',
      'astro',
      'build',
      '--config',
      'astro.publish.config.mjs',
      '--outDir',
      join(dir, 'live'),
    ],
    {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        BUILD_TIME: DEFAULT_BUILD_TIME,
        ASTRO_TELEMETRY_DISABLED: '1',
        FORCE_COLOR: '0',
        MALLOC_ARENA_MAX: '2',
      },
    },
  );
  const ended = performance.now();
  if (result.status !== 0) {
    console.error(`${result.stdout}\n${result.stderr}`.split('\n').slice(-30).join('\n'));
    throw new Error(`run ${i}: exited with ${result.status}; project in ${dir}`);
  }
  const time = readFileSync(timeFile, 'utf8');
  const num = (label) => Number(time.match(new RegExp(`${label}:\\s*([\\d.]+)`))?.[1]);
  const phases = readPhases(dir, performance.timeOrigin + started, performance.timeOrigin + ended);
  const row = {
    wallS: (ended - started) / 1000,
    cpuS: num('User time \\(seconds\\)') + num('System time \\(seconds\\)'),
    peakRssMb: num('Maximum resident set size \\(kbytes\\)') / 1024,
    phases,
  };
  log(
    `run ${i}: ${row.wallS.toFixed(1)} s wall, ${row.cpuS.toFixed(1)} s CPU, ${row.peakRssMb.toFixed(0)} MB, ${phases?.paths} paths`,
  );
  rows.push(row);
}
const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : '–');
console.log(
  `\n${args.articles} articles, no page rendered: wall s / CPU s of the Astro process (run 0: cold content store)`,
);
for (const [name] of PHASES.filter(([n]) => !['pages', 'images', 'hooks', 'finish'].includes(n))) {
  console.log(
    [
      name.padEnd(8),
      ...rows.map((r) =>
        `${fmt(r.phases?.seconds[name])}/${fmt(r.phases?.cpuSeconds[name])}`.padStart(12),
      ),
    ].join(' '),
  );
}
console.log(
  ['total'.padEnd(8), ...rows.map((r) => `${fmt(r.wallS)}/${fmt(r.cpuS)}`.padStart(12))].join(' '),
);
console.log(['peak MB'.padEnd(8), ...rows.map((r) => fmt(r.peakRssMb).padStart(12))].join(' '));
if (!args.keep) spawnSync('rm', ['-rf', dir]);
