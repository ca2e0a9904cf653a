// Astro's own blog starter (examples/blog, vendored in bench/starter/template)
// building the same generated articles as our bench corpus, timed cold the
// way bench/run.mjs times our builds; with --ours, our own cold build of the
// same corpus, run by run beside it (issue 14, target 3). See bench/README.md.
//
//   node bench/starter.mjs [--articles 10000] [--runs 3] [--out FILE] [--ours]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_BUILD_TIME, generateCorpus } from './corpus.mjs';
import { starterPost } from './starter/post.mjs';
import { median } from './stats.mjs';
import { METHOD, formatJson, gitDescribe, timedRun } from './measure.mjs';
import { copyProject, listFiles } from '../scripts/project-copy.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE = join(ROOT, 'bench/starter/template');
/** Where the starter is set up; its node_modules is kept between runs. */
const APP = join(ROOT, '.cache/starter/app');
/** Where the template's files came from (bench/starter/LICENSE is Astro's). */
const TEMPLATE_SOURCE = {
  repository: 'https://github.com/withastro/astro',
  path: 'examples/blog',
  commit: '99d3d3dbbfa4fd7b128a056337f1a719437a7377',
  note: 'the newest snapshot at hand (astro 7.2.4 on main, 2026-08-22); examples/blog last changed in f88c875c2c; dependencies pinned to astro 7.3.5 and the integrations of its time',
};

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string' },
    ours: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    'build-time': { type: 'string', default: DEFAULT_BUILD_TIME },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`node bench/starter.mjs [options]
  --articles 10000   articles in the corpus (both editions together)
  --runs 3           cold builds of the starter (with --ours: pairs)
  --ours             also our cold build of the same corpus, paired run by run
  --out FILE         results JSON (default bench/results/starter-<n>.json)
  --seed 1           corpus seed (same seed, same articles as npm run bench)
  --build-time ISO   our build's "now" (default ${DEFAULT_BUILD_TIME})
  --keep             keep the temporary copy of our project`);
  process.exit(0);
}

const articles = Number(args.articles);
const runs = Number(args.runs);
const seed = Number(args.seed);
const buildTime = args['build-time'];
for (const n of [articles, runs, seed]) {
  if (!Number.isInteger(n) || n < 1) {
    console.error(`starter: expected whole numbers above 0, got ${n}`);
    process.exit(2);
  }
}
const sizeLabel = articles % 1000 === 0 ? `${articles / 1000}k` : String(articles);
const outFile = resolve(ROOT, args.out ?? `bench/results/starter-${sizeLabel}.json`);

const log = (message) => console.error(`[starter] ${message}`);
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

// ---------------------------------------------------------------------------
// How we measure: as bench/run.mjs does (bench/measure.mjs).

/** PATH with this Node first, so whatever a build or an install starts runs on it too. */
const childPath = [dirname(process.execPath), process.env.PATH].join(delimiter);

let running;

/**
 * Runs `command` in `dir`, timed, and returns what it cost and what it wrote
 * into `dir/dist`. Throws with the end of its log when it fails.
 */
async function timedBuild(dir, label, command) {
  const run = await timedRun({
    dir,
    label,
    prefix: '.starter-bench',
    command,
    env: {
      ...process.env,
      PATH: childPath,
      BUILD_TIME: buildTime,
      PAGE_SIZE: '',
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
    },
    onChild: (child) => {
      running = child;
    },
  });
  if (run.code !== 0) {
    const tail = readFileSync(run.logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${label}: the build exited with ${run.code}\n${tail}\n(log: ${run.logFile})`);
  }
  const files = listFiles(join(dir, 'dist'));
  return {
    wallS: run.wallS,
    cpuS: run.cpuS,
    peakRssMb: run.peakRssMb,
    treeRssMb: run.treeRssMb,
    files: files.length,
    pages: files.filter((f) => f.endsWith('.html')).length,
    load1m: run.load1m,
  };
}

// ---------------------------------------------------------------------------
// The starter

const digest = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * Copies the template into APP (replacing its sources, keeping node_modules)
 * and installs its locked dependencies when the lock changed since the last
 * install.
 */
function setUpStarter() {
  mkdirSync(APP, { recursive: true });
  for (const entry of readdirSync(APP)) {
    if (entry !== 'node_modules') rmSync(join(APP, entry), { recursive: true, force: true });
  }
  cpSync(TEMPLATE, APP, { recursive: true });
  const lock = digest(join(APP, 'package-lock.json'));
  const stamp = join(APP, 'node_modules/.starter-lock.sha256');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) {
    log(`starter dependencies already installed in ${relative(ROOT, APP)}`);
    return;
  }
  log(`installing the starter's dependencies (npm ci) in ${relative(ROOT, APP)}`);
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: APP,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PATH: childPath },
  });
  if (install.status !== 0) throw new Error(`npm ci in ${APP} exited with ${install.status}`);
  writeFileSync(stamp, lock);
}

/** Versions the starter actually runs on, read from its node_modules. */
function starterVersions() {
  const version = (name) =>
    JSON.parse(readFileSync(join(APP, 'node_modules', name, 'package.json'), 'utf8')).version;
  return Object.fromEntries(
    ['astro', '@astrojs/mdx', '@astrojs/rss', '@astrojs/sitemap', 'sharp', 'vite'].map((n) => [
      n,
      version(n),
    ]),
  );
}

/** One starter post per article, at the same relative path, replacing the sample posts. */
function writeStarterPosts(contentDir) {
  const blog = join(APP, 'src/content/blog');
  rmSync(blog, { recursive: true, force: true });
  const source = join(contentDir, 'articles');
  let count = 0;
  for (const file of listFiles(source).filter((f) => f.endsWith('.md'))) {
    const target = join(blog, relative(source, file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, starterPost(readFileSync(file, 'utf8'), relative(contentDir, file)));
    count += 1;
  }
  return count;
}

async function buildStarter(label) {
  // Cold: no output, no generated types, no content store or asset cache
  // (Astro's default cacheDir is node_modules/.astro).
  for (const entry of ['dist', '.astro', 'node_modules/.astro']) {
    rmSync(join(APP, entry), { recursive: true, force: true });
  }
  const result = await timedBuild(APP, label, [
    process.execPath,
    join(APP, 'node_modules/astro/bin/astro.mjs'),
    'build',
  ]);
  // Every post must have become a page (dist/blog/<id>/index.html), or the
  // starter's time means nothing.
  const blog = join(APP, 'dist/blog');
  const postPages = listFiles(blog).filter(
    (f) => f.endsWith('/index.html') && f !== join(blog, 'index.html'),
  ).length;
  if (postPages !== articles) {
    throw new Error(`${label}: the starter wrote ${postPages} post pages for ${articles} posts`);
  }
  return { ...result, postPages };
}

// ---------------------------------------------------------------------------
// Ours: bench/run.mjs's cold scenario (a temporary copy of the project, build
// state cleared), with --force so nothing is taken from an earlier build.

function buildOurs(dir, label) {
  for (const entry of ['dist', '.cache', '.astro', '.dist-next', '.dist-previous']) {
    rmSync(join(dir, entry), { recursive: true, force: true });
  }
  return timedBuild(dir, label, [process.execPath, 'scripts/build.mjs', '--force']);
}

// ---------------------------------------------------------------------------
// Report

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padStart(widths[i] ?? 0)).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const ratio = (ours, starter) => ours / starter;

function printResults(pairs) {
  const headers = ['run', 'site', 'wall s', 'CPU s', 'peak RSS MB', 'tree RSS MB', 'files', 'load'];
  const rows = [];
  for (const pair of pairs) {
    for (const site of pair.order) {
      const r = pair[site];
      rows.push([
        pair.run,
        site,
        fmt(r.wallS),
        fmt(r.cpuS),
        fmt(r.peakRssMb, 0),
        fmt(r.treeRssMb, 0),
        r.files,
        fmt(r.load1m, 2),
      ]);
    }
  }
  console.log(`\nCold builds, ${articles} articles (measured with ${METHOD})\n`);
  console.log(table(headers, rows));
  if (!args.ours) return;
  console.log('\nours / starter\n');
  const ratioRows = pairs.map((p) => [
    p.run,
    fmt(p.ratio.wall, 2),
    fmt(p.ratio.cpu, 2),
    fmt(p.ratio.peakRss, 2),
  ]);
  const m = medianRatios(pairs);
  ratioRows.push(['median', fmt(m.wall, 2), fmt(m.cpu, 2), fmt(m.peakRss, 2)]);
  console.log(table(['run', 'wall', 'CPU', 'peak RSS'], ratioRows));
  console.log(
    `\nTarget 3 (issue 14): ours within 2× the starter's wall time: median ratio ${fmt(m.wall, 2)}`,
  );
}

function medianRatios(pairs) {
  return {
    wall: median(pairs.map((p) => p.ratio.wall)),
    cpu: median(pairs.map((p) => p.ratio.cpu)),
    peakRss: median(pairs.map((p) => p.ratio.peakRss)),
  };
}

function round(value) {
  if (typeof value === 'number') return Math.round(value * 1000) / 1000;
  if (Array.isArray(value)) return value.map(round);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round(v)]));
  }
  return value;
}

// ---------------------------------------------------------------------------
// Main

let oursDir;
const stop = (signal) => {
  running?.kill(signal);
  if (oursDir && !args.keep) rmSync(oursDir, { recursive: true, force: true });
  process.exit(130);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

try {
  setUpStarter();
  const versions = starterVersions();
  log(`starter: astro ${versions.astro}, on Node ${process.versions.node}`);

  // The corpus is written where our build reads it (a copy of the project,
  // as bench/run.mjs makes) or, without --ours, into a scratch folder.
  const corpusDir = args.ours
    ? join((oursDir = copyProject('starter-ours')), 'content')
    : join(mkdtempSync(join(tmpdir(), 'voz-starter-corpus-')), 'content');
  log(`generating ${articles} articles (seed ${seed})`);
  const corpus = await generateCorpus({ out: corpusDir, articles, seed, buildTime });
  const posts = writeStarterPosts(corpusDir);
  if (!args.ours) rmSync(dirname(corpusDir), { recursive: true, force: true });
  if (posts !== articles) throw new Error(`wrote ${posts} starter posts for ${articles} articles`);

  const pairs = [];
  for (let run = 1; run <= runs; run++) {
    // Alternate which build goes first, so neither always meets a machine
    // warmed (or tired) by the other.
    const order = !args.ours
      ? ['starter']
      : run % 2 === 1
        ? ['starter', 'ours']
        : ['ours', 'starter'];
    const pair = { run, order };
    for (const site of order) {
      log(`run ${run}/${runs}: ${site}, cold build`);
      const result =
        site === 'starter'
          ? await buildStarter(`run${run}`)
          : await buildOurs(/** @type {string} */ (oursDir), `run${run}`);
      log(
        `run ${run}/${runs}: ${site} ${fmt(result.wallS)} s wall, ${fmt(result.cpuS)} s CPU, ${fmt(result.peakRssMb, 0)} MB, ${result.files} files`,
      );
      pair[site] = result;
    }
    if (args.ours) {
      pair.ratio = {
        wall: ratio(pair.ours.wallS, pair.starter.wallS),
        cpu: ratio(pair.ours.cpuS, pair.starter.cpuS),
        peakRss: ratio(pair.ours.peakRssMb, pair.starter.peakRssMb),
      };
    }
    pairs.push(pair);
  }

  printResults(pairs);
  const results = {
    date: new Date().toISOString(),
    ...gitDescribe(ROOT),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memGb: totalmem() / 2 ** 30,
      kernel: release(),
      node: process.versions.node,
    },
    method: METHOD,
    articles,
    seed,
    buildTime,
    translations: corpus.translations,
    starter: { template: TEMPLATE_SOURCE, versions },
    oursCommand: args.ours
      ? 'node scripts/build.mjs --force (cold: no dist/, .cache/, .astro/)'
      : null,
    runs: pairs,
    median: {
      starter: {
        wallS: median(pairs.map((p) => p.starter.wallS)),
        cpuS: median(pairs.map((p) => p.starter.cpuS)),
        peakRssMb: median(pairs.map((p) => p.starter.peakRssMb)),
      },
      ...(args.ours
        ? {
            ours: {
              wallS: median(pairs.map((p) => p.ours.wallS)),
              cpuS: median(pairs.map((p) => p.ours.cpuS)),
              peakRssMb: median(pairs.map((p) => p.ours.peakRssMb)),
            },
            ratio: medianRatios(pairs),
          }
        : {}),
    },
  };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, await formatJson(JSON.stringify(round(results), null, 2), outFile));
  log(`results: ${relative(process.cwd(), outFile)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  if (oursDir) {
    if (args.keep) log(`kept ${oursDir}`);
    else rmSync(oursDir, { recursive: true, force: true });
  }
}
