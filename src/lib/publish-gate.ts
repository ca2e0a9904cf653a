/**
 * A build started ahead of the change it will publish.
 *
 * `npm run publish:watch` keeps one build waiting (scripts/build.mjs with
 * `VOZ_BUILD_AHEAD`): its Astro process starts Node, loads Astro, Vite and
 * the config, starts the content layer's Vite server and reads the content
 * store, all before anything is saved, then stops at this gate in front of
 * the content loaders. When an editor saves, the watcher opens the gate and
 * the build goes on from there as any build would: the loaders list and read
 * content/ only then, so the saved change is in it, and "now" (the embargo
 * clock, src/lib/build-time.ts) is read only after the gate.
 *
 * The gate talks to scripts/build.mjs over Node's IPC channel: it sends
 * `{ gate: 'ready' }` when the first loader reaches it and opens on
 * `{ gate: 'go' }`. Without `VOZ_PUBLISH_GATE=1` (every other build, `astro
 * sync`, the tests) it is open from the start.
 *
 * The same channels carry one message back once a build is done, so a
 * publish is live before the build has saved what only the next build
 * needs: Astro tells scripts/build.mjs its output is complete (`BUILT`,
 * before it writes the content store: store-written-last.ts), and
 * scripts/build.mjs tells the watcher the site is live (`LIVE`). The
 * channel is kept for that message, but no longer keeps its process alive.
 */

// With its extension: scripts/build.mjs and publish-watch.mjs load this
// module in Node itself, which resolves no extensionless path.
import { BUILD_TIME_ENV } from './build-time.ts';

/** Set to `1` by scripts/publish-watch.mjs on the build it starts ahead (scripts/build.mjs). */
export const BUILD_AHEAD_ENV = 'VOZ_BUILD_AHEAD';
/**
 * Set by scripts/build.mjs on the Astro process of a build started ahead,
 * to where it waits: {@link GATE_AT_PAGES} or {@link GATE_AT_LOADERS}.
 */
export const PUBLISH_GATE_ENV = 'VOZ_PUBLISH_GATE';
/**
 * The gate in front of the content loaders: Astro starts and waits before
 * it reads content/; after the go it syncs, bundles and renders.
 */
export const GATE_AT_LOADERS = '1';
/**
 * The gate in front of the pages (src/integrations/pages-gate.ts): Astro
 * syncs the content as it is and bundles the code before the save, waits,
 * then syncs again what the save changed and renders. Its bundle holds the
 * photos the content referred to before the save (Vite imports them): when
 * the save changes that set, the build exits with {@link STALE_EXIT} and the
 * build waiting at the loaders publishes instead.
 */
export const GATE_AT_PAGES = 'pages';

/** Where this process's gate is, if it has one. */
export function gatePlace(
  env: Record<string, string | undefined> = process.env,
): 'loaders' | 'pages' | undefined {
  const place = env[PUBLISH_GATE_ENV];
  return place === GATE_AT_LOADERS ? 'loaders' : place === GATE_AT_PAGES ? 'pages' : undefined;
}
/**
 * Set to `1` by scripts/build.mjs on every Astro process it starts with an
 * IPC channel of its own: only that channel is released early and told
 * `BUILT` (a process run by another parent, a test runner's worker, keeps
 * its channel as it is).
 */
export const BUILD_CHANNEL_ENV = 'VOZ_BUILD_CHANNEL';

const STOPPED = 'The publish this build was started ahead for was stopped.';

/** What the gate sends when it waits, and what opens it. */
export const GATE_READY = { gate: 'ready' } as const;
export const GATE_GO = { gate: 'go' } as const;

/**
 * The go scripts/build.mjs sends its Astro: with the moment the build
 * publishes as of (`BUILD_TIME`, src/lib/build-time.ts), taken as the gate
 * opens unless the build was given one. Every reader of the build's clock
 * (the catalogue's embargoes, the search page and its records' bundles,
 * the feeds' dates) then reads the same instant, where each read the
 * clock again before: a build across midnight at the turn of a month
 * could list one set of search bundles on the search page and write
 * another.
 */
export function goAt(now: Date): { gate: 'go'; now: string } {
  return { ...GATE_GO, now: now.toISOString() };
}

/**
 * `BUILD_TIME` for the Astro that scripts/build.mjs starts: the one it was
 * given, else now; for a build started ahead, none yet (its go brings it).
 */
export function astroBuildTime(given: string | undefined, gated: boolean, now: Date): string {
  if (given?.trim()) return given;
  return gated ? '' : now.toISOString();
}

/**
 * The exit code of an Astro gated at the pages that cannot publish the
 * save: its bundle was made without a photo the saved content refers to,
 * or with one it no longer does (scripts/build.mjs then hands the publish
 * to the Astro gated at the loaders). EX_TEMPFAIL of sysexits.h.
 */
export const STALE_EXIT = 75;

/** A photo's file name, as Astro's image pipeline takes it (VALID_INPUT_FORMATS). */
const PHOTO_FILE = /\.(jpe?g|png|tiff?|webp|gif|svg|avif)$/i;

/**
 * Whether a save wrote, moved or removed a photo (paths as the watcher
 * saw them): the bundle made before it cannot hold that photo, so the
 * build gated at the loaders publishes it, without first trying the one
 * gated at the pages.
 */
export function savedPhotos(changed: readonly string[]): boolean {
  return changed.some((path) => PHOTO_FILE.test(path));
}

/** The watcher's go: with whether the save touched a photo ({@link savedPhotos}). */
export function goAfterSave(changed: readonly string[]): { gate: 'go'; photos: boolean } {
  return { ...GATE_GO, photos: savedPhotos(changed) };
}

/** Astro's output folder and its listing are complete (Astro → scripts/build.mjs). */
export const BUILT = { build: 'built' } as const;
/** The site is live (scripts/build.mjs → the watcher). */
export const LIVE = { build: 'live' } as const;

/** Whether `message` is `{ gate: <word> }`. */
function isGateMessage(message: unknown, word: 'ready' | 'go'): boolean {
  return (
    typeof message === 'object' && message !== null && (message as { gate?: unknown }).gate === word
  );
}

/** The part of `process` the gate uses: its IPC channel to the parent. */
export interface GateChannel {
  send?: ((message: unknown) => boolean) | undefined;
  /** False once the parent has gone (`process.connected`). */
  connected?: boolean | undefined;
  /** The channel itself (`process.channel`), which `unref` stops keeping the process alive. */
  channel?: { unref(): void } | null | undefined;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
  once(event: 'disconnect', listener: () => void): unknown;
}

/**
 * The waiting side of the protocol, for any process started ahead (Astro's
 * at the gate, scripts/build.mjs towards the watcher): tells the parent it
 * waits and resolves true when the parent says go, after releasing the
 * channel (it is kept for `BUILT` or `LIVE`, but does not keep the process
 * alive); false if the parent has gone, or goes, first. A go that carries
 * the build's moment ({@link goAt}) sets `BUILD_TIME` in `env`, unless it
 * is set already.
 */
export function waitForGo(
  channel: GateChannel,
  env?: Record<string, string | undefined>,
  told?: (go: Record<string, unknown>) => void,
): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    if (channel.connected === false) {
      resolve(false);
      return;
    }
    const listener = (message: unknown) => {
      if (!isGateMessage(message, 'go')) return;
      const now = (message as { now?: unknown }).now;
      if (env && typeof now === 'string' && !env[BUILD_TIME_ENV]?.trim()) env[BUILD_TIME_ENV] = now;
      told?.(message as Record<string, unknown>);
      channel.off('message', listener);
      channel.channel?.unref();
      resolve(true);
    };
    channel.on('message', listener);
    channel.once('disconnect', () => {
      channel.off('message', listener);
      resolve(false);
    });
    channel.send?.(GATE_READY);
  });
}

/** Sends `message` to the parent, if it is one of ours and still there (`BUILT`, `LIVE`). */
export function tellParent(
  ours: boolean,
  channel: Pick<GateChannel, 'send' | 'connected'>,
  message: unknown,
): void {
  if (ours && channel.connected === true && typeof channel.send === 'function') {
    channel.send(message);
  }
}

/** A process started ahead, as its parent sees it. */
interface ChildChannel {
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/**
 * The parent's side: resolves true when `child` says it waits, false if it
 * ends first (`exit` settles when it has ended).
 */
export function whenWaiting(child: ChildChannel, exit: Promise<unknown>): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    child.on('message', (message) => {
      if (isGateMessage(message, 'ready')) resolve(true);
    });
    void exit.then(() => resolve(false));
  });
}

/** The parent's side: resolves when `child` sends `message` (`BUILT`, `LIVE`); never if it does not. */
export function whenTold(child: ChildChannel, message: { build: string }): Promise<void> {
  return new Promise<void>((resolve) => {
    child.on('message', (sent) => {
      if (
        typeof sent === 'object' &&
        sent !== null &&
        (sent as { build?: unknown }).build === message.build
      ) {
        resolve();
      }
    });
  });
}

/**
 * The gate of one process: a function every loader awaits before it reads
 * anything. The first call tells the parent the build waits; every call
 * resolves once the parent says go ({@link waitForGo}). If the parent goes
 * away first (the watcher was stopped), the calls reject and the build ends.
 */
export function createPublishGate(
  env: Record<string, string | undefined>,
  channel: GateChannel,
): () => Promise<void> {
  if (gatePlace(env) === undefined) {
    // A build not started ahead still has scripts/build.mjs's channel, kept
    // for BUILT: it must not keep the process alive.
    if (env[BUILD_CHANNEL_ENV] === '1') channel.channel?.unref();
    return () => Promise.resolve();
  }
  let opened: Promise<void> | undefined;
  return () => {
    if (opened) return opened;
    if (typeof channel.send !== 'function') {
      opened = Promise.reject(
        new Error(
          `${PUBLISH_GATE_ENV}=1 is set, but this process has no channel to the build that ` +
            'started it (scripts/build.mjs starts a build ahead only for npm run publish:watch). ' +
            `Unset ${PUBLISH_GATE_ENV} to build now.`,
        ),
      );
    } else {
      opened = waitForGo(channel, env).then((go) => {
        if (!go) throw new Error(STOPPED);
      });
    }
    return opened;
  };
}

/** This process's gate. */
export const publishGate: () => Promise<void> = createPublishGate(process.env, process);

/**
 * The loaders' gate: this process's, unless it waits in front of the pages
 * (then the loaders read content/ at once, before the save, and the pages'
 * gate syncs it again after: src/integrations/pages-gate.ts).
 */
export function loadersGate(
  env: Record<string, string | undefined>,
  gate: () => Promise<void>,
  pagesGated: () => boolean = () =>
    (globalThis as Record<symbol, unknown>)[Symbol.for(PAGES_GATE_GLOBAL)] === true,
): () => Promise<void> {
  if (gatePlace(env) !== 'pages') return gate;
  return () =>
    pagesGated()
      ? Promise.resolve()
      : Promise.reject(
          new Error(
            `${PUBLISH_GATE_ENV}=${GATE_AT_PAGES} is set, but pagesGate() is not in astro.config.mjs: ` +
              'the loaders would read content/ before the save and publish it as it was.',
          ),
        );
}

/** Set on `globalThis` (as a registered symbol) by pagesGate() when the config has it. */
export const PAGES_GATE_GLOBAL = 'voz.pagesGate';

/**
 * What a loader may do before the gate, given the context its load will
 * get: work that reads only what builds themselves write (the build's
 * cache), never content/, so that a build started ahead has it done
 * before the save (body-files.ts checks its files so). Its load must
 * still find out whether another build changed that cache while this one
 * waited: the lock is let go during the wait.
 */
export type BeforeGate<Context = unknown> = (context: Context) => void | Promise<void>;

/** The loader of a collection, behind the gate, its `beforeGate` (if any) done first. */
function gatedLoader(loader: unknown, gate: () => Promise<void>): unknown {
  if (typeof loader === 'function') {
    return async (...args: unknown[]) => {
      await gate();
      return (loader as (...a: unknown[]) => unknown)(...args);
    };
  }
  if (typeof loader === 'object' && loader !== null && 'load' in loader) {
    const inner = loader as {
      load: (context: unknown) => Promise<void>;
      beforeGate?: BeforeGate;
    };
    return {
      ...inner,
      load: async (context: unknown) => {
        await inner.beforeGate?.(context);
        await gate();
        return inner.load(context);
      },
    };
  }
  return loader;
}

/**
 * Puts every collection's loader behind the gate: in src/content.config.ts,
 * around the exported collections, so a collection added later is behind it
 * too (one that read its files before the gate would publish them as they
 * were when the build started, not as saved).
 */
export function afterPublishGate<T extends Record<string, object>>(
  collections: T,
  gate: () => Promise<void> = loadersGate(process.env, publishGate),
): T {
  return Object.fromEntries(
    Object.entries(collections).map(([name, collection]) => [
      name,
      { ...collection, loader: gatedLoader((collection as { loader?: unknown }).loader, gate) },
    ]),
  ) as T;
}
