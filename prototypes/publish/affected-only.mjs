// Prototype (issue 14, design a): publish only the pages an edit touches,
// with `astro build` as it is. Not wired into the build or `npm test`; see
// README.md beside this file.
//
// A publish is `astro build --config astro.publish.config.mjs`: the project's
// own config with
// - its own cacheDir (.cache/publish/), so that builds and publishes do not
//   clear each other's content store;
// - the output folder kept between publishes (`vite.build.emptyOutDir:
//   false`) and Astro's incremental cache off (it would prune every page the
//   publish does not list from its manifest);
// - a prerenderer wrapper (bench/phases.mjs, `setPrerenderer`) that asks the
//   default prerenderer for every path with its cache key, as the catalogue
//   makes them (getCacheKeys in src/lib/content.ts), and renders only the
//   paths whose key differs from the previous publish's, the paths without a
//   key (fronts, feeds, archive indexes: "always rendered") and new paths;
// - the files of paths that disappeared deleted (an unpublished story);
// - the two `astro:build:done` hooks that read every built page (sitemaps,
//   asset pruning) left out: they see only the rendered pages, so they
//   would write a sitemap of those pages alone.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { phaseTimer } from '../../bench/phases.mjs';

/** Integrations the publish leaves out, by name (see above). */
const LEFT_OUT = new Set(['sitemap-from-pages', '@astrojs/sitemap', 'prune-unreferenced-assets']);

/**
 * The file a path is written to in a `format: 'directory'` build.
 * @param {string} outDir
 * @param {string} pathname
 */
function outputFile(outDir, pathname) {
  const clean = pathname.replace(/^\/+/, '');
  if (clean === '' || clean.endsWith('/')) return join(outDir, clean, 'index.html');
  // Endpoints (feeds, cards, sitemaps) keep their own file name.
  return /\.[a-z0-9]+$/i.test(clean) ? join(outDir, clean) : join(outDir, clean, 'index.html');
}

/**
 * The publish integrations: the phase timer (for the bench's table) with a
 * path filter that compares cache keys with the previous publish's.
 * @param {{ stateFile: string, phasesFile: string, outDir: string, all?: boolean, none?: boolean }} options
 *   `all`: render every path (the first publish into an empty folder);
 *   `none`: render no path (floor.mjs: what a publish costs before rendering).
 */
export function publishAffected({ stateFile, phasesFile, outDir, all = false, none = false }) {
  /** @type {Map<string, string | null>} */
  const previous = new Map(
    existsSync(stateFile) && !all
      ? Object.entries(JSON.parse(readFileSync(stateFile, 'utf8')))
      : [],
  );
  /** @type {Record<string, string | null>} */
  const next = {};
  const stats = { paths: 0, rendered: 0, unkeyed: 0, changed: 0, added: 0, removed: [] };
  const [first, last] = phaseTimer(phasesFile, {
    async filterPaths(paths) {
      stats.paths = paths.length;
      const chosen = [];
      for (const path of paths) {
        const key = path.cacheKey ?? null;
        next[path.pathname] = key;
        const before = previous.get(path.pathname);
        const reason = all
          ? 'all'
          : key === null
            ? 'unkeyed'
            : before === undefined
              ? 'added'
              : before !== key
                ? 'changed'
                : undefined;
        if (reason === undefined) continue;
        if (reason !== 'all') stats[reason] += 1;
        chosen.push(path);
      }
      // none: render nothing, to time the floor every publish pays.
      stats.rendered = none ? 0 : chosen.length;
      return none ? [] : chosen;
    },
  });
  const publish = {
    name: 'voz-prototype:publish-affected',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({
          // The content layer clears its store and renders every entry
          // again when the config's digest differs from the one that wrote
          // the store: with a shared cacheDir, alternating publishes and
          // builds cost a full Markdown render each (12-15 s of CPU at 10k).
          // A URL: the resolved config holds one, and other integrations
          // resolve files against it.
          cacheDir: new URL('.cache/publish/', config.root),
          vite: { build: { emptyOutDir: false } },
          experimental: { incrementalBuild: false },
        });
      },
      'astro:build:done': () => {
        for (const pathname of previous.keys()) {
          if (pathname in next) continue;
          rmSync(outputFile(outDir, pathname), { force: true });
          stats.removed.push(pathname);
        }
        writeFileSync(stateFile, JSON.stringify(next));
        writeFileSync(`${stateFile}.stats.json`, JSON.stringify(stats));
      },
    },
  };
  return { first, last, publish };
}

/**
 * Text of the publish config for the project in `dir`.
 * @param {string} dir
 * @param {{ outDir: string, all?: boolean }} options
 */
export function publishConfigSource(dir, { outDir, all = false, none = false }) {
  const self = pathToFileURL(new URL(import.meta.url).pathname).href;
  const options = {
    stateFile: join(dir, '.publish-keys.json'),
    phasesFile: join(dir, '.bench-phases.json'),
    outDir,
    all,
    none,
  };
  return [
    '// Written by prototypes/publish: the project config, publishing affected pages only.',
    "import config from './astro.config.mjs';",
    `import { publishAffected } from ${JSON.stringify(self)};`,
    `const { first, last, publish } = publishAffected(${JSON.stringify(options)});`,
    `const leftOut = new Set(${JSON.stringify([...LEFT_OUT])});`,
    'export default {',
    '  ...config,',
    '  integrations: [first, publish, ...config.integrations.filter((i) => !leftOut.has(i.name)), last],',
    '};',
    '',
  ].join('\n');
}
