import { describe, expect, it } from 'vitest';
import {
  backoff,
  diffManifests,
  indexNowKeyFile,
  INDEXNOW_MAX_URLS,
  notifyReport,
  pageUrl,
  planPings,
  sendWithRetries,
  type Attempt,
  type Ping,
} from './notify-plan';

const SITE = 'https://voz.us';
const TARGETS = {
  websubHub: 'https://hub.example/',
  indexNow: { endpoint: 'https://search.example/indexnow', key: 'voz-key-12345678' },
};
const files = (entries: Record<string, string>) =>
  Object.fromEntries(Object.entries(entries).map(([path, sha256]) => [path, { sha256 }]));

describe('diffManifests', () => {
  it('finds the files added, changed and removed, and nothing when the digests agree', () => {
    const before = files({ 'a.html': '1', 'b.html': '2', 'c.html': '3' });
    const after = files({ 'a.html': '1', 'b.html': '9', 'd.html': '4' });
    expect(diffManifests(before, after)).toEqual({
      added: ['d.html'],
      changed: ['b.html'],
      removed: ['c.html'],
    });
    expect(diffManifests(before, before)).toEqual({ added: [], changed: [], removed: [] });
  });
});

describe('pageUrl', () => {
  it.each([
    ['es/index.html', 'https://voz.us/es/'],
    ['index.html', 'https://voz.us/'],
    ['en/2026/11/27/story/index.html', 'https://voz.us/en/2026/11/27/story/'],
    ['404.html', undefined],
    ['es/rss.xml', undefined],
    ['_astro/hero.abc.avif', undefined],
  ])('gives %s the address %s', (path, url) => {
    expect(pageUrl(path, SITE)).toBe(url);
  });
});

describe('planPings', () => {
  const changes = {
    added: ['en/2026/11/29/new-story/index.html', '_astro/new.avif'],
    changed: ['en/index.html', 'en/rss.xml', 'en/atom.xml', 'en/us/feed.json'],
    removed: ['en/2026/11/20/taken-down/index.html'],
  };

  it('pings the hub once per changed feed and submits every changed page to IndexNow', () => {
    const pings = planPings(changes, SITE, TARGETS);
    expect(pings.filter((p) => p.kind === 'websub').map((p) => p.feed)).toEqual([
      'https://voz.us/en/atom.xml',
      'https://voz.us/en/rss.xml',
      'https://voz.us/en/us/feed.json',
    ]);
    expect(pings.filter((p) => p.kind === 'indexnow').map((p) => p.body)).toEqual([
      {
        host: 'voz.us',
        key: 'voz-key-12345678',
        keyLocation: 'https://voz.us/voz-key-12345678.txt',
        urlList: [
          'https://voz.us/en/',
          'https://voz.us/en/2026/11/20/taken-down/',
          'https://voz.us/en/2026/11/29/new-story/',
        ],
      },
    ]);
  });

  it('sends nothing when nothing changed, or only images did', () => {
    expect(planPings({ added: [], changed: [], removed: [] }, SITE, TARGETS)).toEqual([]);
    expect(
      planPings({ added: ['_astro/x.avif'], changed: [], removed: [] }, SITE, TARGETS),
    ).toEqual([]);
  });

  it('sends nothing to a service that is not configured', () => {
    expect(planPings(changes, SITE, {})).toEqual([]);
    expect(planPings(changes, SITE, { websubHub: TARGETS.websubHub }).map((p) => p.kind)).toEqual([
      'websub',
      'websub',
      'websub',
    ]);
  });

  it('splits IndexNow submissions at 10,000 URLs', () => {
    const many = Array.from({ length: INDEXNOW_MAX_URLS + 1 }, (_, i) => `p/${i}/index.html`);
    const pings = planPings({ added: many, changed: [], removed: [] }, SITE, TARGETS);
    expect(pings.map((p) => (p.kind === 'indexnow' ? p.body.urlList.length : 0))).toEqual([
      INDEXNOW_MAX_URLS,
      1,
    ]);
  });
});

describe('indexNowKeyFile', () => {
  it('publishes the key as /<key>.txt holding the key', () => {
    expect(indexNowKeyFile('voz-key-12345678')).toEqual({
      name: 'voz-key-12345678',
      body: 'voz-key-12345678',
    });
    expect(indexNowKeyFile(undefined)).toBeUndefined();
  });

  it.each(['short', 'has space in it', 'x'.repeat(129), 'slash/../key'])(
    'refuses the key %s, naming the setting',
    (key) => {
      expect(() => indexNowKeyFile(key)).toThrow(/distribution\.indexNow\.key/);
    },
  );
});

describe('sendWithRetries', () => {
  const ping: Ping = {
    kind: 'websub',
    endpoint: 'https://hub.example/',
    feed: 'https://voz.us/en/rss.xml',
  };

  /** A sender that answers with `answers` in turn, and the delays it was made to wait. */
  function scripted(answers: Attempt[]) {
    const waits: number[] = [];
    let calls = 0;
    const send = async () => answers[Math.min(calls++, answers.length - 1)] as Attempt;
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    return { send, sleep, waits, calls: () => calls };
  }

  it.each([
    { answers: [{ status: 204 }], ok: true, attempts: 1, waits: [] },
    {
      answers: [{ status: 503 }, { error: 'ECONNRESET' }, { status: 202 }],
      ok: true,
      attempts: 3,
      waits: [100, 200],
    },
    {
      answers: [{ status: 503, statusText: 'Service Unavailable' }],
      ok: false,
      attempts: 4,
      waits: [100, 200, 400],
    },
    { answers: [{ status: 429 }, { status: 200 }], ok: true, attempts: 2, waits: [100] },
    { answers: [{ status: 403 }], ok: false, attempts: 1, waits: [] },
  ])('after $answers: ok $ok in $attempts attempt(s)', async ({ answers, ok, attempts, waits }) => {
    const sender = scripted(answers);
    const result = await sendWithRetries(ping, sender.send, backoff(3, 100), sender.sleep);
    expect(result.ok).toBe(ok);
    expect(result.attempts).toBe(attempts);
    expect(sender.waits).toEqual(waits);
  });
});

describe('notifyReport', () => {
  const changes = { added: [], changed: ['en/rss.xml'], removed: [] };
  const ping: Ping = {
    kind: 'websub',
    endpoint: 'https://hub.example/',
    feed: 'https://voz.us/en/rss.xml',
  };

  it('says when nothing changed', () => {
    expect(notifyReport({ added: [], changed: [], removed: [] }, [])).toEqual([
      'notify: nothing changed since the last announced deploy; nothing sent.',
    ]);
  });

  it('names each failed request with its last answer and says the changes stay pending', () => {
    const report = notifyReport(changes, [
      { ping, ok: false, attempts: 4, outcome: '503 Service Unavailable' },
    ]);
    expect(report[0]).toBe(
      'FAILED: WebSub https://hub.example/ ← https://voz.us/en/rss.xml: 503 Service Unavailable (4 attempts)',
    );
    expect(report.at(-1)).toMatch(/1 of 1 request\(s\) FAILED.*sent again/);
  });
});
