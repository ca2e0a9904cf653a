// Edit to live through `npm run publish:watch` (scripts/publish-watch.mjs):
// the watcher runs in the bench's project, with the next build started ahead
// and waiting (src/lib/publish-gate.ts); each change is written to content/
// and timed from that moment to the watcher's "live in" line, by the bench's
// clock, so the watcher's wait for a burst of saves to end is counted too.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { treeSampler } from './measure.mjs';
import { readPhases } from './phases.mjs';

/** Longest wait for one publish, or for the next build to be ready. */
const TIMEOUT_MS = 20 * 60 * 1000;

/** Milliseconds since the epoch, comparable with the phase timer's stamps. */
const now = () => performance.timeOrigin + performance.now();

/**
 * Starts the watcher in `dir`, waits for its first publish (the site as the
 * CLI rebuilds left it) and for the build it starts ahead, then applies each
 * change of `changes` in turn, `rounds` times, waiting for each to be live
 * and for the next build to be ready before the next change. A change
 * returns the path it wrote, right after writing it: the time counts from
 * its return.
 * @param {{
 *   dir: string,
 *   args: string[],
 *   env: NodeJS.ProcessEnv,
 *   rounds: number,
 *   changes: Record<string, () => string>,
 *   log: (message: string) => void,
 *   onChild?: (child: import('node:child_process').ChildProcess | undefined) => void,
 * }} options
 * @returns {Promise<{ runs: Record<string, { wallS: number, load1m: number, phases: any, changed: string }[]>, treeRssMb: number, peakRssMb: number, readyS: number[] }>}
 */
export async function publishWatchRuns({ dir, args, env, rounds, changes, log, onChild }) {
  const child = spawn(process.execPath, ['scripts/publish-watch.mjs', ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  onChild?.(child);
  const sampler = treeSampler(/** @type {number} */ (child.pid));
  // The watcher prints Astro's line for every page of every build (25,000
  // at 10,000 articles): it is read line by line as it comes, never searched
  // again, so the bench takes no CPU from the builds it times.
  const LIVE = /\[publish:watch\] \S+ live in [\d.]+ s/;
  const READY = /the next build is ready \(started ahead in ([\d.]+) s\)/;
  const FAILED = /build failed after/;
  const seen = { live: 0, ready: 0, failed: 0 };
  /** @type {number[]} */
  const readyS = [];
  /** @type {string[]} */
  const lastLines = [];
  let partial = '';
  const read = (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (LIVE.test(line)) seen.live += 1;
      const ready = READY.exec(line);
      if (ready) {
        seen.ready += 1;
        readyS.push(Number(ready[1]));
      }
      if (FAILED.test(line)) seen.failed += 1;
      if (!line.includes('├─') && !line.includes('└─')) {
        lastLines.push(line);
        if (lastLines.length > 40) lastLines.shift();
      }
    }
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  let exited = false;
  const exit = new Promise((done) => child.on('exit', (code) => ((exited = true), done(code))));
  /** Resolves when `what` has been printed `times` times; throws on a failed build. */
  const printed = async (what, times, waitingFor) => {
    const until = Date.now() + TIMEOUT_MS;
    while (seen[what] < times) {
      if (seen.failed > 0 || exited || Date.now() > until) {
        child.kill();
        throw new Error(
          `publish:watch: ${exited ? 'the watcher ended' : seen.failed > 0 ? 'a build failed' : 'timed out'} waiting for ${waitingFor}:\n` +
            lastLines.join('\n'),
        );
      }
      await new Promise((done) => setTimeout(done, 10));
    }
  };
  const runs = Object.fromEntries(Object.keys(changes).map((kind) => [kind, []]));
  try {
    await printed('live', 1, 'the first publish');
    await printed('ready', 1, 'the build started ahead');
    let published = 1;
    for (let round = 1; round <= rounds; round++) {
      for (const [kind, change] of Object.entries(changes)) {
        const load1m = loadavg()[0];
        // What a change does before its write is the bench's work, not the
        // publish's (the unpublishing reads every story first: 3.3 s at
        // 50,000 articles), so the clock starts at its return.
        const changed = change();
        const startedMs = now();
        await printed('live', published + 1, `${kind} to be live`);
        const liveMs = now();
        published += 1;
        // The stamps of the build that published it; those it made while it
        // waited (its start, the config) count as none of this publish.
        const phases = readPhases(dir, startedMs, liveMs, startedMs);
        runs[kind].push({ wallS: (liveMs - startedMs) / 1000, load1m, phases, changed });
        log(`publish:watch: ${kind} live in ${((liveMs - startedMs) / 1000).toFixed(1)} s`);
        await printed('ready', published, 'the next build started ahead');
      }
    }
  } finally {
    child.kill('SIGTERM');
    await exit;
    onChild?.(undefined);
  }
  const { treeRssMb, hwmMb } = sampler.stop();
  return { runs, treeRssMb, peakRssMb: hwmMb, readyS };
}
