// Where a build's time goes: an Astro integration that stamps the moments
// between the phases of `astro build`, the bench code that turns the stamps
// into a phase table, and a chart of the one-change rebuild's phases and
// peak memory against archive size. See bench/README.md "Phases".
//
// Astro 7.3 logs with whole-second timestamps (`21:31:07 [build] …`), too
// coarse for rebuilds of a few seconds, so the stamps come from hooks:
// integration hooks for the steps between phases, and a wrapper around the
// default prerenderer (`setPrerenderer`, Astro ≥ 7) for the page phase.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { escapeXml, niceMax } from './stats.mjs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

/** The config the bench builds with: the project's own, plus the timer. */
export const PHASE_CONFIG = 'astro.bench.config.mjs';
/** Where the timer writes its stamps, relative to the project. */
const PHASE_FILE = '.bench-phases.json';

/** Milliseconds since the epoch, sub-millisecond: comparable across processes. */
const now = () => performance.timeOrigin + performance.now();

/**
 * The phase timer: two integrations, one to go first and one last, so that
 * the `astro:build:done` hooks of every other integration (sitemaps, asset
 * pruning) run between their stamps. Writes the stamps as JSON to
 * `file` when the build is done, with the heap in use at each stamp (after
 * a full collection when Node runs with `--expose-gc`, so it is the live
 * heap). `options.filterPaths` lets a prototype narrow the paths to render
 * (prototypes/publish) and still be timed the same way.
 * @param {string} file
 * @param {{ filterPaths?: (paths: import('astro').PathWithRoute[]) => Promise<import('astro').PathWithRoute[]> }} [options]
 * @returns {[import('astro').AstroIntegration, import('astro').AstroIntegration, (integration: import('astro').AstroIntegration) => import('astro').AstroIntegration]}
 */
export function phaseTimer(file, options = {}) {
  const marks = {};
  const heapMb = {};
  // cpuMs: CPU time of the Astro process (all its threads) at each stamp.
  // memoryMb: resident set, V8 heap reserved, and memory outside the heap
  // (Buffers, native libraries' allocations counted by V8) at each stamp.
  const counts = { paths: 0, rendered: 0, renderMs: 0, cpuMs: {}, memoryMb: {} };
  const mark = (name) => {
    if (marks[name] !== undefined) return;
    marks[name] = now();
    const cpu = process.cpuUsage();
    counts.cpuMs[name] = (cpu.user + cpu.system) / 1000;
    // @ts-expect-error gc exists only under --expose-gc
    globalThis.gc?.();
    const memory = process.memoryUsage();
    heapMb[name] = memory.heapUsed / 2 ** 20;
    counts.memoryMb[name] = {
      rss: memory.rss / 2 ** 20,
      heapTotal: memory.heapTotal / 2 ** 20,
      external: memory.external / 2 ** 20,
    };
  };
  /**
   * A prerenderer with the page phase's stamps around it.
   * @param {import('astro').AstroPrerenderer} inner
   * @returns {import('astro').AstroPrerenderer}
   */
  const timed = (inner) => ({
    ...inner,
    name: `${inner.name}+bench-phases`,
    async setup() {
      mark('bundleDone');
      await inner.setup?.();
      mark('setupDone');
    },
    async getStaticPaths() {
      mark('pathsStart');
      const all = await inner.getStaticPaths();
      counts.paths = all.length;
      const paths = options.filterPaths ? await options.filterPaths(all) : all;
      counts.selected = paths.length;
      mark('pathsDone');
      return paths;
    },
    async render(request, options) {
      const started = performance.now();
      try {
        return await inner.render(request, options);
      } finally {
        counts.rendered += 1;
        counts.renderMs += performance.now() - started;
      }
    },
    async teardown() {
      mark('pagesDone');
      await inner.teardown?.();
    },
  });
  const first = {
    name: 'voz-bench:phases-first',
    hooks: {
      'astro:config:setup': () => mark('configSetup'),
      'astro:config:done': () => mark('configDone'),
      'astro:build:start': ({ setPrerenderer }) => {
        mark('buildStart');
        setPrerenderer((inner) => timed(inner));
      },
      'astro:build:setup': () => mark('bundleStart'),
      'astro:build:generated': () => mark('generated'),
      'astro:build:done': () => mark('hooksStart'),
    },
  };
  const last = {
    name: 'voz-bench:phases-last',
    hooks: {
      'astro:build:done': () => {
        mark('hooksDone');
        const { maxRSS } = process.resourceUsage();
        writeFileSync(file, JSON.stringify({ marks, heapMb, counts, maxRssMb: maxRSS / 1024 }));
      },
    },
  };
  /**
   * The project's integration as it is, except that a prerenderer it sets
   * (Astro keeps only the last one set) wraps the timed default one instead
   * of replacing the timer's: the timer sits next to Astro's prerenderer,
   * so it counts every path of the site (the project's wrapper hands Astro
   * only those it renders) and every page actually rendered.
   * @param {import('astro').AstroIntegration} integration
   * @returns {import('astro').AstroIntegration}
   */
  const around = (integration) => {
    const hook = integration.hooks?.['astro:build:start'];
    if (!hook) return integration;
    return {
      ...integration,
      hooks: {
        ...integration.hooks,
        'astro:build:start': (params) =>
          hook({
            ...params,
            setPrerenderer: (prerenderer) =>
              params.setPrerenderer(
                typeof prerenderer === 'function'
                  ? (inner) => prerenderer(timed(inner))
                  : timed(prerenderer),
              ),
          }),
      },
    };
  };
  return [first, last, around];
}

/**
 * Writes the bench's config into the project `dir`: its own
 * `astro.config.mjs` with the phase timer around its integrations. Returns
 * the build arguments that select it.
 * @param {string} dir
 * @returns {string[]}
 */
export function usePhaseTimer(dir) {
  const self = pathToFileURL(new URL(import.meta.url).pathname).href;
  writeFileSync(
    join(dir, PHASE_CONFIG),
    [
      '// Written by bench/phases.mjs: the project config with the phase timer.',
      "import config from './astro.config.mjs';",
      `import { phaseTimer } from ${JSON.stringify(self)};`,
      `const [first, last, around] = phaseTimer(${JSON.stringify(join(dir, PHASE_FILE))});`,
      // The content store is saved after the build tells scripts/build.mjs
      // its output is complete (store-written-last.ts): the hooks end, and
      // "finish" begins, at that moment.
      "const isLast = (integration) => integration.name === 'store-written-last';",
      'const integrations = config.integrations ?? [];',
      'export default {',
      '  ...config,',
      '  integrations: [',
      '    first,',
      '    ...integrations.filter((integration) => !isLast(integration)).map(around),',
      '    last,',
      '    ...integrations.filter(isLast),',
      '  ],',
      '};',
      '',
    ].join('\n'),
  );
  return ['--config', PHASE_CONFIG];
}

/** The phases, in order: name, what it covers, and the stamps that bound it. */
export const PHASES = [
  [
    'start',
    'process start: npm/node, scripts/build.mjs, loading Astro and the config',
    'spawn',
    'configSetup',
  ],
  [
    'sync',
    'routes, content sync (the content layer reads every entry), types (a watched publish: done before the save)',
    'configSetup',
    'buildStart',
  ],
  [
    'bundle',
    'collecting pages, Vite/Rolldown bundling, importing the prerender bundle (a watched publish: bundled before the save, so the content sync after it)',
    'buildStart',
    'setupDone',
  ],
  ['paths', 'getStaticPaths of every route (the catalogue, cache keys)', 'pathsStart', 'pathsDone'],
  ['pages', 'rendering changed pages and copying/restoring cached ones', 'pathsDone', 'pagesDone'],
  ['images', 'optimized images (encoding or reusing cached ones)', 'pagesDone', 'generated'],
  ['hooks', 'astro:build:done hooks (sitemaps, asset pruning)', 'hooksStart', 'hooksDone'],
  [
    'finish',
    'Astro saving the content store and its exit, while scripts/build.mjs puts the changed files into dist/',
    'hooksDone',
    'exit',
  ],
];

/**
 * Reads the stamps a build wrote into `dir` and returns each phase's
 * seconds (undefined when a stamp is missing, for example a build that
 * stopped early), with the page counts.
 * @param {string} dir
 * @param {number} spawnMs epoch ms when the bench started the build
 * @param {number} exitMs epoch ms when the build's process tree ended
 * @param {number} [notBefore] epoch ms of the change, for a build started
 *   ahead (bench/watch.mjs): what it did before is in no phase, so earlier
 *   stamps count as this moment (and the CPU of a phase begun before it is
 *   not known)
 */
export function readPhases(dir, spawnMs, exitMs, notBefore = -Infinity) {
  const file = join(dir, PHASE_FILE);
  if (!existsSync(file)) return undefined;
  const { marks, heapMb, counts, maxRssMb } = JSON.parse(readFileSync(file, 'utf8'));
  const at = { ...marks, spawn: spawnMs, exit: exitMs };
  for (const [name, ms] of Object.entries(at)) at[name] = Math.max(ms, notBefore);
  // The Astro process's CPU from its start ('spawn' here) until the stamp;
  // the CPU of npx and of scripts/build.mjs is not in it.
  const cpuAt = { ...counts.cpuMs, spawn: 0 };
  for (const name of Object.keys(marks)) if (marks[name] < notBefore) cpuAt[name] = undefined;
  const seconds = {};
  const cpuSeconds = {};
  for (const [name, , from, to] of PHASES) {
    seconds[name] =
      at[from] !== undefined && at[to] !== undefined ? (at[to] - at[from]) / 1000 : undefined;
    cpuSeconds[name] =
      cpuAt[from] !== undefined && cpuAt[to] !== undefined
        ? (cpuAt[to] - cpuAt[from]) / 1000
        : undefined;
  }
  return { seconds, cpuSeconds, ...counts, heapMb, astroMaxRssMb: maxRssMb };
}

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : '–');

/**
 * Rows for a phase table: one per phase, one column per run.
 * @param {{ name: string, phases?: ReturnType<typeof readPhases> }[]} runs
 * @returns {string[][]}
 */
export function phaseRows(runs) {
  const rows = PHASES.map(([name]) => [
    name,
    ...runs.map((r) => `${fmt(r.phases?.seconds[name])} (${fmt(r.phases?.cpuSeconds?.[name])})`),
  ]);
  rows.push([
    '(paths / rendered)',
    ...runs.map((r) => (r.phases ? `${r.phases.paths} / ${r.phases.rendered}` : '–')),
  ]);
  return rows;
}

const COLOURS = [
  '#64748b',
  '#0e7490',
  '#7c3aed',
  '#b45309',
  '#1f5fbf',
  '#be185d',
  '#15803d',
  '#a3a3a3',
];

/**
 * Hand-written SVG: for each archive size, the one-change rebuild's wall
 * time as a bar stacked by phase (left axis), and the peak RSS of the cold
 * and of the one-change build as points (right axis), so the step that
 * grows with the archive shows at a glance.
 * @param {{ meta: { date: string, node: string }, text: { articles: number, cold: any, edit: any }[] }} results
 */
export function scalingChartSvg(results) {
  const sizes = results.text;
  const W = 820;
  const H = 500;
  const m = { left: 70, right: 84, top: 96, bottom: 64 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const band = pw / Math.max(sizes.length, 1);
  const barW = Math.min(90, band * 0.5);
  const tMax = niceMax(Math.max(...sizes.map((s) => s.edit.wallS)));
  const mMax = niceMax(Math.max(...sizes.flatMap((s) => [s.cold.peakRssMb, s.edit.peakRssMb])));
  const yT = (v) => m.top + ph - (v / tMax) * ph;
  const yM = (v) => m.top + ph - (v / mMax) * ph;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="13" fill="#222">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
  ];
  const text = (x, y, s, attrs = '') =>
    out.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeXml(s)}</text>`);
  text(
    W / 2,
    26,
    'One article changed: edit-to-live time by phase, and peak memory, vs. archive size',
    'text-anchor="middle" font-size="16" font-weight="600"',
  );
  text(
    W / 2,
    44,
    `${results.meta.date.slice(0, 10)} · Node ${results.meta.node} · bars: wall s of the one-change rebuild · squares: peak RSS MB`,
    'text-anchor="middle" font-size="11" fill="#666"',
  );
  for (let i = 0; i <= 5; i++) {
    const y = m.top + ph - (i / 5) * ph;
    out.push(
      `<line x1="${m.left}" x2="${m.left + pw}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#e5e5e5"/>`,
    );
    text(m.left - 8, y + 4, ((tMax * i) / 5).toFixed(tMax < 10 ? 1 : 0), 'text-anchor="end"');
    text(m.left + pw + 8, y + 4, ((mMax * i) / 5).toFixed(0), 'text-anchor="start" fill="#c2410c"');
  }
  out.push(
    `<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`,
  );
  sizes.forEach((s, i) => {
    const cx = m.left + band * (i + 0.5);
    let acc = 0;
    PHASES.forEach(([name], p) => {
      const v = s.edit.phases?.seconds[name];
      if (!Number.isFinite(v) || v <= 0) return;
      const y0 = yT(acc);
      const y1 = yT(acc + v);
      out.push(
        `<rect x="${(cx - barW / 2).toFixed(1)}" y="${y1.toFixed(1)}" width="${barW.toFixed(1)}" height="${(y0 - y1).toFixed(1)}" fill="${COLOURS[p]}"><title>${escapeXml(`${name}: ${v.toFixed(1)} s`)}</title></rect>`,
      );
      if (y0 - y1 >= 13)
        text(
          cx,
          (y0 + y1) / 2 + 4,
          `${name} ${v.toFixed(1)}`,
          'text-anchor="middle" font-size="10" fill="#fff"',
        );
      acc += v;
    });
    text(
      cx,
      yT(s.edit.wallS) - 6,
      `${s.edit.wallS.toFixed(1)} s`,
      'text-anchor="middle" font-weight="600"',
    );
    text(
      cx,
      m.top + ph + 20,
      `${s.articles.toLocaleString('en-US')} articles`,
      'text-anchor="middle"',
    );
    for (const [run, dx] of [
      ['cold', -1],
      ['edit', 1],
    ]) {
      const x = cx + dx * (barW / 2 + 14);
      const y = yM(s[run].peakRssMb);
      out.push(
        `<rect x="${(x - 5).toFixed(1)}" y="${(y - 5).toFixed(1)}" width="10" height="10" fill="${run === 'cold' ? '#c2410c' : '#fdba74'}" stroke="#c2410c"/>`,
      );
      text(
        x + dx * 8,
        y + 4,
        `${s[run].peakRssMb.toFixed(0)}`,
        `font-size="10" fill="#c2410c" text-anchor="${dx < 0 ? 'end' : 'start'}"`,
      );
    }
  });
  text(
    0,
    0,
    'One-change rebuild, wall s',
    `transform="translate(20 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle" font-weight="600"`,
  );
  text(
    0,
    0,
    'Peak RSS MB (dark: cold, light: one change)',
    `transform="translate(${W - 18} ${m.top + ph / 2}) rotate(90)" text-anchor="middle" font-weight="600" fill="#c2410c"`,
  );
  PHASES.forEach(([name], p) => {
    const x = m.left + p * (pw / PHASES.length);
    out.push(`<rect x="${x.toFixed(1)}" y="62" width="12" height="12" fill="${COLOURS[p]}"/>`);
    text(x + 16, 72, name, 'font-size="12"');
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
