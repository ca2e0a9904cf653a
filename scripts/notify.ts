// Tells aggregators what changed since the last announced deploy (issue 15):
//
//   npm run notify [-- --out-dir DIR] [--dry-run] [--retries N]
//
// Run it after deploying the output folder (dist/ by default). It compares
// the manifest the build wrote (.cache/site/<name>.manifest.json, every
// file's SHA-256; scripts/manifest.ts) with the manifest as of the last run
// that announced everything (.cache/site/<name>.notified.json), then pings
// the WebSub hub for each changed feed and submits the changed, added and
// removed pages to IndexNow (src/lib/notify-plan.ts). The hub and IndexNow
// endpoint come from SITE.distribution in src/site.ts; NOTIFY_WEBSUB_HUB and
// NOTIFY_INDEXNOW_ENDPOINT override them (staging, tests).
//
// A request that fails with a network error, 408, 429 or 5xx is retried
// with exponential backoff (--retries, 3 by default; NOTIFY_BACKOFF_MS, 1000
// by default, doubling). Exit status:
//   0  everything was sent, or nothing had changed (nothing is sent then);
//   1  a request still failed: the report names it, and the record of what
//      was announced is left as it was, so the next run sends those changes
//      again. The deploy itself is live: CI shows the step as failed;
//   2  nothing to compare: no manifest (run `npm run build` first) or a bad
//      argument or configuration.
// The first run records the current manifest as announced and sends nothing
// (without a record, every file of the site would count as changed).
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  backoff,
  diffManifests,
  notifyReport,
  planPings,
  sendWithRetries,
  type Attempt,
  type Ping,
} from '../src/lib/notify-plan.ts';
import { SITE } from '../src/site.ts';
import { manifestFile, readManifest, writeManifest } from './manifest.ts';

/** The options of this run, from the command line and the environment. */
function parseOptions(argv: string[]) {
  const options = { outDir: 'dist', dryRun: false, retries: 3 };
  for (let i = 0; i < argv.length; i += 1) {
    const [name, inline] = (argv[i] ?? '').split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? '';
    if (name === '--out-dir') options.outDir = value();
    else if (name === '--dry-run') options.dryRun = true;
    else if (name === '--retries') options.retries = Number(value());
    else throw new Error(`unknown argument "${argv[i]}"`);
  }
  if (!Number.isInteger(options.retries) || options.retries < 0) {
    throw new Error('--retries must be a whole number of retries (0 or more).');
  }
  return options;
}

/** One HTTP request of a ping, with a timeout; never throws. */
async function send(ping: Ping): Promise<Attempt> {
  const timeout = Number(process.env['NOTIFY_TIMEOUT_MS'] || 10_000);
  const init: RequestInit =
    ping.kind === 'websub'
      ? {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': ping.feed }).toString(),
        }
      : {
          method: 'POST',
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
          body: JSON.stringify(ping.body),
        };
  try {
    const response = await fetch(ping.endpoint, { ...init, signal: AbortSignal.timeout(timeout) });
    await response.arrayBuffer();
    return { status: response.status, statusText: response.statusText };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { error: cause ?? (error instanceof Error ? error.message : String(error)) };
  }
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`notify: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const out = resolve(options.outDir);
  const current = manifestFile(resolve('.cache'), basename(out));
  const announced = current.replace(/\.manifest\.json$/, '.notified.json');
  const manifest = readManifest(current);
  if (!manifest) {
    console.error(
      `notify: no manifest of ${options.outDir}/ at ${current}${existsSync(current) ? ' (unreadable)' : ''}: run \`npm run build\` first.`,
    );
    return 2;
  }
  const before = readManifest(announced);
  if (!before) {
    if (!options.dryRun) writeManifest(announced, manifest);
    console.log(
      `notify: first run: ${Object.keys(manifest.files).length} file(s) recorded as announced; nothing sent. The next run announces what changes after this deploy.`,
    );
    return 0;
  }
  const distribution = SITE.distribution;
  const indexNow = distribution?.indexNow;
  const changes = diffManifests(before.files, manifest.files);
  let pings: Ping[];
  try {
    pings = planPings(changes, SITE.url, {
      websubHub: process.env['NOTIFY_WEBSUB_HUB'] || distribution?.websubHub,
      indexNow: indexNow && {
        key: indexNow.key,
        endpoint: process.env['NOTIFY_INDEXNOW_ENDPOINT'] || indexNow.endpoint,
      },
    });
  } catch (error) {
    console.error(`notify: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (options.dryRun) {
    for (const ping of pings) {
      console.log(
        ping.kind === 'websub'
          ? `would ping WebSub ${ping.endpoint} ← ${ping.feed}`
          : `would submit to IndexNow ${ping.endpoint}: ${ping.body.urlList.join(' ')}`,
      );
    }
    console.log(`notify: dry run: ${pings.length} request(s) planned, none sent.`);
    return 0;
  }
  const delays = backoff(options.retries, Number(process.env['NOTIFY_BACKOFF_MS'] || 1000));
  const results = [];
  for (const ping of pings) results.push(await sendWithRetries(ping, send, delays, sleep));
  const report = notifyReport(changes, results);
  const ok = results.every((r) => r.ok);
  (ok ? console.log : console.error)(report.join('\n'));
  if (ok) writeManifest(announced, manifest);
  return ok ? 0 : 1;
}

process.exitCode = await main();
