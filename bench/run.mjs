// Build benchmark: generates deterministic corpora (bench/corpus.mjs), builds
// each in a temporary copy of the project with `node scripts/build.mjs`, and
// reports wall time, CPU time, peak memory, pages written, image transforms
// and gzipped page weight. See bench/README.md.
//
//   npm run bench                          # 1k and 10k text articles, 200 images
//   npm run bench -- --sizes 200,1000 --images 0
//   npm run bench -- --smoke               # tiny CI run: fails if a build fails
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { DEFAULT_BUILD_TIME, addStory, generateCorpus, unpublishStory } from './corpus.mjs';
import { heroQuality } from './quality.mjs';
import { escapeXml, median, medianRun, niceMax } from './stats.mjs';
import { phaseRows, readPhases, scalingChartSvg, usePhaseTimer } from './phases.mjs';
import { measureSearch, searchFromLog } from './search.mjs';
import { publishWatchRuns } from './watch.mjs';
import { METHOD, SAMPLE_MS, formatJson, gitDescribe, timedRun } from './measure.mjs';
import { copyProject, fileDigests, listFiles } from '../scripts/project-copy.mjs';
import { keptPathsFromLog } from '../src/lib/kept-paths.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Heroes whose renditions are compared with their source (SSIM). */
const QUALITY_SAMPLE = 10;

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    sizes: { type: 'string' },
    '50k': { type: 'boolean', default: false },
    '100k': { type: 'boolean', default: false },
    images: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'build-time': { type: 'string', default: DEFAULT_BUILD_TIME },
    'gzip-sample': { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: true },
    watch: { type: 'boolean', default: true },
    search: { type: 'boolean', default: true },
    chart: { type: 'string' },
    repeat: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [options]
  --sizes 1000,10000   text corpus sizes (default 1000,10000)
  --50k                add a 50,000-article text corpus
  --100k               add a 100,000-article text corpus
  --images 200         hero-image corpus size (default 200; 0 skips it)
  --smoke              tiny CI run: 20 articles, 2 images, one cold and one warm build
  --out FILE           results JSON (default bench/results/latest.json; smoke: a temp file);
                       the chart goes beside it as .svg
  --seed 1             corpus seed
  --build-time ISO     the builds' "now" (default ${DEFAULT_BUILD_TIME})
  --gzip-sample 200    pages per type gzipped for the page-weight medians
  --keep               keep the temporary projects
  --no-search          skip the search measurement after the rebuilds (bundle size, a
                       first query, indexing the built HTML instead: 20 minutes at 50k);
                       the builds' own indexing figures are kept
  --no-verify          skip the full build (--force) that checks the incremental
                       rebuild gives the same dist/, byte for byte
  --no-watch           skip the same three changes published by \`npm run publish:watch\`
                       (its next build started ahead), timed from the save to live
  --chart FILE.json    only redraw the chart of an earlier results file
  --repeat 3           run the text corpora's rebuilds (no change, one edit, one story
                       added, one unpublished) 3 times each, in turn, and report the
                       median of each kind (its run's phases; every run's figures kept
                       in the JSON as "repeats")`);
  process.exit(0);
}

const seed = Number(args.seed);
const buildTime = args['build-time'];
const gzipSample = Number(args['gzip-sample']);
const repeat = Number(args.repeat);
if (!Number.isInteger(repeat) || repeat < 1) {
  console.error(`--repeat takes a whole number of runs, 1 or more (got "${args.repeat}")`);
  process.exit(2);
}
const sizes = args.smoke
  ? []
  : (args.sizes ?? '1000,10000')
      .split(',')
      .filter((s) => s.trim() !== '')
      .map((s) => Number(s.trim().replace(/k$/i, '000')))
      .concat(args['50k'] ? [50000] : [], args['100k'] ? [100000] : []);
const imageCount = args.smoke ? 0 : Number(args.images ?? '200');
const outFile = resolve(
  ROOT,
  args.out ?? (args.smoke ? join(tmpdir(), 'voz-bench-smoke.json') : 'bench/results/latest.json'),
);
for (const n of [...sizes, imageCount, seed, gzipSample]) {
  if (!Number.isInteger(n) || n < 0) {
    console.error(`bench: expected whole numbers, got ${n}`);
    process.exit(2);
  }
}

const log = (message) => console.error(`[bench] ${message}`);
const shortPath = (file) => {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
};

// ---------------------------------------------------------------------------
// How we measure

// See bench/measure.mjs.

// ---------------------------------------------------------------------------
// Projects and builds

let current = { dir: undefined, child: undefined };

function makeProject(label) {
  const dir = copyProject(`bench-${label}`);
  current.dir = dir;
  return dir;
}

function removeProject(dir) {
  if (args.keep) log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  current.dir = undefined;
}

function clearBuildState(dir) {
  for (const entry of ['dist', '.cache', '.astro', '.dist-next', '.dist-previous']) {
    rmSync(join(dir, entry), { recursive: true, force: true });
  }
}

/** Counts Astro's per-image log lines: encoded now, or taken from the cache. */
function imageLog(text) {
  const counts = { encoded: 0, cached: 0 };
  // eslint-disable-next-line no-control-regex
  for (const line of text.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
    if (!/▶ \S+/.test(line) || !/\(\d+\/\d+\)\s*$/.test(line)) continue;
    if (/\((reused|revalidated) cache entry\)/.test(line)) counts.cached += 1;
    else if (/\(before: /.test(line)) counts.encoded += 1;
  }
  return counts;
}

class BuildFailed extends Error {}

/** The environment of every build the bench runs. */
const buildEnv = () => ({
  ...process.env,
  BUILD_TIME: buildTime,
  PAGE_SIZE: '',
  ASTRO_TELEMETRY_DISABLED: '1',
  FORCE_COLOR: '0',
});

/** Runs `node scripts/build.mjs` in `dir` and measures it. */
async function build(dir, label, extraArgs = []) {
  const cacheDir = join(dir, '.cache/astro/assets');
  const cacheBefore = listFiles(cacheDir).length;
  const run = await timedRun({
    dir,
    label,
    prefix: '.bench',
    command: [process.execPath, 'scripts/build.mjs', ...usePhaseTimer(dir), ...extraArgs],
    env: buildEnv(),
    onChild: (child) => {
      current.child = child;
    },
  });
  const phases = readPhases(dir, run.spawnMs, run.exitMs);
  const output = readFileSync(run.logFile, 'utf8');
  if (run.code !== 0) {
    console.error(output.split('\n').slice(-40).join('\n'));
    throw new BuildFailed(`${label}: the build exited with ${run.code} (project kept in ${dir})`);
  }
  const { wallS, cpuS, peakRssMb, treeRssMb, load1m } = run;
  const pages = listFiles(join(dir, 'dist')).filter((f) => f.endsWith('.html')).length;
  const fromLog = imageLog(output);
  return {
    wallS,
    cpuS,
    peakRssMb,
    treeRssMb,
    pages,
    pagesPerS: pages / wallS,
    load1m,
    imageTransforms: listFiles(cacheDir).length - cacheBefore,
    imagesEncoded: fromLog.encoded,
    imagesFromCache: fromLog.cached,
    // Paths a build into the kept work folder left as the previous build
    // wrote them.
    pagesReused: keptPathsFromLog(output)?.kept ?? 0,
    phases,
    // The search index's share of the build (bench/search.mjs).
    search: searchFromLog(output),
  };
}

/**
 * Changes one article as a desk would: a new headline (shown on its page,
 * fronts, listings, feeds, related stories and its share card) and a
 * paragraph added at the end.
 */
function editOneArticle(files) {
  const file = [...files].sort()[Math.floor(files.length / 2)];
  const text = readFileSync(file, 'utf8').replace(
    /^title: "(.*)"$/m,
    (_, title) => `title: "${title} (updated)"`,
  );
  writeFileSync(
    file,
    `${text}\nUpdate: this paragraph was added after publication to measure an incremental rebuild.\n`,
  );
  return file;
}

/** Files that differ between two dist/ digests (missing on either side included). */
function distDifferences(a, b) {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => a.get(name) !== b.get(name)).sort();
}

// ---------------------------------------------------------------------------
// Page weight

const PAGE_TYPES = [
  ['front page', /^(es|en)\/index\.html$/],
  ['article', /^(es|en)\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/],
  ['section', /^(es|en)\/(?!tag\/|author\/|archive\/|\d+\/)[a-z0-9-]+\/index\.html$/],
  ['tag', /^(es|en)\/tag\/[^/]+\/index\.html$/],
  ['author', /^(es|en)\/author\/[^/]+\/index\.html$/],
  ['archive month', /^(es|en)\/\d{4}\/\d{2}\/index\.html$/],
];

/** Spread `count` picks evenly over `list`. */
const evenly = (list, count) =>
  list.length <= count
    ? list
    : Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]);

/**
 * Median gzipped bytes per page type (first pages of listings only): the
 * HTML plus each stylesheet it links, each gzipped on its own as a server
 * would send it (zlib, default level 6).
 */
function pageWeights(dist) {
  const pages = listFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .map((f) => relative(dist, f).split(sep).join('/'))
    .sort();
  const cssCache = new Map();
  const cssGzip = (href, page) => {
    const clean = href.split(/[?#]/)[0];
    const file = clean.startsWith('/') ? join(dist, clean) : join(dist, dirname(page), clean);
    if (!cssCache.has(file)) {
      cssCache.set(file, existsSync(file) ? gzipSync(readFileSync(file)).length : 0);
    }
    return cssCache.get(file);
  };
  const result = {};
  for (const [type, pattern] of PAGE_TYPES) {
    const ofType = pages.filter((p) => pattern.test(p));
    const html = [];
    const htmlGz = [];
    const css = [];
    const total = [];
    for (const page of evenly(ofType, gzipSample)) {
      const text = readFileSync(join(dist, page));
      const gz = gzipSync(text).length;
      let cssBytes = 0;
      for (const tag of text.toString('utf8').match(/<link\b[^>]*>/gi) ?? []) {
        const rel = tag.match(/\brel\s*=\s*["']?([^"'\s>]+)/i)?.[1];
        const href = tag.match(/\bhref\s*=\s*["']?([^"'\s>]+)/i)?.[1];
        if (rel?.toLowerCase() === 'stylesheet' && href && !/^[a-z]+:|^\/\//i.test(href)) {
          cssBytes += cssGzip(href, page);
        }
      }
      html.push(text.length);
      htmlGz.push(gz);
      css.push(cssBytes);
      total.push(gz + cssBytes);
    }
    result[type] = {
      pages: ofType.length,
      sampled: html.length,
      htmlBytes: median(html),
      htmlGzip: median(htmlGz),
      cssGzip: median(css),
      totalGzip: median(total),
    };
  }
  return result;
}

// ---------------------------------------------------------------------------
// Output

const fmt = (n, digits = 1) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';

function table(title, headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  const line = (row) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [
    title,
    line(cells[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}

const RUN_HEADERS = [
  'run',
  'wall s',
  'CPU s',
  'peak RSS MB',
  'tree RSS MB',
  'pages',
  'pages/s',
  'reused',
  'load',
];
const runRow = (name, r) => [
  name,
  fmt(r.wallS),
  fmt(r.cpuS),
  fmt(r.peakRssMb, 0),
  fmt(r.treeRssMb, 0),
  r.pages?.toLocaleString('en-US') ?? '–',
  fmt(r.pagesPerS),
  r.pagesReused?.toLocaleString('en-US') ?? '–',
  fmt(r.load1m, 2),
];

function printText(results) {
  for (const s of results.text) {
    console.log(
      `\n${table(`Text corpus: ${s.articles.toLocaleString('en-US')} articles`, RUN_HEADERS, [
        runRow('cold', s.cold),
        runRow('warm (no change)', s.warm),
        runRow('one article changed', s.edit),
        ...(s.add ? [runRow('one article added', s.add)] : []),
        ...(s.unpublish ? [runRow('one article unpublished', s.unpublish)] : []),
        ...(s.watch
          ? [
              runRow('changed, publish:watch', s.watch.edit),
              runRow('added, publish:watch', s.watch.add),
              runRow('unpublished, publish:watch', s.watch.unpublish),
            ]
          : []),
        ...(s.verify ? [runRow('full build (--force)', s.verify.full)] : []),
      ])}`,
    );
    const phaseRuns = [
      { name: 'cold', phases: s.cold.phases },
      { name: 'warm', phases: s.warm.phases },
      { name: 'one change', phases: s.edit.phases },
      ...(s.add ? [{ name: 'added', phases: s.add.phases }] : []),
      ...(s.unpublish ? [{ name: 'unpublished', phases: s.unpublish.phases }] : []),
      ...(s.watch
        ? [
            { name: 'watch: change', phases: s.watch.edit.phases },
            { name: 'watch: added', phases: s.watch.add.phases },
            { name: 'watch: unpublished', phases: s.watch.unpublish.phases },
          ]
        : []),
    ];
    console.log(
      `\n${table('Phases: wall s (CPU s of the Astro process), bench/phases.mjs', ['phase', ...phaseRuns.map((r) => r.name)], phaseRows(phaseRuns))}`,
    );
    if (s.watch) {
      console.log(
        `publish:watch: timed from the save to the watcher's "live" line (its phases count from the save; ` +
          `what the build started ahead did before it is in none). The next build was ready ` +
          `${fmt(median(s.watch.readyS))} s after each publish (median); the watcher's process tree peaked at ` +
          `${fmt(s.watch.treeRssMb, 0)} MB.`,
      );
    }
    if (s.verify) {
      console.log(
        `Incremental rebuilds after the edit, the addition and the unpublishing${s.watch ? ' (and the same through publish:watch)' : ''} = full build: ${s.verify.differences.length === 0 ? `identical, ${s.verify.files.toLocaleString('en-US')} files` : `${s.verify.differences.length} files differ`}`,
      );
    }
  }
  const searched = results.text.filter((s) => s.search);
  if (searched.length > 0) {
    const kb = (bytes) => fmt(bytes / 1024, 0);
    const runs = (s) => [s.cold, s.edit, s.add, s.unpublish].filter(Boolean);
    console.log(
      `\n${table(
        'Search (issue 13): index from the catalogue, per build; bundle; a first query (KB as sent, gzip for text)',
        ['', ...searched.map((s) => `${s.articles.toLocaleString('en-US')} articles`)],
        [
          ['index s: cold build', ...searched.map((s) => fmt(s.cold.search?.indexS, 2))],
          ['index s: one article changed', ...searched.map((s) => fmt(s.edit.search?.indexS, 2))],
          [
            'share of that rebuild, %',
            ...searched.map((s) => fmt((100 * (s.edit.search?.indexS ?? NaN)) / s.edit.wallS)),
          ],
          [
            'files written / removed, one change',
            ...searched.map(
              (s) => `${s.edit.search?.written ?? '–'} / ${s.edit.search?.removed ?? '–'}`,
            ),
          ],
          [
            'max index s of the rebuilds',
            ...searched.map((s) =>
              fmt(Math.max(...runs(s).map((r) => r.search?.indexS ?? NaN)), 2),
            ),
          ],
          [
            'bundle KB on disk (es + en)',
            ...searched.map((s) => kb(s.search.bundle.es.bytes + s.search.bundle.en.bytes)),
          ],
          [
            'bundle files (es + en)',
            ...searched.map((s) =>
              (s.search.bundle.es.files + s.search.bundle.en.files).toLocaleString('en-US'),
            ),
          ],
          [
            'first query KB (search files)',
            ...searched.map(
              (s) =>
                `${kb(s.search.firstQuery.search.bytes)} (${kb(s.search.firstQuery.search.gzipBytes)})`,
            ),
          ],
          ['first query files', ...searched.map((s) => s.search.firstQuery.search.files)],
          [
            'indexing, back to back: records wall / CPU s',
            ...searched.map(
              (s) =>
                `${fmt(s.search.indexing.recordsS, 2)} / ${fmt(s.search.indexing.recordsCpuS, 2)}`,
            ),
          ],
          [
            'indexing, back to back: built HTML wall / CPU s',
            ...searched.map(
              (s) => `${fmt(s.search.indexing.htmlS, 2)} / ${fmt(s.search.indexing.htmlCpuS, 2)}`,
            ),
          ],
          [
            'stories found, records / HTML',
            ...searched.map((s) =>
              s.search.indexing.sameResults.map((r) => `${r.records}/${r.html}`).join(' '),
            ),
          ],
          [
            'same first 10 (newest first)',
            ...searched.map((s) => s.search.indexing.sameResults.map((r) => r.sameTop10).join(' ')),
          ],
        ],
      )}`,
    );
  }
  if (results.text.length > 0) {
    const types = PAGE_TYPES.map(([type]) => type);
    console.log(
      `\n${table(
        'Median gzipped bytes per page (HTML + linked CSS, each gzipped; HTML share in brackets)',
        ['page type', ...results.text.map((s) => `${s.articles.toLocaleString('en-US')} articles`)],
        types.map((type) => [
          type,
          ...results.text.map((s) => {
            const w = s.pageWeights[type];
            return w.sampled === 0
              ? '–'
              : `${fmt(w.totalGzip, 0)} (${fmt(w.htmlGzip, 0)}) n=${w.sampled}/${w.pages}`;
          }),
        ]),
      )}`,
    );
  }
}

function printImages(s) {
  console.log(
    `\n${table(
      s.images === s.articles
        ? `Image corpus: ${s.articles} articles, each with its own 2400×1600 hero`
        : `Smoke corpus: ${s.articles} articles, ${s.images} with a 2400×1600 hero`,
      [...RUN_HEADERS, 'new cache files', 'encoded', 'from cache'],
      [
        [
          ...runRow('cold', s.cold),
          s.cold.imageTransforms,
          s.cold.imagesEncoded,
          s.cold.imagesFromCache,
        ],
        [
          ...runRow('warm', s.warm),
          s.warm.imageTransforms,
          s.warm.imagesEncoded,
          s.warm.imagesFromCache,
        ],
      ],
    )}`,
  );
  if (s.quality && Object.keys(s.quality).length > 0) {
    console.log(
      `\n${table(
        'SSIM against the source resized to the same pixels (renditions with the source framing)',
        ['format', 'renditions', 'min SSIM', 'median SSIM', 'widths'],
        Object.entries(s.quality).map(([format, q]) => [
          format,
          q.renditions,
          fmt(q.min, 4),
          fmt(q.median, 4),
          q.widths.join(', '),
        ]),
      )}`,
    );
  }
}

/** Rounds numbers for the JSON file. */
const round = (value) =>
  JSON.parse(
    JSON.stringify(value, (_, v) =>
      typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v,
    ),
  );

/**
 * Hand-written SVG: cold build wall time (left axis) and peak RSS (right
 * axis) against the number of articles (log scale when sizes span 5× or more).
 */
function chartSvg(results) {
  const points = results.text.map((s) => ({
    x: s.articles,
    time: s.cold.wallS,
    mem: s.cold.peakRssMb,
  }));
  const W = 760;
  const H = 460;
  const m = { left: 78, right: 84, top: 92, bottom: 62 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const xs = points.map((p) => p.x);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const log = hi / lo >= 5;
  let xOf;
  if (points.length === 1) xOf = () => m.left + pw / 2;
  else if (log) {
    const a = Math.log10(lo);
    const b = Math.log10(hi);
    const pad = (b - a) * 0.08;
    xOf = (x) => m.left + ((Math.log10(x) - a + pad) / (b - a + 2 * pad)) * pw;
  } else {
    xOf = (x) => m.left + (x / (hi * 1.08)) * pw;
  }
  const tMax = niceMax(Math.max(...points.map((p) => p.time)));
  const mMax = niceMax(Math.max(...points.map((p) => p.mem)));
  const yT = (v) => m.top + ph - (v / tMax) * ph;
  const yM = (v) => m.top + ph - (v / mMax) * ph;
  const BLUE = '#1f5fbf';
  const RED = '#c2410c';
  const out = [];
  const text = (x, y, s, attrs = '') =>
    out.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeXml(s)}</text>`);

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="13" fill="#222">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
  );
  text(
    W / 2,
    26,
    'Cold build: wall time and peak memory vs. article count',
    'text-anchor="middle" font-size="17" font-weight="600"',
  );
  text(
    W / 2,
    46,
    `${results.meta.date.slice(0, 10)} · Node ${results.meta.node} · ${results.meta.cpus}× ${results.meta.cpuModel} · peak RSS from ${results.meta.memoryMethod.split(':')[0]}`,
    'text-anchor="middle" font-size="11" fill="#666"',
  );
  // Grid and left axis (seconds), right axis (MB).
  for (let i = 0; i <= 5; i++) {
    const y = m.top + ph - (i / 5) * ph;
    out.push(
      `<line x1="${m.left}" x2="${m.left + pw}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#e5e5e5"/>`,
    );
    text(
      m.left - 8,
      y + 4,
      fmt((tMax * i) / 5, tMax < 5 ? 1 : 0),
      `text-anchor="end" fill="${BLUE}"`,
    );
    text(m.left + pw + 8, y + 4, fmt((mMax * i) / 5, 0), `text-anchor="start" fill="${RED}"`);
  }
  out.push(
    `<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`,
  );
  for (const p of points) {
    const x = xOf(p.x);
    out.push(
      `<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${m.top + ph}" y2="${m.top + ph + 5}" stroke="#999"/>`,
    );
    text(x, m.top + ph + 20, p.x.toLocaleString('en-US'), 'text-anchor="middle"');
  }
  text(
    m.left + pw / 2,
    H - 18,
    `Articles${log && points.length > 1 ? ' (log scale)' : ''}`,
    'text-anchor="middle" font-weight="600"',
  );
  text(
    0,
    0,
    'Cold build wall time (s)',
    `transform="translate(22 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle" font-weight="600" fill="${BLUE}"`,
  );
  text(
    0,
    0,
    'Peak RSS of the largest process (MB)',
    `transform="translate(${W - 20} ${m.top + ph / 2}) rotate(90)" text-anchor="middle" font-weight="600" fill="${RED}"`,
  );

  const series = (yOf, key, color, dash, marker) => {
    const coords = points.map((p) => [xOf(p.x), yOf(p[key])]);
    if (coords.length > 1) {
      out.push(
        `<polyline points="${coords.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}" fill="none" stroke="${color}" stroke-width="2.5"${dash ? ' stroke-dasharray="7 5"' : ''}/>`,
      );
    }
    coords.forEach(([x, y], i) => {
      out.push(marker(x, y, color));
      const p = points[i];
      const label =
        key === 'time' ? `${fmt(p.time, p.time < 10 ? 1 : 0)} s` : `${fmt(p.mem, 0)} MB`;
      // The higher of the two points at this x gets its label above, the other below;
      // labels in the right half sit to the left of the point.
      const other = key === 'time' ? yM(p.mem) : yT(p.time);
      const dy = y <= other ? -11 : 21;
      const right = x > m.left + pw / 2;
      text(
        x + (right ? -9 : 9),
        y + dy,
        label,
        `fill="${color}" font-size="12" font-weight="600" text-anchor="${right ? 'end' : 'start'}"`,
      );
    });
  };
  series(
    yT,
    'time',
    BLUE,
    false,
    (x, y, c) => `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5" fill="${c}"/>`,
  );
  series(
    yM,
    'mem',
    RED,
    true,
    (x, y, c) =>
      `<rect x="${(x - 5).toFixed(1)}" y="${(y - 5).toFixed(1)}" width="10" height="10" fill="${c}"/>`,
  );

  // Legend, in a row above the plot so it never hides a point.
  const lx = W / 2 - 230;
  const ly = 70;
  out.push(
    `<line x1="${lx}" x2="${lx + 26}" y1="${ly}" y2="${ly}" stroke="${BLUE}" stroke-width="2.5"/>`,
    `<circle cx="${lx + 13}" cy="${ly}" r="4" fill="${BLUE}"/>`,
    `<line x1="${lx + 240}" x2="${lx + 266}" y1="${ly}" y2="${ly}" stroke="${RED}" stroke-width="2.5" stroke-dasharray="7 5"/>`,
    `<rect x="${lx + 249}" y="${ly - 4}" width="8" height="8" fill="${RED}"/>`,
  );
  text(lx + 34, ly + 4, 'Cold build wall time (left axis)');
  text(lx + 274, ly + 4, 'Peak RSS, MB (right axis)');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------
// Scenarios

async function textScenario(articles) {
  log(`text corpus: generating ${articles} articles`);
  const dir = makeProject(`text-${articles}`);
  const corpus = await generateCorpus({ out: join(dir, 'content'), articles, seed, buildTime });
  clearBuildState(dir);
  log(`text ${articles}: cold build`);
  const cold = await build(dir, 'cold');
  log(`text ${articles}: cold ${fmt(cold.wallS)} s, ${cold.pages} pages`);
  const runs = { warm: [], edit: [], add: [], unpublish: [] };
  for (let round = 1; round <= repeat; round++) {
    const of = repeat > 1 ? ` (${round} of ${repeat})` : '';
    log(`text ${articles}: warm build${of}`);
    runs.warm.push(await build(dir, 'warm'));
    const edited = editOneArticle(corpus.files);
    log(`text ${articles}: changed ${relative(dir, edited)}; rebuilding${of}`);
    runs.edit.push(await build(dir, 'edit'));
    const added = addStory(corpus.files, buildTime);
    log(`text ${articles}: added ${relative(dir, added)}; rebuilding${of}`);
    runs.add.push(await build(dir, 'add'));
    const unpublished = unpublishStory(corpus.files);
    log(`text ${articles}: unpublished ${relative(dir, unpublished)}; rebuilding${of}`);
    runs.unpublish.push(await build(dir, 'unpublish'));
  }
  const [warm, edit, add, unpublish] = [runs.warm, runs.edit, runs.add, runs.unpublish].map(
    medianRun,
  );
  let watch;
  if (args.watch) {
    // The same changes, published by the watcher a newsroom runs (README
    // "Publishing"): its next build is started ahead and waits for the save.
    log(`text ${articles}: the same changes through publish:watch`);
    const watched = await publishWatchRuns({
      dir,
      args: usePhaseTimer(dir),
      env: buildEnv(),
      rounds: repeat,
      changes: {
        edit: () => editOneArticle(corpus.files),
        add: () => addStory(corpus.files, buildTime),
        unpublish: () => unpublishStory(corpus.files),
      },
      log: (message) => log(`text ${articles}: ${message}`),
      onChild: (child) => {
        current.child = child;
      },
    });
    watch = {
      edit: medianRun(watched.runs.edit),
      add: medianRun(watched.runs.add),
      unpublish: medianRun(watched.runs.unpublish),
      treeRssMb: watched.treeRssMb,
      peakRssMb: watched.peakRssMb,
      readyS: watched.readyS,
    };
  }
  log(`text ${articles}: measuring page weight`);
  const weights = pageWeights(join(dir, 'dist'));
  let search;
  if (args.search) {
    log(
      `text ${articles}: measuring search (bundle size, a first query, indexing the HTML instead)`,
    );
    search = await measureSearch(join(dir, 'dist'), join(dir, 'content'));
  }
  let verify;
  if (args.verify) {
    // The incremental result must be exactly what a full build gives.
    const incremental = fileDigests(join(dir, 'dist'));
    log(`text ${articles}: full build (--force) to compare with the incremental one`);
    const full = await build(dir, 'full', ['--force']);
    const differences = distDifferences(incremental, fileDigests(join(dir, 'dist')));
    verify = { full, files: incremental.size, differences: differences.slice(0, 20) };
    if (differences.length > 0) {
      throw new BuildFailed(
        `text ${articles}: the incremental build differs from a full build in ${differences.length} file(s): ${differences.slice(0, 5).join(', ')}`,
      );
    }
    log(`text ${articles}: incremental and full builds are identical (${incremental.size} files)`);
  }
  removeProject(dir);
  return {
    articles,
    translations: corpus.translations,
    hostileTitles: corpus.hostile,
    cold,
    warm,
    edit,
    add,
    unpublish,
    watch,
    verify,
    pageWeights: weights,
    search,
  };
}

async function imageScenario(articles, images, { smoke = false } = {}) {
  const label = smoke ? 'smoke' : `images-${images}`;
  log(`${label}: generating ${articles} articles, ${images} with 2400×1600 heroes`);
  const dir = makeProject(label);
  let made = 0;
  const corpus = await generateCorpus({
    out: join(dir, 'content'),
    articles,
    images,
    seed,
    buildTime,
    onImage: () => {
      made += 1;
      if (made % 25 === 0) log(`${label}: ${made}/${images} images`);
    },
  });
  clearBuildState(dir);
  log(`${label}: cold build`);
  const cold = await build(dir, 'cold');
  const heroes = corpus.files
    .map((file) => file.replace(/\.md$/, '.jpg'))
    .filter((file) => existsSync(file));
  log(
    `${label}: cold ${fmt(cold.wallS)} s; SSIM of the renditions of ${Math.min(heroes.length, QUALITY_SAMPLE)} heroes`,
  );
  const quality = await heroQuality(join(dir, 'dist'), evenly(heroes, QUALITY_SAMPLE));
  log(`${label}: warm build`);
  const warm = await build(dir, 'warm');
  const frontPages = ['es', 'en'].map((lang) => existsSync(join(dir, 'dist', lang, 'index.html')));
  removeProject(dir);
  return { articles, images, translations: corpus.translations, cold, warm, frontPages, quality };
}

// ---------------------------------------------------------------------------
// Main

if (args.chart) {
  const file = resolve(args.chart);
  const svg = file.replace(/\.json$/, '') + '.svg';
  const earlier = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(svg, chartSvg(earlier));
  console.log(`Chart: ${shortPath(svg)}`);
  if (earlier.text.every((s) => s.edit?.phases)) {
    writeFileSync(file.replace(/\.json$/, '') + '.scaling.svg', scalingChartSvg(earlier));
  }
  process.exit(0);
}

process.on('SIGINT', () => {
  current.child?.kill('SIGINT');
  if (current.dir && !args.keep) rmSync(current.dir, { recursive: true, force: true });
  process.exit(130);
});

const cpu = cpus();
const results = {
  meta: {
    date: new Date().toISOString(),
    mode: args.smoke ? 'smoke' : 'full',
    node: process.versions.node,
    astro: JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')).version,
    cpus: cpu.length,
    cpuModel: (cpu[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    git: gitDescribe(ROOT),
    seed,
    buildTime,
    memoryMethod:
      METHOD === 'gnu-time'
        ? '/usr/bin/time -v: max RSS of the largest single process in the build tree'
        : `/proc VmHWM of the build's processes, polled every ${SAMPLE_MS} ms`,
    cpuMethod:
      METHOD === 'gnu-time'
        ? '/usr/bin/time -v: user + system time of the whole build tree'
        : '/proc/self/stat cutime + cstime: user + system time of the whole build tree',
    treeRssMethod: `sum of VmRSS over the build's process tree, polled every ${SAMPLE_MS} ms`,
    load: "1-minute load average when each build started (the machine's other work skews wall time)",
  },
  text: [],
  images: null,
  smoke: null,
};

log(
  `measuring CPU and memory with ${METHOD === 'gnu-time' ? '/usr/bin/time -v' : '/proc polling'}`,
);
try {
  if (args.smoke) {
    const smoke = await imageScenario(20, 2, { smoke: true });
    results.smoke = smoke;
    // A small text corpus through cold, warm, one change and the full-build check.
    results.text.push(await textScenario(30));
    const problems = [];
    if (smoke.cold.pages === 0) problems.push('the cold build wrote no pages');
    if (smoke.warm.pages !== smoke.cold.pages)
      problems.push('the warm build wrote a different number of pages');
    if (!smoke.frontPages.every(Boolean)) problems.push('a front page (es/ or en/) is missing');
    if (smoke.cold.imagesEncoded + smoke.cold.imageTransforms === 0)
      problems.push('no hero image was processed');
    printImages(smoke);
    printText(results);
    if (problems.length > 0) throw new BuildFailed(`smoke: ${problems.join('; ')}`);
  } else {
    for (const articles of sizes) results.text.push(await textScenario(articles));
    if (imageCount > 0) results.images = await imageScenario(imageCount, imageCount);
    printText(results);
    if (results.images) printImages(results.images);
  }
} catch (error) {
  console.error(
    `\nbench: ${error instanceof BuildFailed ? error.message : (error?.stack ?? error)}`,
  );
  process.exit(1);
}

console.log(
  `\nCPU: ${results.meta.cpuMethod}.\nPeak RSS: ${results.meta.memoryMethod}.\nTree RSS: ${results.meta.treeRssMethod}.\nLoad: ${results.meta.load}; ${cpus().length} CPUs.`,
);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, await formatJson(JSON.stringify(round(results), null, 2), outFile));
console.log(`Results: ${shortPath(outFile)}`);
if (results.text.length > 0) {
  const svg = outFile.replace(/\.json$/, '') + '.svg';
  writeFileSync(svg, chartSvg(results));
  console.log(`Chart: ${shortPath(svg)}`);
  const scaling = outFile.replace(/\.json$/, '') + '.scaling.svg';
  writeFileSync(scaling, scalingChartSvg(results));
  console.log(`Scaling chart: ${shortPath(scaling)}`);
}
