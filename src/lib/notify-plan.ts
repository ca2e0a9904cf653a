/**
 * What `npm run notify` (scripts/notify.ts) sends after a deploy, worked
 * out from two manifests of the published folder (scripts/manifest.ts):
 * the one of the last deploy that was announced, and the current one. Pure
 * functions; the script does the reading, the requests and the report.
 *
 * - WebSub (W3C Recommendation, §7 leaves publishing to the hub open; the
 *   public hubs take `hub.mode=publish` with `hub.url`): one ping per
 *   changed feed.
 * - IndexNow (indexnow.org, "Using the API"): the changed, added and removed
 *   pages, at most 10,000 URLs per request, with the key published at
 *   `/<key>.txt`.
 */

/** The digests of a manifest, by path relative to the published folder. */
export type Digests = Readonly<Record<string, { sha256: string }>>;

/** Paths whose bytes differ between two manifests. */
export interface FileChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** Files added, changed (different digest) or removed, each list sorted. */
export function diffManifests(before: Digests, after: Digests): FileChanges {
  const added: string[] = [];
  const changed: string[] = [];
  for (const [path, entry] of Object.entries(after)) {
    const old = before[path];
    if (!old) added.push(path);
    else if (old.sha256 !== entry.sha256) changed.push(path);
  }
  const removed = Object.keys(before).filter((path) => !(path in after));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

/** Feed file names (src/lib/urls.ts, `feedPath`). */
const FEED_FILE = /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/;

/** Whether a published file is a feed. */
export function isFeedFile(path: string): boolean {
  return FEED_FILE.test(path);
}

/**
 * The public URL of a page file: `es/mundo/index.html` → `https://…/es/mundo/`;
 * undefined for files that are not pages (images, feeds, the 404 page).
 */
export function pageUrl(path: string, site: string): string | undefined {
  if (!path.endsWith('.html') || path === '404.html') return undefined;
  const page = path.endsWith('index.html') ? path.slice(0, -'index.html'.length) : path;
  return new URL(`/${page}`, site).href;
}

/** One request `notify` would send. */
export type Ping =
  | { kind: 'websub'; endpoint: string; feed: string }
  | {
      kind: 'indexnow';
      endpoint: string;
      body: { host: string; key: string; keyLocation: string; urlList: string[] };
    };

/** IndexNow takes at most 10,000 URLs per request (indexnow.org, "Using the API"). */
export const INDEXNOW_MAX_URLS = 10_000;

/** Where to send, from `SITE.distribution` (or the environment, for staging and tests). */
export interface NotifyTargets {
  websubHub?: string | undefined;
  indexNow?: { endpoint: string; key: string } | undefined;
}

/**
 * Every request to send for `changes`: a WebSub ping per changed or added
 * feed, and IndexNow submissions of every added, changed or removed page
 * (IndexNow asks for deleted URLs too). Nothing when nothing changed.
 */
export function planPings(changes: FileChanges, site: string, targets: NotifyTargets): Ping[] {
  const pings: Ping[] = [];
  const hub = targets.websubHub;
  if (hub) {
    for (const path of [...changes.added, ...changes.changed].filter(isFeedFile).sort()) {
      pings.push({ kind: 'websub', endpoint: hub, feed: new URL(`/${path}`, site).href });
    }
  }
  const indexNow = targets.indexNow;
  if (indexNow) {
    const urls = [...changes.added, ...changes.changed, ...changes.removed]
      .map((path) => pageUrl(path, site))
      .filter((url): url is string => url !== undefined)
      .sort();
    const key = indexNowKeyFile(indexNow.key);
    for (let start = 0; start < urls.length; start += INDEXNOW_MAX_URLS) {
      pings.push({
        kind: 'indexnow',
        endpoint: indexNow.endpoint,
        body: {
          host: new URL(site).host,
          key: indexNow.key,
          keyLocation: new URL(`/${key?.name ?? ''}.txt`, site).href,
          urlList: urls.slice(start, start + INDEXNOW_MAX_URLS),
        },
      });
    }
  }
  return pings;
}

/**
 * IndexNow's key file, `/<key>.txt` holding the key: undefined without a
 * key; an error for a key IndexNow would refuse (8 to 128 characters of
 * a–z, A–Z, 0–9 and `-`).
 */
export function indexNowKeyFile(
  key: string | undefined,
): { name: string; body: string } | undefined {
  if (key === undefined) return undefined;
  if (!/^[a-zA-Z0-9-]{8,128}$/.test(key)) {
    throw new Error(
      `src/site.ts: distribution.indexNow.key: "${key}" is not an IndexNow key (8 to 128 letters, digits or hyphens)`,
    );
  }
  return { name: key, body: key };
}

/** How one request ended after its attempts. */
export interface PingResult {
  ping: Ping;
  ok: boolean;
  attempts: number;
  /** The last status (`204`) or error (`ECONNREFUSED`). */
  outcome: string;
}

/** A response or a network error, as `send` reports it. */
export type Attempt = { status: number; statusText?: string } | { error: string };

/**
 * Whether an attempt is worth repeating: network errors, 408, 429 and 5xx
 * are; other 4xx (a bad key, a refused URL) will not change by trying again.
 */
export function shouldRetry(attempt: Attempt): boolean {
  if ('error' in attempt) return true;
  return attempt.status === 408 || attempt.status === 429 || attempt.status >= 500;
}

/** Sends a ping, repeating after `delays` (ms, one per retry) while it fails in a way worth retrying. */
export async function sendWithRetries(
  ping: Ping,
  send: (ping: Ping) => Promise<Attempt>,
  delays: readonly number[],
  sleep: (ms: number) => Promise<void>,
): Promise<PingResult> {
  let attempts = 0;
  for (;;) {
    attempts += 1;
    const attempt = await send(ping);
    const ok = !('error' in attempt) && attempt.status >= 200 && attempt.status < 300;
    const outcome =
      'error' in attempt
        ? attempt.error
        : `${attempt.status}${attempt.statusText ? ` ${attempt.statusText}` : ''}`;
    const delay = delays[attempts - 1];
    if (ok || !shouldRetry(attempt) || delay === undefined) {
      return { ping, ok, attempts, outcome };
    }
    await sleep(delay);
  }
}

/** Exponential backoff: `base`, 2×`base`, 4×`base`… for `retries` retries. */
export function backoff(retries: number, base: number): number[] {
  return Array.from({ length: retries }, (_, i) => base * 2 ** i);
}

/** The report lines of a run: one per request, then a summary. */
export function notifyReport(changes: FileChanges, results: readonly PingResult[]): string[] {
  const files = changes.added.length + changes.changed.length + changes.removed.length;
  const lines = results.map((r) => {
    const what =
      r.ping.kind === 'websub'
        ? `WebSub ${r.ping.endpoint} ← ${r.ping.feed}`
        : `IndexNow ${r.ping.endpoint} ← ${r.ping.body.urlList.length} URL(s)`;
    const tries = `${r.attempts} attempt${r.attempts === 1 ? '' : 's'}`;
    return `${r.ok ? 'sent' : 'FAILED'}: ${what}: ${r.outcome} (${tries})`;
  });
  const failed = results.filter((r) => !r.ok).length;
  const summary =
    files === 0
      ? 'notify: nothing changed since the last announced deploy; nothing sent.'
      : results.length === 0
        ? `notify: nothing to send (${files} file(s) changed, none of them a page or feed to announce).`
        : failed === 0
          ? `notify: ${results.length} request(s) sent for ${files} changed file(s).`
          : `notify: ${failed} of ${results.length} request(s) FAILED; the changes stay pending and are sent again by the next \`npm run notify\`.`;
  return [...lines, summary];
}
