import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  BUILD_CHANNEL_ENV,
  BUILT,
  LIVE,
  tellParent,
  whenTold,
  GATE_GO,
  GATE_READY,
  PUBLISH_GATE_ENV,
  GATE_AT_LOADERS,
  GATE_AT_PAGES,
  afterPublishGate,
  astroBuildTime,
  createPublishGate,
  gatePlace,
  goAfterSave,
  goAt,
  loadersGate,
  savedPhotos,
  waitForGo,
  whenWaiting,
  type GateChannel,
} from './publish-gate';
import { getBuildTime } from './build-time';

/** A stand-in for `process` with an IPC channel: records what it sent. */
function fakeChannel(withSend = true) {
  const emitter = new EventEmitter();
  const sent: unknown[] = [];
  let released = false;
  const channel: GateChannel = {
    send: withSend ? (message) => (sent.push(message), true) : undefined,
    channel: {
      unref: () => {
        released = true;
      },
    },
    on: (event, listener) => emitter.on(event, listener),
    off: (event, listener) => emitter.off(event, listener),
    once: (event, listener) => emitter.once(event, listener),
  };
  return {
    channel,
    sent,
    emit: (event: string, value?: unknown) => emitter.emit(event, value),
    released: () => released,
  };
}

const settled = async (promise: Promise<unknown>) => {
  let state = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await new Promise((done) => setTimeout(done, 0));
  return state;
};

const GATED = { [PUBLISH_GATE_ENV]: '1' };

describe('createPublishGate', () => {
  it('is open at once for every build not started ahead, and sends nothing', async () => {
    const fake = fakeChannel();
    const gate = createPublishGate({}, fake.channel);
    expect(await settled(gate())).toBe('resolved');
    expect(fake.sent).toEqual([]);
    // A channel that is not scripts/build.mjs's (a test runner's) is left alone;
    expect(fake.released()).toBe(false);
    // build.mjs's is kept for BUILT, but keeps nothing alive.
    const ours = fakeChannel();
    createPublishGate({ [BUILD_CHANNEL_ENV]: '1' }, ours.channel);
    expect(ours.released()).toBe(true);
  });

  it('says it waits once, and holds every loader until the parent says go', async () => {
    const fake = fakeChannel();
    const gate = createPublishGate(GATED, fake.channel);
    const first = gate();
    const second = gate();
    expect(fake.sent).toEqual([GATE_READY]);
    fake.emit('message', { gate: 'something else' });
    expect(await settled(first)).toBe('pending');
    fake.emit('message', GATE_GO);
    expect(await settled(first)).toBe('resolved');
    expect(await settled(second)).toBe('resolved');
    // The channel would otherwise keep the finished build's process alive.
    expect(fake.released()).toBe(true);
    expect(await settled(gate())).toBe('resolved');
    expect(fake.sent).toEqual([GATE_READY]);
  });

  it('takes the moment the build publishes as of from the go, unless it was given one', async () => {
    const moment = new Date('2026-12-01T05:59:59.500Z');
    const env: Record<string, string | undefined> = { ...GATED };
    const fake = fakeChannel();
    const gate = createPublishGate(env, fake.channel);
    const opened = gate();
    expect(env['BUILD_TIME']).toBeUndefined();
    fake.emit('message', goAt(moment));
    await opened;
    // Every later read of the build's clock gives that instant, however late.
    expect(getBuildTime(env).toISOString()).toBe(moment.toISOString());
    await new Promise((done) => setTimeout(done, 5));
    expect(getBuildTime(env).getTime()).toBe(moment.getTime());

    // A build told its moment (a preview of an embargo, a test) keeps it.
    const given: Record<string, string | undefined> = {
      ...GATED,
      BUILD_TIME: '2026-11-28T12:00:00-06:00',
    };
    const other = fakeChannel();
    const second = createPublishGate(given, other.channel)();
    other.emit('message', goAt(moment));
    await second;
    expect(getBuildTime(given).toISOString()).toBe('2026-11-28T18:00:00.000Z');

    // The watcher's plain go (to scripts/build.mjs) sets nothing.
    const plain: Record<string, string | undefined> = { ...GATED };
    const third = fakeChannel();
    const opening = createPublishGate(plain, third.channel)();
    third.emit('message', GATE_GO);
    await opening;
    expect(plain['BUILD_TIME']).toBeUndefined();
  });

  it('gives the Astro of a build its moment: the one given, else now, else (started ahead) none yet', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(astroBuildTime('2026-11-28T12:00:00-06:00', false, now)).toBe(
      '2026-11-28T12:00:00-06:00',
    );
    expect(astroBuildTime('2026-11-28T12:00:00-06:00', true, now)).toBe(
      '2026-11-28T12:00:00-06:00',
    );
    expect(astroBuildTime(undefined, false, now)).toBe('2026-12-01T12:00:00.000Z');
    expect(astroBuildTime('  ', false, now)).toBe('2026-12-01T12:00:00.000Z');
    expect(astroBuildTime(undefined, true, now)).toBe('');
  });

  it('ends the build when the watcher goes away before a change is saved', async () => {
    const fake = fakeChannel();
    const gate = createPublishGate(GATED, fake.channel);
    const waiting = gate();
    fake.emit('disconnect');
    await expect(waiting).rejects.toThrow(/stopped/);
  });

  it('ends at once when the watcher went away while the build was loading', async () => {
    const fake = fakeChannel();
    fake.channel.connected = false;
    await expect(createPublishGate(GATED, fake.channel)()).rejects.toThrow(/stopped/);
    expect(fake.sent).toEqual([]);
  });

  it('refuses to wait for a parent it cannot hear, naming the setting', async () => {
    const gate = createPublishGate(GATED, fakeChannel(false).channel);
    await expect(gate()).rejects.toThrow(PUBLISH_GATE_ENV);
  });
});

describe('whenWaiting', () => {
  it('tells the parent its build waits, or that it ended before it could', async () => {
    const child = new EventEmitter();
    const waiting = whenWaiting(child, new Promise(() => {}));
    child.emit('message', GATE_GO);
    expect(await settled(waiting)).toBe('pending');
    child.emit('message', GATE_READY);
    expect(await waiting).toBe(true);
    expect(await whenWaiting(new EventEmitter(), Promise.resolve(1))).toBe(false);
  });
});

describe('the message a finished build sends back', () => {
  it('reaches a parent that listens, and only the message awaited resolves', async () => {
    const fake = fakeChannel();
    fake.channel.connected = true;
    tellParent(true, fake.channel, BUILT);
    expect(fake.sent).toEqual([BUILT]);
    // A parent that is not ours (a test runner) is told nothing;
    tellParent(false, fake.channel, BUILT);
    expect(fake.sent).toEqual([BUILT]);
    // nor is a parent that has gone, or none (astro build alone).
    const alone = fakeChannel();
    tellParent(true, alone.channel, BUILT);
    expect(alone.sent).toEqual([]);

    const child = new EventEmitter();
    const live = whenTold(child, LIVE);
    child.emit('message', BUILT);
    child.emit('message', GATE_READY);
    expect(await settled(live)).toBe('pending');
    child.emit('message', LIVE);
    expect(await settled(live)).toBe('resolved');
  });
});

describe('afterPublishGate', () => {
  it('lets no collection read its files before the gate opens', async () => {
    const read: string[] = [];
    let open!: () => void;
    const opened = new Promise<void>((done) => (open = done));
    const collections = afterPublishGate(
      {
        articles: {
          loader: { name: 'glob', load: async () => void read.push('articles') },
          schema: 'kept',
        },
        authors: { loader: async () => (read.push('authors'), []) },
      },
      () => opened,
    );
    const loads = [
      (collections.articles.loader as { load: (c: unknown) => Promise<void> }).load({}),
      (collections.authors.loader as () => Promise<unknown>)(),
    ];
    await new Promise((done) => setTimeout(done, 0));
    expect(read).toEqual([]);
    open();
    await Promise.all(loads);
    expect(read.sort()).toEqual(['articles', 'authors']);
    // The rest of each collection is as defined.
    expect(collections.articles.schema).toBe('kept');
    expect((collections.articles.loader as { name: string }).name).toBe('glob');
  });

  it("does a loader's beforeGate while the gate is shut, with the context its load gets", async () => {
    const steps: string[] = [];
    let open!: () => void;
    const opened = new Promise<void>((done) => (open = done));
    const context = { collection: 'articles' };
    const collections = afterPublishGate(
      {
        articles: {
          loader: {
            name: 'glob',
            beforeGate: (given: unknown) => void steps.push(given === context ? 'ahead' : 'other'),
            load: async (given: unknown) => void steps.push(given === context ? 'load' : 'other'),
          },
        },
      },
      () => opened,
    );
    const load = (collections.articles.loader as { load: (c: unknown) => Promise<void> }).load(
      context,
    );
    await new Promise((done) => setTimeout(done, 0));
    expect(steps).toEqual(['ahead']);
    open();
    await load;
    expect(steps).toEqual(['ahead', 'load']);
  });
});

describe('where a build started ahead waits', () => {
  it('reads the place from the environment: the loaders, the pages, or no gate', () => {
    expect(gatePlace({ [PUBLISH_GATE_ENV]: GATE_AT_LOADERS })).toBe('loaders');
    expect(gatePlace({ [PUBLISH_GATE_ENV]: GATE_AT_PAGES })).toBe('pages');
    expect(gatePlace({ [PUBLISH_GATE_ENV]: '' })).toBeUndefined();
    expect(gatePlace({})).toBeUndefined();
  });

  it('holds a build gated at the pages until go, like one gated at the loaders', async () => {
    const { channel, sent, emit } = fakeChannel();
    const gate = createPublishGate({ [PUBLISH_GATE_ENV]: GATE_AT_PAGES }, channel);
    let passed = false;
    const waiting = gate().then(() => (passed = true));
    await new Promise((done) => setTimeout(done, 0));
    expect(sent).toEqual([GATE_READY]);
    expect(passed).toBe(false);
    emit('message', GATE_GO);
    await waiting;
    expect(passed).toBe(true);
  });

  it('lets the loaders of a build gated at the pages read content/ at once, if the pages gate is there', async () => {
    let shut = true;
    const gate = () => new Promise<void>((done) => setTimeout(() => ((shut = false), done()), 20));
    const atPages = { [PUBLISH_GATE_ENV]: GATE_AT_PAGES };
    await loadersGate(atPages, gate, () => true)();
    expect(shut).toBe(true);
    // Without pagesGate() in the config, the loaders would publish content
    // as it was before the save: the build stops instead, saying why.
    await expect(loadersGate(atPages, gate, () => false)()).rejects.toThrow(
      /pagesGate\(\) is not in astro\.config\.mjs/,
    );
    expect(shut).toBe(true);
    // Gated at the loaders (or not at all): the gate is the loaders'.
    expect(loadersGate({ [PUBLISH_GATE_ENV]: GATE_AT_LOADERS }, gate, () => true)).toBe(gate);
    expect(loadersGate({}, gate, () => true)).toBe(gate);
  });
});

describe('the go after a save', () => {
  it('says whether the save wrote, moved or removed a photo', () => {
    expect(savedPhotos(['content/articles/2026/story.md'])).toBe(false);
    expect(savedPhotos(['content/articles/2026/story.md', 'content/articles/2026/story.JPG'])).toBe(
      true,
    );
    for (const name of [
      'a.jpeg',
      'a.png',
      'a.webp',
      'a.avif',
      'a.gif',
      'a.tif',
      'a.tiff',
      'a.svg',
    ]) {
      expect(savedPhotos([`content/authors/${name}`])).toBe(true);
    }
    expect(savedPhotos(['content/articles/2026/jpg-notes.md', 'src/i18n/en.ts'])).toBe(false);
    expect(goAfterSave(['content/articles/2026/story.png'])).toEqual({ ...GATE_GO, photos: true });
    expect(goAfterSave(['(start)'])).toEqual({ ...GATE_GO, photos: false });
  });

  it('reaches the build started ahead with what it carries', async () => {
    const { channel, emit } = fakeChannel();
    let told: Record<string, unknown> | undefined;
    const going = waitForGo(channel, {}, (go) => (told = go));
    emit('message', goAfterSave(['content/articles/2026/a.jpg']));
    expect(await going).toBe(true);
    expect(told).toEqual({ gate: 'go', photos: true });
  });
});
