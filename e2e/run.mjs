// Runs the end-to-end suite: finds a Chromium (installing one if there is
// none), builds the site as it would look at a fixed moment, then runs
// Playwright against `astro preview`. Extra arguments go to Playwright.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** The moment the test build treats as "now": before the scheduled fixture, after everything else. */
export const E2E_BUILD_TIME = '2026-11-28T12:00:00-06:00';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function findBrowser() {
  if (process.env.E2E_CHROMIUM && existsSync(process.env.E2E_CHROMIUM))
    return process.env.E2E_CHROMIUM;
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return '';
  return SYSTEM_BROWSERS.find((path) => existsSync(path));
}

function provisionBrowser() {
  console.log("[e2e] No Chromium found. Trying Playwright's installer (needs its download host)…");
  if (run('npx', ['playwright', 'install', 'chromium']) === 0 && findBrowser() !== undefined)
    return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(
      "[e2e] Installing Debian's chromium package: apt-get update && apt-get install -y chromium",
    );
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
  }
}

let browser = findBrowser();
if (browser === undefined) {
  provisionBrowser();
  browser = findBrowser();
}
if (browser === undefined) {
  console.error(
    '[e2e] No Chromium available. Install one (`npx playwright install chromium`, or `apt-get install chromium` on Debian) or set E2E_CHROMIUM to its path.',
  );
  process.exit(1);
}
console.log(
  browser
    ? `[e2e] Using the system Chromium at ${browser}`
    : "[e2e] Using Playwright's own Chromium",
);

const env = {
  BUILD_TIME: process.env.BUILD_TIME || E2E_BUILD_TIME,
  // Small pages, so the sample content exercises pagination.
  PAGE_SIZE: process.env.PAGE_SIZE || '1',
  E2E_CHROMIUM: browser,
  ASTRO_TELEMETRY_DISABLED: '1',
};
console.log(
  `[e2e] Building the site as of BUILD_TIME=${env.BUILD_TIME}, PAGE_SIZE=${env.PAGE_SIZE}`,
);
if (run('node', ['scripts/build.mjs'], env) !== 0) process.exit(1);
process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)], env));
