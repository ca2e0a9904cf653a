// Measures prototype (a), "affected pages only", against today's incremental
// build, in pairs, on a generated corpus. See README.md beside this file.
//
//   npx node prototypes/publish/measure.mjs --articles 1000 [--rounds 2] [--keep]
//
// In one temporary project copy (as the bench makes them):
//   1. today's cold build (`node scripts/build.mjs` -> dist/, .cache/) and a
//      first publish of every path into live/ (the prototype's kept folder);
//   2. for each change (one article edited, one added, one unpublished; the
//      edit repeated --rounds times) a pair, in alternating order: A = the
//      prototype's publish into live/, B = today's incremental rebuild;
//   3. live/ compared with dist/, file by file (dist/ after an incremental
//      rebuild equals a `--force` build: the bench checks that), and the
//      number of files each change altered in dist/ (design c's question).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  DEFAULT_BUILD_TIME,
  addStory,
  generateCorpus,
  unpublishStory,
} from '../../bench/corpus.mjs';
import { PHASES, readPhases, usePhaseTimer } from '../../bench/phases.mjs';
import { median } from '../../bench/stats.mjs';
import { copyProject, fileDigests, listFiles } from '../../scripts/project-copy.mjs';
import { publishConfigSource } from './affected-only.mjs';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string' },
    report: { type: 'string' },
    project: { type: 'string' },
  },
});
const articles = Number(args.articles);
const log = (m) => console.error(`[publish] ${new Date().toISOString().slice(11, 19)} ${m}`);

/** Prints the tables of a results object (also for an earlier results file: --report). */
function report(results) {
  const byKind = Object.groupBy(results.changes, (c) => c.kind);
  const row = (cells) =>
    console.log(
      cells.map((c, i) => (i === 0 ? String(c).padEnd(22) : String(c).padStart(10))).join(' '),
    );
  console.log(`\n${results.articles} articles; medians of paired runs`);
  row([
    'change',
    'today wall',
    'proto wall',
    'today CPU',
    'proto CPU',
    'today MB',
    'proto MB',
    'rendered',
    'files chg',
    'mismatch',
  ]);
  for (const [kind, list] of Object.entries(byKind)) {
    const m = (side, key) => median(list.map((c) => c[side][key])).toFixed(1);
    row([
      kind,
      m('today', 'wallS'),
      m('publish', 'wallS'),
      m('today', 'cpuS'),
      m('publish', 'cpuS'),
      m('today', 'peakRssMb'),
      m('publish', 'peakRssMb'),
      list[0].publish.stats.rendered,
      list[0].changedInDist.length,
      list[0].mismatch.length,
    ]);
  }
  // CPU s of the Astro process per phase; from the raw stamps for results
  // written before readPhases computed it.
  const cpu = (phases, name) => {
    if (phases?.cpuSeconds) return phases.cpuSeconds[name];
    const at = { ...phases?.cpuMs, spawn: 0 };
    const [, , from, to] = PHASES.find(([n]) => n === name);
    return at[from] !== undefined && at[to] !== undefined ? (at[to] - at[from]) / 1000 : undefined;
  };
  const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : '–');
  const runs = [
    ['today cold', results.cold],
    ['publish all', results.firstPublish],
  ];
  for (const [kind, list] of Object.entries(byKind))
    runs.push([`${kind} today`, list[0].today], [`${kind} proto`, list[0].publish]);
  console.log('\nphases (first run of each kind): wall s / CPU s of the Astro process');
  row(['phase', ...runs.map(([n]) => n)]);
  for (const [name] of PHASES)
    row([
      name,
      ...runs.map(([, r]) => `${fmt(r.phases?.seconds[name])}/${fmt(cpu(r.phases, name))}`),
    ]);
  row(['heap MB at pathsDone', ...runs.map(([, r]) => fmt(r.phases?.heapMb?.pathsDone))]);
  row(['heap MB at pagesDone', ...runs.map(([, r]) => fmt(r.phases?.heapMb?.pagesDone))]);
}

if (args.report) {
  report(JSON.parse(readFileSync(args.report, 'utf8')));
  process.exit(0);
}

// --project DIR: the kept project of an earlier run (its dist/, .cache/,
// live/ and keys); skips the corpus, the cold build and the first publish.
const dir = args.project ?? copyProject(`publish-${articles}`);
const live = join(dir, 'live');
const corpus = args.project
  ? { files: listFiles(join(dir, 'content/articles')).filter((f) => f.endsWith('.md')) }
  : await generateCorpus({
      out: join(dir, 'content'),
      articles,
      seed: 1,
      buildTime: DEFAULT_BUILD_TIME,
    });
log(`project ${dir}: ${corpus.files.length} articles`);

/** Runs a command under GNU time in `dir`; wall, CPU, peak RSS and phases. */
async function run(label, command) {
  const timeFile = join(dir, `.time-${label}`);
  const logFile = join(dir, `.log-${label}`);
  rmSync(join(dir, '.bench-phases.json'), { force: true });
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-v', '-o', timeFile, ...command], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      BUILD_TIME: DEFAULT_BUILD_TIME,
      PAGE_SIZE: '',
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      MALLOC_ARENA_MAX: '2',
    },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise((done) => child.on('close', (c) => done(c ?? 1)));
  const wallS = (performance.now() - started) / 1000;
  writeFileSync(logFile, output);
  if (code !== 0) {
    console.error(output.split('\n').slice(-30).join('\n'));
    throw new Error(`${label}: exited with ${code}; project kept in ${dir}`);
  }
  const time = readFileSync(timeFile, 'utf8');
  const num = (l) => Number(time.match(new RegExp(`${l}:\\s*([\\d.]+)`))?.[1]);
  const phases = readPhases(
    dir,
    performance.timeOrigin + started,
    performance.timeOrigin + performance.now(),
  );
  const result = {
    label,
    wallS,
    cpuS: num('User time \\(seconds\\)') + num('System time \\(seconds\\)'),
    peakRssMb: num('Maximum resident set size \\(kbytes\\)') / 1024,
    phases,
  };
  log(
    `${label}: ${wallS.toFixed(1)} s wall, ${result.cpuS.toFixed(1)} s CPU, ${result.peakRssMb.toFixed(0)} MB`,
  );
  return result;
}

const NPX = ['npx', '--no-install'];
/** Today: the project's build (incremental, swap into dist/), timed by phase. */
const today = (label) => run(label, ['node', 'scripts/build.mjs', ...usePhaseTimer(dir)]);
/** The prototype: publish affected paths into live/. */
async function publish(label, all = false) {
  writeFileSync(
    join(dir, 'astro.publish.config.mjs'),
    publishConfigSource(dir, { outDir: live, all }),
  );
  const result = await run(label, [
    ...NPX,
    'astro',
    'build',
    '--config',
    'astro.publish.config.mjs',
    '--outDir',
    live,
  ]);
  const stats = JSON.parse(readFileSync(join(dir, '.publish-keys.json.stats.json'), 'utf8'));
  return { ...result, stats };
}

const sorted = [...corpus.files].sort();
let edits = 0;
/** The bench's edit: a new headline and an added paragraph, on a different article each time. */
function editOne() {
  const file = sorted[Math.floor(sorted.length / 2) + edits++];
  const text = readFileSync(file, 'utf8').replace(
    /^title: "(.*)"$/m,
    (_, t) => `title: "${t} (updated)"`,
  );
  writeFileSync(file, `${text}\nUpdate: this paragraph was added after publication.\n`);
  return relative(dir, file);
}
/** A new story, published an hour before the build time (the bench's, bench/corpus.mjs). */
const addOne = () => relative(dir, addStory(corpus.files));
/** An article taken down: marked as a draft (the bench's, bench/corpus.mjs). */
const unpublishOne = () => relative(dir, unpublishStory(corpus.files));

function diff(a, b) {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => a.get(n) !== b.get(n)).sort();
}

const results = { articles, cpus: (await import('node:os')).cpus().length, changes: [] };
try {
  if (args.project) {
    // Builds both sides once with nothing changed, so that each has its own
    // content store and the pairs start even.
    results.cold = await today('warm-up-today');
    results.firstPublish = await publish('warm-up-publish');
  } else {
    log('today: cold build');
    results.cold = await today('cold');
    log('prototype: first publish of every path into live/');
    results.firstPublish = await publish('publish-all', true);
  }
  let digests = fileDigests(join(dir, 'dist'));
  const changes = [
    ...Array.from({ length: Number(args.rounds) }, () => ['edit', editOne]),
    ['add', addOne],
    ['unpublish', unpublishOne],
  ];
  for (const [i, [kind, change]] of changes.entries()) {
    const file = change();
    log(`${kind}: ${file}`);
    // Alternate the order so neither side always runs on a warmer page cache.
    const pair = {};
    for (const side of i % 2 === 0 ? ['publish', 'today'] : ['today', 'publish']) {
      pair[side] =
        side === 'publish'
          ? await publish(`${kind}-${i}-publish`)
          : await today(`${kind}-${i}-today`);
    }
    const after = fileDigests(join(dir, 'dist'));
    const changedInDist = diff(digests, after);
    digests = after;
    const mismatch = diff(after, fileDigests(live));
    log(
      `${kind}: ${changedInDist.length} files changed in dist/; live/ differs from dist/ in ${mismatch.length}: ${mismatch.slice(0, 6).join(', ')}`,
    );
    results.changes.push({ kind, file, ...pair, changedInDist, mismatch });
  }
} finally {
  if (args.keep) log(`kept ${dir}`);
}

report(results);
const out = args.out ?? join(dir, 'publish-results.json');
writeFileSync(out, JSON.stringify(results, null, 1));
console.log(`\nResults: ${out}`);
if (!args.keep) rmSync(dir, { recursive: true, force: true });
