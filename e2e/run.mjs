// Runs the end-to-end suite: finds a Chromium (installing one if there is
// none), builds the site as it would look at a fixed moment into a folder of
// its own (.test-dist/, never dist/), then runs Playwright against
// `astro preview` of that folder. Extra arguments go to Playwright.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';
import { E2E_BUILD_TIME, E2E_OUT_DIR } from './test-build.mjs';

export { E2E_BUILD_TIME, E2E_OUT_DIR };

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

/** A TCP port nobody listens on now, so parallel runs on one machine do not meet. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 4329));
    });
  });
}

const env = {
  // playwright.config.ts serves the test build on this port.
  E2E_PORT: process.env.E2E_PORT || String(await freePort()),
  BUILD_TIME: process.env.BUILD_TIME || E2E_BUILD_TIME,
  // Small pages, so the sample content exercises pagination.
  PAGE_SIZE: process.env.PAGE_SIZE || '1',
  E2E_CHROMIUM: browser,
  ASTRO_TELEMETRY_DISABLED: '1',
};
console.log(
  `[e2e] Building the site into ${E2E_OUT_DIR}/ as of BUILD_TIME=${env.BUILD_TIME}, PAGE_SIZE=${env.PAGE_SIZE}`,
);
// A test build starts from nothing: the publish guard still refuses one with
// no article pages, but never compares with an older test build.
rmSync(E2E_OUT_DIR, { recursive: true, force: true });
if (run('node', ['scripts/build.mjs', '--out-dir', E2E_OUT_DIR], env) !== 0) process.exit(1);
process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)], env));
