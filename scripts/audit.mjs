// Lighthouse (mobile preset) on a front page, a section page and an article
// page of the built site, served by `astro preview`. Prints the four scores
// per page; exits non-zero when any is below 100 (or --min). Run after a build:
//   npm run build && npm run audit
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const port = 4340;
const base = `http://127.0.0.1:${port}`;
const min = Number(process.argv.find((a) => a.startsWith('--min='))?.slice(6) ?? 100);
const chrome =
  process.env.CHROME_PATH ??
  ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!existsSync('dist/index.html')) {
  console.error('Build the site first: npm run build');
  process.exit(1);
}

// An article with a hero, and the first section of the main edition, read from the build.
const sitemap = readFileSync('dist/sitemap-0.xml', 'utf8');
const paths = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]);
const article = paths.find(
  (p) =>
    /^\/es\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(p) &&
    readFileSync(`dist${p}index.html`, 'utf8').includes('class="hero"'),
);
const section =
  /<nav[^>]*aria-label="Secciones"[\s\S]*?<a href="\/es\/"[\s\S]*?<a href="([^"]+)"/.exec(
    readFileSync('dist/es/index.html', 'utf8'),
  )?.[1];
const targets = ['/es/', section, article].filter(Boolean);

const preview = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], {
  stdio: 'ignore',
  detached: true,
});
const stop = () => {
  try {
    process.kill(-preview.pid);
  } catch {
    /* already gone */
  }
};
process.on('exit', stop);

for (let i = 0; i < 50; i++) {
  try {
    if ((await fetch(`${base}/es/`)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}

let failed = false;
console.log(`Lighthouse, mobile preset, Chromium at ${chrome}`);
console.log('page'.padEnd(60), 'perf  a11y  best  seo');
for (const path of targets) {
  const result = spawnSync(
    'npx',
    [
      'lighthouse',
      `${base}${path}`,
      '--output=json',
      '--quiet',
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CHROME_PATH: chrome } },
  );
  if (result.status !== 0) {
    console.error(result.stderr);
    failed = true;
    continue;
  }
  const report = JSON.parse(result.stdout);
  const scores = ['performance', 'accessibility', 'best-practices', 'seo'].map((c) =>
    Math.round((report.categories[c]?.score ?? 0) * 100),
  );
  if (scores.some((s) => s < min)) failed = true;
  console.log(path.padEnd(60), scores.map((s) => String(s).padEnd(5)).join(' '));
}
stop();
process.exit(failed ? 1 : 0);
