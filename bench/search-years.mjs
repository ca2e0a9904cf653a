// What splitting an edition's search index by publication year saves a
// publish: the index CPU (this process and its Pagefind child) for one
// edited story in the newest year, indexing the whole edition (one bundle
// per edition, as before) against indexing the newest year only (one
// bundle per edition and year, src/integrations/search-index.ts), in the
// same run, back to back in rounds.
//
//   node bench/search-years.mjs [--articles 10000] [--rounds 3] [--out bench/results/search-years.json]
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { closeIndexer, indexRecords } from '../src/lib/search-bundle.ts';
import { DEFAULT_BUILD_TIME, generateCorpus } from './corpus.mjs';
import { cpuSeconds, recordsFromCorpus } from './search.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench/results/search-years.json' },
  },
});

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** Index CPU and wall time of `records`, and the bytes of the bundle. */
async function timed(records, lang) {
  const started = performance.now();
  const cpu = cpuSeconds();
  const files = await indexRecords(records, lang);
  // The integration digests each year's records to decide what to skip.
  createHash('sha256').update(JSON.stringify(records)).digest('hex');
  return {
    cpuS: cpuSeconds() - cpu,
    wallS: (performance.now() - started) / 1000,
    bytes: files.reduce((sum, f) => sum + f.content.length, 0),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'voz-search-years-'));
try {
  const articles = Number(values.articles);
  console.error(`[search-years] generating ${articles} articles`);
  await generateCorpus({
    out: join(dir, 'content'),
    articles,
    seed: Number(values.seed),
    buildTime: DEFAULT_BUILD_TIME,
  });
  const records = recordsFromCorpus(join(dir, 'content'));
  const lang = 'es';
  const edition = records[lang];
  // The edit: a word added to the newest story's body.
  edition[0] = { ...edition[0], content: `${edition[0].content}\nCorrección.` };
  const years = new Map();
  for (const record of edition) {
    const year = record.filters.year[0];
    years.set(year, [...(years.get(year) ?? []), record]);
  }
  const newest = [...years.keys()].sort().at(-1);
  const rounds = { edition: [], year: [] };
  for (let round = 0; round < Number(values.rounds); round += 1) {
    console.error(`[search-years] round ${round + 1}: whole edition, then ${newest} only`);
    rounds.edition.push(await timed(edition, lang));
    rounds.year.push(await timed(years.get(newest), lang));
  }
  await closeIndexer();
  const summary = (list) => ({
    cpuS: median(list.map((r) => r.cpuS)),
    wallS: median(list.map((r) => r.wallS)),
    bytes: list[0].bytes,
  });
  const result = {
    date: new Date().toISOString(),
    articles,
    edition: lang,
    stories: edition.length,
    storiesByYear: Object.fromEntries([...years].map(([y, list]) => [y, list.length])),
    newestYear: newest,
    beforeWholeEdition: summary(rounds.edition),
    afterNewestYearOnly: summary(rounds.year),
    rounds,
  };
  console.log(JSON.stringify(result, null, 2));
  const out = resolve(ROOT, values.out);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.error(`[search-years] results: ${relative(process.cwd(), out)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
