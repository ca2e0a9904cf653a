// Builds the site and puts it live only when the build succeeds and passes
// the publish guard, so a failed build (bad content, a crash) or one that
// lost the archive leaves the live folder exactly as it was.
//
//   node scripts/build.mjs [--out-dir DIR] [--allow-shrink] [--max-loss 0.25] [astro build args]
//
// --out-dir (or BUILD_OUT_DIR): the output folder, dist/ by default; the
//   end-to-end tests build into .test-dist/ so they never touch dist/.
// --allow-shrink (or ALLOW_SHRINK=1): the editor removed stories on purpose.
// --max-loss (or PUBLISH_GUARD_MAX_LOSS): the share of the previous output's
//   article pages a build may lose, 0.1 by default (scripts/publish-guard.ts).
// --force: render every page (passed on to Astro) into an emptied work folder.
// Other arguments are passed on to `astro build`.
//
// Why a rebuild is cheap (README "Publishing"): Astro builds into a work
// folder kept between builds (.cache/site/<name>/), where its incremental
// cache leaves every page whose cache key did not change untouched and
// writes only the others; src/integrations/kept-output.ts deletes the files
// of pages that are gone. The work folder is started afresh when the code,
// config or dependencies change, or after a failed build. Then only the
// files this build wrote go to the live folder, each written beside its
// place and renamed over it, new files first and deletions last, so a
// reader never meets half a file or a link to a missing page. Astro says
// when its output is complete and saves the content store while that
// happens (src/integrations/store-written-last.ts); the lock is held until
// it has.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import {
  copyFileSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { buildManifest, manifestFile, readManifest, writeManifest } from './manifest.ts';
import { articlePages, decidePublish, guardReport, parseMaxLoss } from './publish-guard.ts';
import {
  BUILD_AHEAD_ENV,
  BUILD_CHANNEL_ENV,
  BUILT,
  GATE_AT_LOADERS,
  GATE_AT_PAGES,
  LIVE,
  PUBLISH_GATE_ENV,
  STALE_EXIT,
  astroBuildTime,
  goAt,
  tellParent,
  waitForGo,
  whenTold,
  whenWaiting,
} from '../src/lib/publish-gate.ts';
import { BUILD_TIME_ENV } from '../src/lib/build-time.ts';
import {
  CODE_INPUTS,
  readListing,
  removeWithEmptyFolders,
  syncSteps,
  codeDigest,
  folderMemoText,
  listStamps,
  listStampsRemembered,
  listingDigest,
  parseWorkState,
  pathKeysFile,
  readFolderMemo,
  syncPlan,
} from './work-folder.ts';

/**
 * Splits this script's own options from the arguments meant for Astro.
 * @param {string[]} argv
 */
function parseOptions(argv) {
  const options = {
    outDir: process.env.BUILD_OUT_DIR || 'dist',
    allowShrink: ['1', 'true', 'yes'].includes((process.env.ALLOW_SHRINK ?? '').toLowerCase()),
    maxLoss: { raw: process.env.PUBLISH_GUARD_MAX_LOSS, source: 'PUBLISH_GUARD_MAX_LOSS' },
    astroArgs: /** @type {string[]} */ ([]),
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (name === '--out-dir') options.outDir = value() ?? '';
    else if (name === '--allow-shrink') options.allowShrink = true;
    else if (name === '--max-loss') options.maxLoss = { raw: value(), source: '--max-loss' };
    else options.astroArgs.push(arg);
  }
  return options;
}

const options = parseOptions(process.argv.slice(2));
let maxLoss;
try {
  if (options.outDir.trim() === '') throw new Error('--out-dir needs a folder name.');
  maxLoss = parseMaxLoss(options.maxLoss.raw, options.maxLoss.source);
} catch (error) {
  console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

const out = resolve(options.outDir);
const outName = relative(process.cwd(), out) || '.';
// The work folder and what is remembered about it.
const work = resolve('.cache', 'site', basename(out).replace(/^\./, ''));
const stateFile = `${work}.json`;
const readText = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : null);
const writeState = (state) => {
  mkdirSync(dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, JSON.stringify(state));
};
const force = options.astroArgs.includes('--force');
const configArg = options.astroArgs.indexOf('--config');
const codeNow = () =>
  codeDigest(
    process.cwd(),
    [...CODE_INPUTS, ...(configArg >= 0 ? [options.astroArgs[configArg + 1] ?? ''] : [])],
    [process.version, ...options.astroArgs.filter((arg) => arg !== '--force')],
  );
let code = codeNow();
// One build of a folder at a time: `npm run publish:watch` and a build typed
// by hand would otherwise write the same work folder and dist/ together.
const lockFile = `${work}.lock`;
mkdirSync(dirname(lockFile), { recursive: true });
let locked = false;
/** Written after the pid in the lock by a build started ahead while its Astros start. */
const STARTING = 'starting';
/**
 * Takes the lock. A build typed by hand stops if another holds it, but
 * waits for a build started ahead that is only starting its Astros
 * (`starting`: a few seconds, after which it waits without the lock); the
 * watcher's build (`wait`) waits for the holder to end, then publishes.
 * @param {{ wait?: boolean, quiet?: boolean, starting?: boolean }} [options]
 */
async function takeLock({ wait = false, quiet = false, starting = false } = {}) {
  let told = quiet;
  for (;;) {
    try {
      writeFileSync(lockFile, starting ? `${process.pid} ${STARTING}` : String(process.pid), {
        flag: 'wx',
      });
      locked = true;
      return;
    } catch {
      const text = readText(lockFile) ?? '';
      const holder = Number.parseInt(text, 10);
      if (Number.isInteger(holder) && processAlive(holder)) {
        if (!wait && !text.endsWith(` ${STARTING}`)) {
          console.error(
            `build: another build of ${outName}/ is running (process ${holder}); try again when it ends.`,
          );
          process.exit(1);
        }
        if (!told) console.log(`build: waiting for the build of ${outName}/ in process ${holder}.`);
        told = true;
        await new Promise((done) => setTimeout(done, 250));
        continue;
      }
      rmSync(lockFile, { force: true }); // left by a build that was killed
    }
  }
}
function releaseLock() {
  if (locked) rmSync(lockFile, { force: true });
  locked = false;
}
process.on('exit', releaseLock);
// A build started ahead (`npm run publish:watch`, scripts/publish-watch.mjs):
// Astro starts now and waits at the gate; the lock is let go while it waits,
// and everything that reads the work folder's state happens once the watcher
// says a change was saved. It holds the lock while it starts (two Astro
// processes starting at once would share Vite's cache folder), and waits
// for a build typed by hand rather than fail.
const ahead = process.env[BUILD_AHEAD_ENV] === '1' && typeof process.send === 'function';
// A build started ahead as the previous publish ends waits, quietly, for
// that one to finish saving the content store (store-written-last.ts).
await takeLock({ wait: ahead, quiet: ahead, starting: ahead });

/** Whether process `pid` still runs (a lock left by a build that was killed is stale). */
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

const listingFile = `${work}.listing.json`;
// Astro's own command line, run by this Node (the project's Node 24):
// through npx it took another 0.3 s of CPU and up to 0.6 s of wall.
const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
const astroBin = join(
  dirname(astroPackage),
  JSON.parse(readFileSync(astroPackage, 'utf8')).bin.astro,
);
/**
 * Starts `astro build` into the work folder. `gate`: where Astro waits until
 * told to go (src/lib/publish-gate.ts): in front of the content loaders
 * (GATE_AT_LOADERS), or synced and bundled, in front of the pages
 * (GATE_AT_PAGES); none to build now. Either way it says over its channel
 * when its output is complete, before it saves the content store (`built`).
 * @param {string | undefined} gate
 */
function startAstro(gate) {
  const gated = gate !== undefined;
  const child = spawn(
    process.execPath,
    [astroBin, 'build', '--outDir', work, ...options.astroArgs],
    {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: {
        ASTRO_TELEMETRY_DISABLED: '1',
        // glibc gives each thread (sharp's and the bundler's) its own malloc
        // arena; two arenas cut the peak memory of a 2,000-article build from
        // 1.59 GB to 1.41 GB at no measurable cost in time. Ignored elsewhere.
        MALLOC_ARENA_MAX: '2',
        // Node keeps the compiled code of the modules it loads (Astro, Vite,
        // the bundle's chunks, the search indexer) and reuses it while their
        // source is unchanged: a rebuild with nothing to do at 10,000 articles
        // took 0.97× the time in six paired runs, a few percent at most (see
        // docs/scaling.md, session 25). A stale entry is ignored.
        NODE_COMPILE_CACHE: resolve('.cache/node-compile'),
        ...process.env,
        // A larger young generation: fewer objects of a build survive into the
        // old one. One edit at 10,000 articles: 0.5 s faster and a peak of
        // 1.57-1.68 GB instead of 1.67-2.24 GB (three pairs).
        NODE_OPTIONS: [process.env['NODE_OPTIONS'], '--max-semi-space-size=64']
          .filter(Boolean)
          .join(' '),
        // src/integrations/kept-output.ts: do not empty the work folder.
        VOZ_KEEP_OUTPUT: '1',
        // src/integrations/built-files.ts (outputListing) leaves the listing of
        // the work folder here, so it is not walked again below.
        VOZ_OUTPUT_LISTING: listingFile,
        [PUBLISH_GATE_ENV]: gate ?? '',
        [BUILD_CHANNEL_ENV]: '1',
        // The moment the build publishes as of, read once (unless given):
        // now, or for a build started ahead when it is told to go (goAt).
        [BUILD_TIME_ENV]: astroBuildTime(process.env[BUILD_TIME_ENV], gated, new Date()),
      },
    },
  );
  const built = whenTold(child, BUILT);
  /** Settles to true once Astro waits at its gate, false if it ended first. */
  let waiting = false;
  /** Astro's exit code (1 when it could not start or was stopped by a signal). */
  const exit = new Promise((done) => {
    child.on('error', (error) => {
      console.error(`build: could not start Astro: ${error.message}`);
      done(1);
    });
    child.on('close', (status) => done(status ?? 1));
  });
  const ready = whenWaiting(child, exit).then((at) => (waiting = at));
  return { child, exit, built, ready, waitsNow: () => waiting && child.connected === true };
}

const liveFoldersFile = `${work}.live-folders.json`;
/**
 * The live folder's files, their digest and the article pages among them
 * (for the publish guard), reading only its folders that changed since the
 * previous build's listing (listStampsRemembered: a folder's time changes
 * with its entries; `--force` reads them all), with the records it was
 * read by: the work state and that listing's memo, both written by the
 * build that last changed the folder.
 */
function listLive() {
  const records = { state: readText(stateFile), folders: readText(liveFoldersFile) };
  const listed = listStampsRemembered(out, force ? undefined : readFolderMemo(records.folders));
  return {
    ...records,
    ...listed,
    digest: listingDigest(listed.listing),
    articles: articlePages(listed.listing.keys()),
  };
}

/** @type {ReturnType<typeof listLive> | undefined} */
let listedAhead;
/** @type {ReturnType<typeof startAstro> | undefined} */
let astro;
/**
 * A build started ahead runs two Astros (README "Publishing"): `astro`
 * syncs the content and bundles the code before the save and waits in
 * front of the pages (src/integrations/pages-gate.ts); `atLoaders` waits in
 * front of the content loaders, as every build ahead did before, and
 * publishes what the first cannot: a save that changes which photos the
 * stories refer to (Vite bundled the photos with the code).
 * @type {ReturnType<typeof startAstro> | undefined}
 */
let atLoaders;
/** The watcher's go: `photos` when the save wrote or removed a photo (goAfterSave). */
let go = /** @type {Record<string, unknown>} */ ({});
if (ahead) {
  astro = startAstro(GATE_AT_PAGES);
  // Stopped while it starts or waits (the watcher ends): its Astros go
  // too. Registered before the listing below, which holds the thread for
  // up to a second: without a handler, a SIGTERM then would end this
  // process at once and leave Astro to notice its parent gone.
  const stop = () => {
    astro?.child.kill();
    atLoaders?.child.kill();
    process.exit(143);
  };
  process.once('SIGTERM', stop);
  // The live folder is listed now, while Astro starts and this build holds
  // the lock, rather than after the save, when the walk (37,000 files and
  // 15,000 folders at 10,000 articles, 0.5-1 s of CPU) took a core from
  // the bundle, the paths and the search index's Pagefind.
  listedAhead = listLive();
  if (!(await astro.ready)) {
    // It could not sync or bundle content/ as it is now (a save an earlier
    // publish refused, still there): the build at the loaders publishes
    // the next save on its own, after reading it.
    await astro.exit;
    astro = undefined;
  }
  // Started once the first waits: two Astros starting at once would share
  // Vite's cache folder. The watcher is told this build is ready as soon as
  // one of them waits; the lock is let go once both do (a build typed by
  // hand meanwhile waits for that: takeLock), unless a save came first.
  atLoaders = startAstro(GATE_AT_LOADERS);
  if (!astro && !(await atLoaders.ready)) process.exit(await atLoaders.exit);
  let saved = false;
  void atLoaders.ready.then(() => {
    if (!saved) releaseLock();
  });
  // The watcher may also have gone while this build started.
  if (!(await waitForGo(process, undefined, (message) => (go = message)))) stop(); // nothing was published
  saved = true;
  process.off('SIGTERM', stop);
  // Held still (the save came while the second Astro started): no longer
  // only starting, so a build typed by hand now stops.
  if (locked) writeFileSync(lockFile, String(process.pid));
  else await takeLock({ wait: true });
  // Another build let in while this one waited has changed the live folder
  // (every build writes the work state as it starts): it is listed again.
  if (
    readText(stateFile) !== listedAhead.state ||
    readText(liveFoldersFile) !== listedAhead.folders
  ) {
    listedAhead = undefined;
  }
  const codeThen = code;
  code = codeNow();
  if (code !== codeThen) {
    // The code changed while the build waited: its Astros loaded the old one
    // (the config, the content rules).
    console.log('build: the code changed while this build waited; starting Astro again.');
    for (const waiting of [astro, atLoaders]) waiting?.child.kill();
    await Promise.all([astro?.exit, atLoaders?.exit]);
    astro = atLoaders = undefined;
  }
}

const state = parseWorkState(readText(stateFile));
const reuse = state !== null && state.complete && state.code === code && !force;
if (!reuse) {
  rmSync(work, { recursive: true, force: true });
  rmSync(pathKeysFile(work), { force: true });
}
writeState({ ...(reuse ? state : {}), code, complete: false });
rmSync(listingFile, { force: true });
/**
 * The Astro that publishes instead of the one at the pages: the one
 * waiting at the loaders, once it waits (it may still be starting), told
 * to go, and `why` printed; else, if there is none or it ended, a new one.
 * @param {string | undefined} why
 */
async function goAtLoaders(why) {
  const taken = atLoaders;
  atLoaders = undefined;
  if (taken && (await taken.ready) && taken.waitsNow()) {
    if (why) console.log(`build: the build waiting at the loaders publishes this save (${why}).`);
    taken.child.send(goAt(new Date()));
    return taken;
  }
  taken?.child.kill();
  return startAstro(undefined);
}

// A build started ahead goes on from a gate. The one in front of the pages
// publishes the save if the work folder is as it was when its build:start
// hooks read it (kept, and no other build since) and the save touched no
// photo; else the one at the loaders, else a new Astro.
const notAtPages = !astro?.waitsNow()
  ? 'it is not waiting'
  : !reuse
    ? 'the work folder is started afresh'
    : listedAhead === undefined
      ? 'another build ran while it waited'
      : go['photos'] === true
        ? 'the save wrote or removed a photo'
        : undefined;
const atPages = notAtPages === undefined;
if (atPages && astro) {
  // Still starting, it would take a core from the publish.
  if (!atLoaders?.waitsNow()) {
    atLoaders?.child.kill();
    atLoaders = undefined;
  }
  astro.child.send(goAt(new Date()));
} else {
  astro?.child.kill();
  astro = await goAtLoaders(notAtPages);
}
// While Astro builds, the live folder is listed as the previous build left
// it (the lock keeps every other build out of it): Astro renders on one
// core, and this walk, which had followed it, takes the other (0.3 s at
// 10,000 articles, about 1.5 s at 50,000). A build started ahead listed it
// before the save instead, unless another build has run since.
const {
  listing: liveFiles,
  memo: liveFolders,
  digest: liveDigest,
  articles: liveArticles,
} = listedAhead ?? listLive();
// Astro says when its output is complete, then saves the content store
// (src/integrations/store-written-last.ts) while the site goes live here.
let status = await Promise.race([astro.built.then(() => 0), astro.exit]);
if (atPages && status === STALE_EXIT) {
  // The save changed which photos the stories refer to, and the bundle made
  // before it holds the old set (pages-gate.ts): the Astro at the loaders,
  // still waiting, reads the save, bundles and publishes it.
  astro = await goAtLoaders(undefined);
  status = await Promise.race([astro.built.then(() => 0), astro.exit]);
}
// The spare is not needed once a build's output is complete.
atLoaders?.child.kill();
atLoaders = undefined;
if (status !== 0) {
  console.error(
    `\nBuild failed: ${outName}/ was left as it was${existsSync(out) ? '' : ' (there was none)'}.`,
  );
  process.exit(status);
}

const workFiles = readListing(readText(listingFile)) ?? listStamps(work);
const decision = decidePublish({
  before: liveArticles,
  after: articlePages([...workFiles.keys()]),
  maxLoss,
  allowShrink: options.allowShrink,
});
const report = guardReport(decision, {
  outDir: outName,
  maxLoss,
  allowShrink: options.allowShrink,
});
if (!decision.ok) {
  // The work folder holds a good build of what content/ says; only the
  // live folder is refused it.
  writeState({ ...(reuse ? state : {}), code, complete: true });
  console.error(`\n${report.join('\n')}`);
  await astro.exit; // the lock stays until the content store is saved
  process.exit(1);
}
console.log(report.join('\n'));

// The live folder gets what changed, each file whole: written beside its
// place and renamed over it, so a reader never gets half a file; in an
// order that never leaves a link pointing nowhere (work-folder.ts,
// syncSteps). Without a record of the live folder as the last build left
// it (first build, a folder changed by hand, an interrupted update), every
// file is put again.
const syncedAt = Date.now();
const trusted = reuse && state.syncedAt !== undefined && state.live === liveDigest;
const plan = syncPlan(workFiles, liveFiles, trusted ? (state.syncedAt ?? null) : null);
writeState({ code, complete: true });
const made = new Set();
const folderOf = (file) => {
  const folder = dirname(file);
  if (!made.has(folder)) {
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
};
const liveAfter = new Map(liveFiles);
for (const step of syncSteps(plan, liveFiles)) {
  if ('put' in step) {
    const target = join(out, step.put);
    const staged = `${target}.${process.pid}.next`;
    folderOf(target);
    copyFileSync(join(work, step.put), staged, constants.COPYFILE_FICLONE);
    renameSync(staged, target);
    const { size, mtimeMs } = statSync(target);
    liveAfter.set(step.put, { size, mtimeMs });
  } else {
    removeWithEmptyFolders(out, step.remove);
    liveAfter.delete(step.remove);
  }
}
if (plan.drop.length > 0 && plan.drop.length <= 20) {
  console.log(`Removed from ${outName}/: ${plan.drop.join(', ')}`);
}
console.log(
  `${outName}/ updated from the new build: ${plan.copy.length.toLocaleString('en-US')} file(s) written, ` +
    `${plan.keep.length.toLocaleString('en-US')} unchanged, ${plan.drop.length.toLocaleString('en-US')} removed.`,
);
// The watcher reports the publish live now. What the next build trusts of
// the live folder is written after (at 50,000 articles the manifest alone
// took 1.4–2.4 s): a build stopped before then finds no record of the
// update and puts every file again. The lock is held until Astro has saved
// the content store.
tellParent(ahead, process, LIVE);
writeState({ code, complete: true, syncedAt, live: listingDigest(liveAfter) });
// The folders as they were listed: those the update changed have newer times.
writeFileSync(liveFoldersFile, folderMemoText(liveFolders));
// Every live file's digest, for `npm run notify` (scripts/manifest.ts): only
// the files written now are read.
const manifestPath = manifestFile(resolve('.cache'), basename(out));
writeManifest(manifestPath, buildManifest(out, liveAfter, readManifest(manifestPath)));
if ((await astro.exit) !== 0) {
  // The site is live and complete; only what the next build reuses was not
  // saved. That build finds the store the build before left, and reads
  // again every source changed since (src/lib/trusted-stamps.ts).
  console.error(
    `build: ${outName}/ is published, but Astro failed while saving the content store ` +
      '(see above); the next build reads again the sources changed since the last saved one.',
  );
}
