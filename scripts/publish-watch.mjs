// Publishes every saved change: watches content/ (and the code) and runs the
// build (scripts/build.mjs) after each burst of changes, so that a story an
// editor saves is live as soon as one incremental build has run (README
// "Publishing" has the figures).
//
//   npm run publish:watch [-- --then "command"] [build options]
//
// --then CMD: a shell command run after each build that changed the site
//   (a deploy: `rsync -a --delete dist/ host:/srv/www/`, a CDN upload).
// Other arguments are passed on to scripts/build.mjs on every build.
//
// The next build is started ahead: as soon as one publish ends, a build
// starts Node, Astro, Vite and its config, reads the content store and waits
// at a gate in front of the content loaders (src/lib/publish-gate.ts),
// holding the build lock only while it starts. A save opens the gate, and
// that build goes on exactly as `npm run build` would from there: it reads
// content/ and the work folder's state only then, and starts Astro afresh
// if the code changed meanwhile.
// The save is live that much sooner (the start-up is a second or more of
// each build, more on a loaded machine).
//
// Changes made while a build runs are published by the next one, which
// starts as soon as the running one ends. A failed build (bad content, the
// publish guard) leaves the site as it was and the watcher waits for the
// next save; its errors are printed as `npm run build` prints them.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  BUILD_AHEAD_ENV,
  LIVE,
  goAfterSave,
  whenTold,
  whenWaiting,
} from '../src/lib/publish-gate.ts';

/** What a change anywhere in these triggers a build for. */
const WATCHED = ['content', 'src', 'public'];
/**
 * A save often writes several files (a story and its photo): wait for the
 * burst to end. An editor's save, a CMS's commit or a `git pull` writes its
 * files within a few milliseconds; a file written later than this is
 * published by the next build, which starts as soon as this one ends (and a
 * story built before its photo arrived fails and leaves the site as it was).
 * Every millisecond of it is time before the save is live (300 ms until
 * session 34).
 */
const QUIET_MS = 100;

const argv = process.argv.slice(2);
const thenAt = argv.indexOf('--then');
const then = thenAt >= 0 ? argv[thenAt + 1] : undefined;
const buildArgs = thenAt >= 0 ? argv.filter((_, i) => i !== thenAt && i !== thenAt + 1) : argv;

let running = false;
let stopping = false;
let pending = /** @type {Set<string>} */ (new Set());
let timer = /** @type {NodeJS.Timeout | undefined} */ (undefined);

const stamp = () => new Date().toISOString().slice(11, 19);

/** Runs a command with the terminal attached and resolves to its exit code. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const BUILD = join(import.meta.dirname, 'build.mjs');

/**
 * The build started ahead, waiting for the next change: `ready` settles to
 * true once it waits at the gate, false if it ended first; `live` once it
 * has put the site live (it then saves the content store before it exits);
 * `exit` to its exit code.
 * @type {{ child: import('node:child_process').ChildProcess, ready: Promise<boolean>, live: Promise<void>, exit: Promise<number> } | undefined}
 */
let ahead;

function startAhead() {
  const started = performance.now();
  const child = spawn(process.execPath, [BUILD, ...buildArgs], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [BUILD_AHEAD_ENV]: '1' },
  });
  const exit = new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  const ready = whenWaiting(child, exit);
  const live = whenTold(child, LIVE);
  void ready.then((waiting) => {
    if (!waiting) return;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `[publish:watch] ${stamp()} the next build is ready (started ahead in ${seconds} s); waiting for a change`,
    );
  });
  ahead = { child, ready, live, exit };
}

/**
 * Runs the build: the one started ahead if it waits, a new one otherwise.
 * The build ahead is told whether the save touched a photo (`changed`: the
 * paths saved), which its Astro gated at the pages cannot publish.
 * @param {string[]} changed
 */
async function build(changed) {
  const next = ahead;
  ahead = undefined;
  if (next && (await next.ready) && next.child.connected) {
    next.child.send(goAfterSave(changed));
    // Live as soon as it says so: the content store it saves after that is
    // for the next build, which waits for it.
    return Promise.race([next.live.then(() => 0), next.exit]);
  }
  // It ended before it was needed (an error as it started, printed then):
  // a build started now says what is wrong, or publishes.
  return run(process.execPath, [BUILD, ...buildArgs]);
}

async function publish() {
  if (running) return;
  running = true;
  const changed = [...pending];
  pending = new Set();
  const shown =
    changed.slice(0, 5).join(', ') + (changed.length > 5 ? `, and ${changed.length - 5} more` : '');
  console.log(`\n[publish:watch] ${stamp()} changed: ${shown}; building`);
  const started = performance.now();
  const code = await build(changed);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!stopping) startAhead();
  if (code === 0) {
    console.log(`[publish:watch] ${stamp()} live in ${seconds} s`);
    if (then) {
      const deployed = await run(then, [], { shell: true });
      console.log(
        deployed === 0
          ? `[publish:watch] ${stamp()} --then finished`
          : `[publish:watch] ${stamp()} --then failed with exit code ${deployed}`,
      );
    }
  } else {
    console.log(
      `[publish:watch] ${stamp()} build failed after ${seconds} s; the site is as it was`,
    );
  }
  running = false;
  if (pending.size > 0) schedule();
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(() => void publish(), QUIET_MS);
}

for (const folder of WATCHED) {
  watch(folder, { recursive: true }, (_event, file) => {
    if (!file) return;
    pending.add(join(folder, file.toString()));
    if (!running) schedule();
  }).on('error', (error) => {
    console.error(`[publish:watch] cannot watch ${folder}/: ${error.message}`);
    process.exit(1);
  });
}
console.log(
  `[publish:watch] watching ${WATCHED.map((f) => `${f}/`).join(', ')}; every save is built and published` +
    (then ? `, then: ${then}` : ''),
);
// Stopped (Ctrl-C, a service manager): the build started ahead ends too,
// before the watcher does, so no build is left holding the lock.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    stopping = true;
    const waiting = ahead;
    if (!waiting) process.exit(0);
    waiting.child.kill();
    void waiting.exit.then(() => process.exit(0));
  });
}
// The first build brings the site up to date with what changed while nobody watched.
pending.add('(start)');
void publish();
