import { expect, test } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { copyProject } from '../scripts/project-copy.mjs';
import { SITE } from '../src/site';
import { expectedPublished } from './fixtures';
import { article, build, write } from './project-builds';
import { E2E_BUILD_TIME } from './test-build.mjs';

// Issue 15 over real builds of a project copy:
// - MSN: item ids and dates byte-identical between two builds with no
//   change; after an edit only the edited item's date changes.
// - RFC 5005 §4: the edition feed pages back through archive documents
//   holding the whole history, each named after its oldest story; adding a
//   story changes no archive document but the newest (which gains its
//   next-archive link).
// - `npm run notify` against a local mock of a WebSub hub and an IndexNow
//   endpoint: nothing sent when nothing changed, the changed feeds and
//   pages when something did, retries and a failing exit status when an
//   endpoint fails, and the pending changes sent again by the next run.

const ROOT = join(import.meta.dirname, '..');
const EDITED = 'content/articles/2026/texas-lawmakers-prefile-bills-2027.md';
const EDITED_URL = `${SITE.url}/en/2026/11/27/texas-lawmakers-prefile-bills-2027/`;
const ADDED = 'content/articles/2026/distribution-late-story.md';
const ADDED_URL = `${SITE.url}/en/2026/11/28/distribution-late-story/`;
const UNTOUCHED_URL = `${SITE.url}/es/2024/11/12/corea-del-norte-rusia-tratado/`;
// Archive documents of at most three stories, so the sample content has several.
const FEED_SIZE = 3;
const ENV = { FEED_SIZE: String(FEED_SIZE) };

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (_name, jpath) =>
    ['rss.channel.item', 'rss.channel.atom:link', 'feed.entry'].includes(String(jpath)),
});

/** What a request to the mock carried. */
interface Received {
  path: string;
  type: string;
  body: string;
}

/** A local HTTP server standing in for the hub and IndexNow; `status` decides each answer. */
async function mockServer(status: (path: string) => number) {
  const received: Received[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      received.push({
        path,
        type: String(request.headers['content-type']),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.statusCode = status(path);
      response.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { received, origin, close: () => new Promise((done) => server.close(done)) };
}

/**
 * Runs `npm run notify` in the copy, pointed at the mock. Asynchronous (`spawn`):
 * the mock answers from this process, which a synchronous child would block.
 */
function notify(dir: string, origin: string, args: string[] = []) {
  return new Promise<{ status: number; output: string }>((done) => {
    const child = spawn('node', ['scripts/notify.ts', ...args], {
      cwd: dir,
      env: {
        ...process.env,
        NOTIFY_WEBSUB_HUB: `${origin}/hub`,
        NOTIFY_INDEXNOW_ENDPOINT: `${origin}/indexnow`,
        NOTIFY_BACKOFF_MS: '20',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => done({ status: status ?? 1, output }));
  });
}

/** Every feed item of a built folder: id → its dates, per feed file. */
function feedDates(dir: string): Map<string, string> {
  const dates = new Map<string, string>();
  const dist = join(dir, 'dist');
  const files = spawnSync('find', ['.', '-name', '*.xml', '-o', '-name', 'feed.json'], {
    cwd: dist,
    encoding: 'utf8',
  })
    .stdout.split('\n')
    .filter((f) => /(rss|atom)\.xml$|feed\.json$/.test(f));
  for (const file of files) {
    const text = readFileSync(join(dist, file), 'utf8');
    if (file.endsWith('rss.xml')) {
      for (const item of parser.parse(text).rss.channel.item ?? []) {
        dates.set(`${file} ${item.guid['#text']}`, `${item.pubDate}`);
      }
    } else if (file.endsWith('atom.xml')) {
      for (const entry of parser.parse(text).feed.entry ?? []) {
        dates.set(`${file} ${entry.id}`, `${entry.published} ${entry.updated}`);
      }
    } else {
      for (const item of JSON.parse(text).items) {
        dates.set(`${file} ${item.id}`, `${item.date_published} ${item.date_modified}`);
      }
    }
  }
  return dates;
}

/** The RSS links of a channel by rel. */
function rels(xml: string): Record<string, string> {
  const channel = parser.parse(xml).rss.channel;
  return Object.fromEntries(
    (channel['atom:link'] as Record<string, string>[]).map((l) => [l['@_rel'], l['@_href']]),
  );
}

/** A built file of the copy. */
const readBuilt = (dir: string, path: string) => readFileSync(join(dir, 'dist', path), 'utf8');

/** Follows prev-archive from the edition feed and returns every document visited, newest first. */
function archiveChain(dir: string, lang: string): { path: string; xml: string }[] {
  const chain = [{ path: `${lang}/rss.xml`, xml: readBuilt(dir, `${lang}/rss.xml`) }];
  for (;;) {
    const prev = rels(chain.at(-1)?.xml ?? '')['prev-archive'];
    if (!prev) return chain;
    const path = new URL(prev).pathname.slice(1);
    expect(
      chain.map((c) => c.path),
      'archive links never loop',
    ).not.toContain(path);
    chain.push({ path, xml: readBuilt(dir, path) });
  }
}

test.describe('distribution over two builds', () => {
  test.describe.configure({ timeout: 600_000 });

  test('stable feeds, a complete feed archive, and notify against a mock hub and IndexNow', async () => {
    const dir = copyProject('distribution');
    let failing = false;
    const mock = await mockServer((path) => (path === '/hub' ? (failing ? 503 : 204) : 202));
    try {
      cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
      // Encoded images from this checkout's builds, so the copy does not encode them again.
      if (existsSync(join(ROOT, '.cache', 'astro'))) {
        cpSync(join(ROOT, '.cache', 'astro'), join(dir, '.cache', 'astro'), { recursive: true });
      }

      const first = build(dir, ENV);
      expect(first.ok, first.output).toBe(true);
      expect(existsSync(join(dir, '.cache', 'site', 'dist.manifest.json'))).toBe(true);
      const baseline = await notify(dir, mock.origin);
      expect(baseline.status, baseline.output).toBe(0);
      expect(baseline.output).toMatch(/first run: .* recorded as announced; nothing sent/);
      expect(mock.received).toEqual([]);
      const datesBefore = feedDates(dir);
      const archiveBefore = archiveChain(dir, 'en').slice(1);

      await test.step('a second build with no change, a minute later, writes the same ids and dates', async () => {
        const later = new Date(new Date(E2E_BUILD_TIME).getTime() + 60_000).toISOString();
        const second = build(dir, { ...ENV, BUILD_TIME: later });
        expect(second.ok, second.output).toBe(true);
        expect(datesBefore.size).toBeGreaterThan(20);
        expect(feedDates(dir)).toEqual(datesBefore);
        const quiet = await notify(dir, mock.origin);
        expect(quiet.status, quiet.output).toBe(0);
        expect(quiet.output).toContain('nothing changed since the last announced deploy');
        expect(mock.received).toEqual([]);
      });

      await test.step('the edition feed pages back through archives holding every story', () => {
        for (const lang of SITE.langs) {
          const chain = archiveChain(dir, lang);
          const published = expectedPublished(lang).map((a) => `${SITE.url}${a.path}`);
          // Documents hold at most FEED_SIZE stories (feed-archive.ts), and
          // the current feed the newest FEED_SIZE.
          expect(chain.length - 1, lang).toBeGreaterThanOrEqual(
            Math.ceil(Math.max(0, published.length - FEED_SIZE) / FEED_SIZE),
          );
          const seen = new Set(
            chain.flatMap(({ xml }) =>
              (parser.parse(xml).rss.channel.item ?? []).map((i: { link: string }) => i.link),
            ),
          );
          expect([...seen].sort()).toEqual([...published].sort());
          for (const [index, { path, xml }] of chain.entries()) {
            if (index === 0) continue;
            const links = rels(xml);
            expect(parser.parse(xml).rss.channel, path).toHaveProperty('fh:archive');
            expect(links['current'], path).toBe(`${SITE.url}/${lang}/rss.xml`);
            const items: { link: string }[] = parser.parse(xml).rss.channel.item;
            expect(items.length, path).toBeGreaterThan(0);
            expect(items.length, path).toBeLessThanOrEqual(FEED_SIZE);
            // Its oldest story is older than any of the current feed's.
            const current: { link: string }[] = parser.parse(chain[0]?.xml ?? '').rss.channel.item;
            expect(current.map((i) => i.link)).not.toContain(items.at(-1)?.link);
            // Named after its oldest story: /en/archive/feed/<yyyy>-<mm>-<dd>-<slug>/rss.xml.
            const oldest = new URL(items.at(-1)?.link ?? '').pathname;
            const name = oldest.split('/').slice(2, -1).join('-');
            expect(path, oldest).toBe(`${lang}/archive/feed/${name}/rss.xml`);
            // The newer neighbour links back to this document.
            const newer = chain[index - 1];
            if (index > 1) expect(links['next-archive'], path).toBe(`${SITE.url}/${newer?.path}`);
          }
        }
      });

      await test.step('after an edit and a new story, only the edited item changes its date', async () => {
        write(
          dir,
          EDITED,
          readFileSync(join(dir, EDITED), 'utf8')
            .replace(
              /^title: .*$/m,
              "title: 'Texas lawmakers file more than 1,000 bills before the session'",
            )
            .replace(/^updatedAt: .*$/m, 'updatedAt: 2026-11-28T11:30:00-06:00'),
        );
        write(
          dir,
          ADDED,
          article({
            title: 'A late story for the archive',
            dek: 'It fills the next archive document.',
            publishedAt: '2026-11-28T09:00:00-06:00',
            authors: '[staff]',
            section: 'us',
            lang: 'en',
          }),
        );
        const edited = build(dir, ENV);
        expect(edited.ok, edited.output).toBe(true);
        const datesAfter = feedDates(dir);
        const changed = [...datesBefore].filter(
          ([key, value]) => datesAfter.has(key) && datesAfter.get(key) !== value,
        );
        expect(changed.length).toBeGreaterThan(0);
        expect(changed.filter(([key]) => !key.endsWith(` ${EDITED_URL}`))).toEqual([]);
      });

      await test.step('archive documents of the first build stay as they were', () => {
        const archiveAfter = new Map(
          archiveChain(dir, 'en')
            .slice(1)
            .map((c) => [c.path, c.xml]),
        );
        expect(archiveBefore.length).toBeGreaterThan(0);
        for (const [index, { path, xml }] of archiveBefore.entries()) {
          const now = archiveAfter.get(path);
          expect(now, `${path} is still published`).toBeDefined();
          // A document holding the edited story changes with it, as it should.
          if (xml.includes(`<link>${EDITED_URL}</link>`)) continue;
          // The newest document of the first build may only gain its next-archive link.
          const withoutNext = (text: string) =>
            text.replace(/<atom:link[^>]*rel="next-archive"\/>/, '');
          if (index === 0) expect(withoutNext(now ?? '')).toBe(withoutNext(xml));
          else expect(now).toBe(xml);
        }
      });

      await test.step('notify pings the hub for the changed feeds and submits the changed pages', async () => {
        const sent = await notify(dir, mock.origin);
        expect(sent.status, sent.output).toBe(0);
        const hub = mock.received.filter((r) => r.path === '/hub');
        const feeds = hub.map((r) => new URLSearchParams(r.body).get('hub.url'));
        expect(hub.every((r) => new URLSearchParams(r.body).get('hub.mode') === 'publish')).toBe(
          true,
        );
        expect(hub.every((r) => r.type === 'application/x-www-form-urlencoded')).toBe(true);
        expect(feeds).toEqual(
          expect.arrayContaining([
            `${SITE.url}/en/rss.xml`,
            `${SITE.url}/en/atom.xml`,
            `${SITE.url}/en/feed.json`,
          ]),
        );
        expect(feeds).not.toContain(`${SITE.url}/es/rss.xml`);
        const [submission, ...more] = mock.received.filter((r) => r.path === '/indexnow');
        expect(more).toEqual([]);
        expect(submission?.type).toBe('application/json; charset=utf-8');
        const body = JSON.parse(submission?.body ?? '{}');
        const key = SITE.distribution?.indexNow?.key;
        expect(body).toMatchObject({
          host: new URL(SITE.url).host,
          key,
          keyLocation: `${SITE.url}/${key}.txt`,
        });
        expect(body.urlList).toEqual(expect.arrayContaining([EDITED_URL, ADDED_URL]));
        expect(body.urlList).not.toContain(UNTOUCHED_URL);
        expect(readBuilt(dir, `${key}.txt`)).toBe(key);
      });

      await test.step('a failing hub is retried, reported and fails the run; the next run sends it again', async () => {
        mock.received.length = 0;
        write(
          dir,
          EDITED,
          readFileSync(join(dir, EDITED), 'utf8').replace(
            /^updatedAt: .*$/m,
            'updatedAt: 2026-11-28T11:45:00-06:00',
          ),
        );
        const edited = build(dir, ENV);
        expect(edited.ok, edited.output).toBe(true);
        failing = true;
        const failed = await notify(dir, mock.origin, ['--retries', '2']);
        expect(failed.status, failed.output).toBe(1);
        expect(failed.output).toMatch(/FAILED: WebSub .*\/en\/rss\.xml: 503 .*\(3 attempts\)/);
        expect(failed.output).toMatch(/FAILED; the changes stay pending/);
        const tries = mock.received.filter(
          (r) => r.path === '/hub' && r.body.includes(encodeURIComponent(`${SITE.url}/en/rss.xml`)),
        );
        expect(tries.length).toBe(3);

        failing = false;
        mock.received.length = 0;
        const retried = await notify(dir, mock.origin);
        expect(retried.status, retried.output).toBe(0);
        expect(
          mock.received.some(
            (r) =>
              r.path === '/hub' &&
              new URLSearchParams(r.body).get('hub.url') === `${SITE.url}/en/rss.xml`,
          ),
        ).toBe(true);
        mock.received.length = 0;
        const done = await notify(dir, mock.origin);
        expect(done.output).toContain('nothing changed');
        expect(mock.received).toEqual([]);
      });
    } finally {
      await mock.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
