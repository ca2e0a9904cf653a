// Search (issue 13) in the benchmark: what the search index costs a build,
// how big it is, and what a reader's first query downloads.
//
// Used by bench/run.mjs on every text corpus it builds (searchFromLog,
// measureSearch), and on its own for corpora too large to build here:
//
//   node bench/search.mjs --sizes 50000 [--out bench/results/search-50k.json]
//
// which generates the corpus, makes each edition's records from the
// Markdown files without an Astro build (the catalogue's rules reduced to
// what the generated corpus needs: every story published, none a draft),
// indexes them through the site's own indexer (src/lib/search-bundle.ts)
// and measures the bundle and a first query as for a built site.
//
//   node bench/search.mjs --site dist --queries autobús,condado [--runs 3] [--slow]
//
// times a reader's first query on a built site's Spanish search page, from
// opening `/es/buscar/?q=…` to the results' count, in a fresh browser each
// run; `--slow` throttles the line as a slow 4G phone's (150 ms, 1.6 Mbit/s
// down, cache off), where the number of search bundles shows.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { closeIndexer, indexRecords, writeBundle } from '../src/lib/search-bundle.ts';
import { listFiles } from '../scripts/project-copy.mjs';
import { DEFAULT_BUILD_TIME, generateCorpus } from './corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where each edition's bundle lives (the dictionaries' search slugs). */
const BUNDLES = { es: 'es/buscar/pagefind', en: 'en/search/pagefind' };
const ARTICLE_PAGE = /^(es|en)\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/;

/**
 * What the build's search-index integration logged
 * (`search index es: 500 stories in 0.42 s, 120 files, 123456 bytes; 3 written, 2 removed`),
 * summed over the editions; undefined when the build has no search index.
 */
export function searchFromLog(output) {
  const lines = [
    ...output.matchAll(
      /search index (\w+): (\d+) stories in ([\d.]+) s, (\d+) files, (\d+) bytes; (\d+) written, (\d+) removed/g,
    ),
  ];
  if (lines.length === 0) return undefined;
  const sum = (i) => lines.reduce((total, line) => total + Number(line[i]), 0);
  return {
    stories: sum(2),
    indexS: sum(3),
    files: sum(4),
    bytes: sum(5),
    written: sum(6),
    removed: sum(7),
  };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** A static server of `dir` that logs every file it sends and its size. */
async function serve(dir) {
  const sent = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = join(dir, path);
    if (!file.startsWith(dir)) file = dir;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const size = statSync(file).size;
    sent.push({ path, size, file });
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { origin: `http://127.0.0.1:${port}`, sent, close: () => server.close() };
}

/** Bytes as sent without HTTP compression, and with gzip for text files (Pagefind's index files are gzip already). */
function weigh(files) {
  const text = /\.(js|json|html|css)$/;
  return {
    files: files.length,
    bytes: files.reduce((sum, f) => sum + f.size, 0),
    gzipBytes: files.reduce(
      (sum, f) => sum + (text.test(f.path) ? gzipSync(readFileSync(f.file)).length : f.size),
      0,
    ),
  };
}

/** A slow 4G phone's line, as Chromium's network throttling takes it. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: 1.6e6 / 8,
  uploadThroughput: 0.75e6 / 8,
};

/**
 * A reader's first query on the Spanish search page, in a fresh browser:
 * the files the page and Pagefind fetch (the server's log), split into the
 * page itself and the search (everything under the bundle folder).
 * `pagePath` is the search page, or a bare page made for the purpose.
 */
async function firstQuery(dist, query, pagePath = '/es/buscar/', { slow = false } = {}) {
  const server = await serve(dist);
  const browser = await chromium.launch(
    existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {},
  );
  try {
    const page = await browser.newPage();
    if (slow) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    }
    const started = performance.now();
    await page.goto(`${server.origin}${pagePath}?q=${encodeURIComponent(query)}`);
    await page
      .locator('.results[aria-busy="false"]')
      .waitFor({ state: 'attached', timeout: 120_000 });
    const results = await page.locator('.results li').count();
    const ms = performance.now() - started;
    const search = server.sent.filter((f) => f.path.includes('/pagefind/'));
    const pageFiles = server.sent.filter((f) => !f.path.includes('/pagefind/'));
    return {
      query,
      resultsShown: results,
      ms,
      search: weigh(search),
      page: weigh(pageFiles),
      byKind: Object.fromEntries(
        [
          'pagefind.js',
          'pagefind-worker.js',
          'pagefind-entry.json',
          '.pf_meta',
          'wasm.',
          '.pf_index',
          '.pf_fragment',
          '.pf_filter',
        ].map((kind) => [kind, weigh(search.filter((f) => f.path.includes(kind)))]),
      ),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/** The longest word of a Spanish story's headline: what a reader might look for. */
function queryWord(dist) {
  const page = listFiles(dist)
    .map((f) => relative(dist, f).split(sep).join('/'))
    .filter((f) => f.startsWith('es/') && ARTICLE_PAGE.test(f))
    .sort()[0];
  const headline = page
    ? (/<h1[^>]*>([^<]*)</.exec(readFileSync(join(dist, page), 'utf8'))?.[1] ?? '')
    : '';
  return (headline.match(/\p{L}+/gu) ?? ['noticias']).sort((a, b) => b.length - a.length)[0];
}

/** Bytes and files of each edition's bundle on disk. */
function bundleSize(dist) {
  const size = {};
  for (const [lang, folder] of Object.entries(BUNDLES)) {
    const files = listFiles(join(dist, folder));
    size[lang] = {
      files: files.length,
      bytes: files.reduce((sum, f) => sum + statSync(f).size, 0),
    };
  }
  return size;
}

/**
 * CPU seconds of this process and of its Pagefind child (read from /proc:
 * the indexer is a separate process, and wall time on a shared machine
 * says more about the load than about the work). NaN where there is no /proc.
 */
export function cpuSeconds() {
  const own = process.cpuUsage();
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let stat = '';
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      // pid (comm) state ppid … utime stime: fields 14 and 15, counted after the comm.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (comm.startsWith('pagefind') && Number(fields[1]) === process.pid) {
        ticks += Number(fields[11]) + Number(fields[12]);
      }
    }
  } catch {
    return NaN;
  }
  return (own.user + own.system) / 1e6 + ticks / 100; // USER_HZ is 100 on Linux
}

/**
 * The two ways of indexing, timed back to back in rounds (the machine's
 * load moves between them): each edition's records through the site's
 * indexer, and Pagefind reading every built article page (`<article>`
 * only, related stories and navigation left out). The last HTML bundle
 * is written beside the real one for compareBundles.
 */
async function compareIndexing(dist, content, rounds = 2) {
  const pagefind = await import('pagefind');
  const records = recordsFromCorpus(content);
  const pages = listFiles(dist)
    .map((f) => relative(dist, f).split(sep).join('/'))
    .filter((f) => ARTICLE_PAGE.test(f));
  const times = { records: [], html: [], recordsCpu: [], htmlCpu: [] };
  // The same records must give the same bundle (the incremental build is
  // compared with a full one byte for byte).
  const digests = [];
  for (let round = 0; round < rounds; round += 1) {
    let started = performance.now();
    let cpu = cpuSeconds();
    const digest = createHash('sha256');
    for (const lang of Object.keys(BUNDLES)) {
      for (const file of await indexRecords(records[lang], lang)) {
        digest.update(`${lang}/${file.path}\0`).update(file.content);
      }
    }
    digests.push(digest.digest('hex'));
    times.records.push((performance.now() - started) / 1000);
    times.recordsCpu.push(cpuSeconds() - cpu);
    started = performance.now();
    cpu = cpuSeconds();
    for (const lang of Object.keys(BUNDLES)) {
      const { index } = await pagefind.createIndex({
        rootSelector: 'article',
        excludeSelectors: ['nav', 'aside', '.article-footer'],
      });
      const adding = pages
        .filter((p) => p.startsWith(`${lang}/`))
        .map((page) =>
          index.addHTMLFile({
            url: `/${page.replace(/index\.html$/, '')}`,
            // The page's first <time> is its publication (UTC ISO, like the
            // records' sort key): a sort key, so both bundles list newest first.
            content: readFileSync(join(dist, page), 'utf8').replace(
              '<time datetime=',
              '<time data-pagefind-sort="date[datetime]" datetime=',
            ),
          }),
        );
      for (const { errors } of await Promise.all(adding)) {
        if (errors.length > 0) throw new Error(errors.join('; '));
      }
      const { files } = await index.getFiles();
      await index.deleteIndex();
      if (round === rounds - 1) {
        const dir = join(dist, BUNDLES[lang].replace(/pagefind$/, 'pagefind-html'));
        await writeBundle(
          dir,
          files.map((f) => ({ path: f.path.split(sep).join('/'), content: f.content })),
        );
      }
    }
    times.html.push((performance.now() - started) / 1000);
    times.htmlCpu.push(cpuSeconds() - cpu);
  }
  await closeIndexer();
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return {
    stories: records.es.length + records.en.length,
    pages: pages.length,
    recordsS: median(times.records),
    htmlS: median(times.html),
    recordsCpuS: median(times.recordsCpu),
    sameBytesEveryRound: new Set(digests).size === 1,
    htmlCpuS: median(times.htmlCpu),
    rounds: times,
  };
}

/**
 * What each bundle finds for `words` as the search page shows it (newest
 * first): how many stories, and how many of the first ten are the same
 * stories in the same places.
 */
async function compareBundles(dist, words) {
  const server = await serve(dist);
  const browser = await chromium.launch(
    existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {},
  );
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/es/buscar/`);
    const keys = (
      /data-search-bundles="([^"]*)"/.exec(
        readFileSync(join(dist, 'es/buscar/index.html'), 'utf8'),
      )?.[1] ?? ''
    )
      .split(' ')
      .filter(Boolean);
    return await page.evaluate(
      async ({ words, keys }) => {
        // The site's bundles: one per recent month and older year, newest
        // first, the others merged into the newest; newest first is bundle
        // by bundle, as the search page lists them
        // (src/components/SearchResults.ts).
        const site = await import(`/es/buscar/pagefind/${keys[0]}/pagefind.js`);
        await site.options({ baseUrl: '/' });
        await site.init();
        for (const key of keys.slice(1))
          await site.mergeIndex(`/es/buscar/pagefind/${key}/`, { baseUrl: '/' });
        const fromHtml = await import('/es/buscar/pagefind-html/pagefind.js');
        await fromHtml.options({ baseUrl: '/' });
        await fromHtml.init();
        const bundles = [
          {
            search: async (word, options) => {
              const found = await Promise.all(
                keys.map((bundle) => site.search(word, { ...options, filters: { bundle } })),
              );
              return { results: found.flatMap((f) => f.results) };
            },
          },
          fromHtml,
        ];
        const rows = [];
        for (const word of words) {
          const [records, html] = await Promise.all(
            bundles.map(async (pf) => {
              const found = await pf.search(word, { sort: { date: 'desc' } });
              const top = await Promise.all(
                found.results.slice(0, 10).map(async (r) => (await r.data()).url),
              );
              return { count: found.results.length, top };
            }),
          );
          rows.push({
            word,
            records: records.count,
            html: html.count,
            sameTop10: records.top.filter((url, i) => html.top[i] === url).length,
          });
        }
        return rows;
      },
      { words, keys },
    );
  } finally {
    await browser.close();
    server.close();
  }
}

/** Words readers might type: the longest of a few Spanish headlines, spread over the archive. */
function queryWords(dist, count = 4) {
  const pages = listFiles(dist)
    .map((f) => relative(dist, f).split(sep).join('/'))
    .filter((f) => f.startsWith('es/') && ARTICLE_PAGE.test(f))
    .sort();
  const words = [];
  for (let i = 0; i < count && pages.length > 0; i += 1) {
    const page = pages[Math.floor((i * pages.length) / count)];
    const headline = /<h1[^>]*>([^<]*)</.exec(readFileSync(join(dist, page), 'utf8'))?.[1] ?? '';
    const word = (headline.match(/\p{L}+/gu) ?? []).sort((a, b) => b.length - a.length)[0];
    if (word && !words.includes(word)) words.push(word);
  }
  return words;
}

/**
 * Everything above for one built site and the content/ it was built from:
 * bundle size, a first query, and the two ways of indexing compared for
 * time and for the stories they find.
 */
export async function measureSearch(dist, content) {
  const query = queryWord(dist);
  const result = { bundle: bundleSize(dist), firstQuery: await firstQuery(dist, query) };
  result.indexing = await compareIndexing(dist, content);
  result.indexing.sameResults = await compareBundles(dist, [
    ...queryWords(dist),
    'economia',
    'politica',
  ]);
  for (const folder of Object.values(BUNDLES)) {
    rmSync(join(dist, folder.replace(/pagefind$/, 'pagefind-html')), {
      recursive: true,
      force: true,
    });
  }
  return result;
}

// ---------------------------------------------------------------------------
// Standalone: index a generated corpus without an Astro build.

/** Markdown as plain text, roughly: the corpus uses paragraphs, headings, emphasis and links. */
function markdownText(markdown) {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const SHORT_DATE = {
  es: new Intl.DateTimeFormat('es-US', { timeZone: 'America/Chicago', dateStyle: 'medium' }),
  en: new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', dateStyle: 'medium' }),
};

/** Each edition's records from a generated content/ folder, newest first, as the route would make them. */
export function recordsFromCorpus(content) {
  const sections = new Map(
    listFiles(join(content, 'sections')).map((file) => [
      file
        .split(sep)
        .at(-1)
        .replace(/\.yaml$/, ''),
      parseYaml(readFileSync(file, 'utf8')),
    ]),
  );
  const records = { es: [], en: [] };
  for (const file of listFiles(join(content, 'articles')).filter((f) => f.endsWith('.md'))) {
    const [, front = '', body = ''] =
      /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file, 'utf8')) ?? [];
    const data = parseYaml(front);
    if (data.draft === true) continue;
    const published = new Date(data.publishedAt);
    const slug = file.split(sep).at(-1).replace(/\.md$/, '');
    const [month, day, year] = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Chicago',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .format(published)
      .split('/');
    const lang = data.lang;
    records[lang].push({
      url: `/${lang}/${year}/${month}/${day}/${slug}/`,
      content: [
        data.title,
        data.dek,
        markdownText(body),
        sections.get(data.section)?.name?.[lang] ?? '',
        ...(data.tags ?? []),
      ].join('\n'),
      language: lang,
      meta: {
        title: data.title,
        dek: data.dek,
        date: SHORT_DATE[lang].format(published),
        datetime: published.toISOString(),
        section: sections.get(data.section)?.name?.[lang] ?? data.section,
      },
      filters: { section: [data.section], author: data.authors, year: [year] },
      sort: { date: published.toISOString() },
    });
  }
  for (const list of Object.values(records))
    list.sort((a, b) => (a.sort.date < b.sort.date ? 1 : -1));
  return records;
}

/** A bare results page for a bundle without a built site: the search script of the built site is not there. */
function barePage(lang) {
  return `<!doctype html><html lang="${lang}"><body><ol class="results"></ol><script type="module">
const q = new URLSearchParams(location.search).get('q');
const pf = await import('/${BUNDLES[lang]}/pagefind.js');
await pf.options({ baseUrl: '/' });
await pf.init();
const found = await pf.search(q, { sort: { date: 'desc' } });
const list = document.querySelector('.results');
for (const result of found.results.slice(0, 10)) {
  const data = await result.data();
  const li = document.createElement('li');
  li.textContent = data.meta.title;
  list.append(li);
}
list.setAttribute('aria-busy', 'false');
</script></body></html>`;
}

async function standalone(articles, seed) {
  const dir = mkdtempSync(join(tmpdir(), `voz-search-${articles}-`));
  try {
    console.error(`[search] generating ${articles} articles`);
    await generateCorpus({
      out: join(dir, 'content'),
      articles,
      seed,
      buildTime: DEFAULT_BUILD_TIME,
    });
    const records = recordsFromCorpus(join(dir, 'content'));
    const dist = join(dir, 'dist');
    const editions = {};
    for (const lang of Object.keys(BUNDLES)) {
      console.error(`[search] indexing ${records[lang].length} ${lang} stories`);
      const started = performance.now();
      const cpu = cpuSeconds();
      const files = await indexRecords(records[lang], lang);
      const written = await writeBundle(join(dist, BUNDLES[lang]), files);
      editions[lang] = {
        stories: records[lang].length,
        indexS: (performance.now() - started) / 1000,
        indexCpuS: cpuSeconds() - cpu,
        ...written,
      };
    }
    await closeIndexer();
    mkdirSync(join(dist, 'es', 'bare'), { recursive: true });
    writeFileSync(join(dist, 'es', 'bare', 'index.html'), barePage('es'));
    const word = (records.es[0]?.meta.title.match(/\p{L}+/gu) ?? ['noticias']).sort(
      (a, b) => b.length - a.length,
    )[0];
    console.error(`[search] first query for "${word}"`);
    const query = await firstQuery(dist, word, '/es/bare/');
    return {
      articles,
      method: 'standalone: records from the generated Markdown, no Astro build',
      editions,
      bundle: bundleSize(dist),
      firstQuery: query,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Times the first query for each of `queries` on a built site, `runs` times each. */
async function timeFirstQueries(dist, queries, runs, slow) {
  for (const query of queries) {
    const times = [];
    let last;
    for (let run = 0; run < runs; run += 1) {
      last = await firstQuery(dist, query, '/es/buscar/', { slow });
      times.push(last.ms);
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
    console.log(
      `"${query}": median ${(median / 1000).toFixed(2)} s of ${times.map((t) => (t / 1000).toFixed(2)).join(', ')}` +
        ` (${slow ? 'slow 4G' : 'unthrottled'}); ${last?.resultsShown} results shown,` +
        ` ${last?.search.files} search files, ${last?.search.bytes} bytes`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '50000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'bench/results/search-standalone.json' },
      site: { type: 'string' },
      queries: { type: 'string', default: 'noticias' },
      runs: { type: 'string', default: '3' },
      slow: { type: 'boolean', default: false },
    },
  });
  if (values.site !== undefined) {
    await timeFirstQueries(
      resolve(values.site),
      values.queries.split(','),
      Number(values.runs),
      values.slow,
    );
    process.exit(0);
  }
  const results = [];
  for (const size of values.sizes.split(',').map((s) => Number(s.replace(/k$/i, '000')))) {
    results.push(await standalone(size, Number(values.seed)));
    console.log(JSON.stringify(results.at(-1), null, 2));
  }
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).stdout.trim();
  const out = resolve(ROOT, values.out);
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), git, results }, null, 2)}\n`,
  );
  console.error(`[search] results: ${relative(process.cwd(), out)}`);
}
