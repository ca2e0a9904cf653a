// Design c, "pages that never change": which files did one change alter in
// dist/ (measured by measure.mjs: SHA-256 of every file before and after
// today's incremental rebuild), and how many of them would an archive
// numbered from the oldest story still alter? See README.md beside this file.
//
//   npx node prototypes/publish/never-change.mjs RESULTS.json
//
// The model of oldest-first numbering: a listing keeps its landing page
// (`/es/economia/`: the newest stories) and numbers its older pages from
// the first story ever published, `page/1/` holding stories 1–12, so a new
// story lands on the highest-numbered page and every lower page keeps its
// bytes, if the pager does not print the page count (a "1 … 19 20" pager
// changes every page the day page 21 appears). The model is printed for an
// added story only: an edited headline changes the one page that shows the
// story in either numbering, and an unpublished story shifts every newer
// page when numbered from the oldest (every older one today), unless it
// leaves a gap.
import { readFileSync } from 'node:fs';

const results = JSON.parse(readFileSync(process.argv[2], 'utf8'));

/** The kind of a built file, from its path. */
function kind(file) {
  if (/\/page\/\d+\//.test(file)) return 'listing page ≥ 2';
  if (/^og\//.test(file)) return 'share card';
  if (/\.xml$|\/feed|rss/.test(file)) return 'feed or sitemap';
  if (/^(es|en)\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file)) return 'article';
  if (/^(es|en)\/index\.html$/.test(file)) return 'front';
  if (/\.html$/.test(file)) return 'listing landing or index';
  return 'other';
}

for (const change of results.changes) {
  const counts = {};
  const listings = new Map();
  for (const file of change.changedInDist) {
    const k = kind(file);
    counts[k] = (counts[k] ?? 0) + 1;
    const base = file.match(/^(.*?\/)page\/\d+\//)?.[1];
    if (base) listings.set(base, (listings.get(base) ?? 0) + 1);
  }
  const pagesNow = counts['listing page ≥ 2'] ?? 0;
  // Oldest-first: one archive page per listing that gained a story (the
  // newest, partly filled one); an edit changes the page that shows it.
  const pagesThen = listings.size;
  console.log(`\n${change.kind} (${change.file}): ${change.changedInDist.length} files changed`);
  for (const [k, n] of Object.entries(counts).sort((a, b) => b[1] - a[1]))
    console.log(`  ${k.padEnd(26)} ${n}`);
  if (change.kind !== 'add') continue;
  console.log(
    `  listings with a changed page ≥ 2: ${listings.size}; those pages: ${pagesNow} today, about ${pagesThen} numbered from the oldest` +
      ` -> ${change.changedInDist.length - pagesNow + pagesThen} files in all`,
  );
}
