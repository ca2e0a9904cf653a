// Publishes every saved change: watches content/ (and the code) and runs the
// build (scripts/build.mjs) after each burst of changes, so that a story an
// editor saves is live as soon as one incremental build has run (about 3 s
// at 1,000 articles, 7–8 s at 10,000 on two cores; README "Publishing").
//
//   npm run publish:watch [-- --then "command"] [build options]
//
// --then CMD: a shell command run after each build that changed the site
//   (a deploy: `rsync -a --delete dist/ host:/srv/www/`, a CDN upload).
// Other arguments are passed on to scripts/build.mjs on every build.
//
// Changes made while a build runs are published by the next one, which
// starts as soon as the running one ends. A failed build (bad content, the
// publish guard) leaves the site as it was and the watcher waits for the
// next save; its errors are printed as `npm run build` prints them.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** What a change anywhere in these triggers a build for. */
const WATCHED = ['content', 'src', 'public'];
/** A save often writes several files (a story and its photo): wait for the burst to end. */
const QUIET_MS = 300;

const argv = process.argv.slice(2);
const thenAt = argv.indexOf('--then');
const then = thenAt >= 0 ? argv[thenAt + 1] : undefined;
const buildArgs = thenAt >= 0 ? argv.filter((_, i) => i !== thenAt && i !== thenAt + 1) : argv;

let running = false;
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

async function publish() {
  if (running) return;
  running = true;
  const changed = [...pending];
  pending = new Set();
  const shown =
    changed.slice(0, 5).join(', ') + (changed.length > 5 ? `, and ${changed.length - 5} more` : '');
  console.log(`\n[publish:watch] ${stamp()} changed: ${shown}; building`);
  const started = performance.now();
  const code = await run(process.execPath, [join(import.meta.dirname, 'build.mjs'), ...buildArgs]);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
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
// The first build brings the site up to date with what changed while nobody watched.
pending.add('(start)');
void publish();
