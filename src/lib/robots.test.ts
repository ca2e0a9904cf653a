import robotsParser from 'robots-parser';
import { describe, expect, it } from 'vitest';
import {
  AI_SEARCH_CRAWLERS,
  AI_TRAINING_CRAWLERS,
  DEFAULT_DISTRIBUTION,
  SEARCH_ENGINE_CRAWLERS,
  robotsTxt,
  tdmHeaders,
  tdmRepJson,
} from './robots';

const SITEMAPS = ['https://voz.us/sitemap-index.xml', 'https://voz.us/news-sitemap.xml'];
const ARTICLE = 'https://voz.us/es/2026/11/27/una-noticia/';

/** Whether `agent` may fetch the article under a policy, as an RFC 9309 parser reads robots.txt. */
function allowed(policy: Parameters<typeof robotsTxt>[0], agent: string): boolean {
  const robots = robotsParser('https://voz.us/robots.txt', robotsTxt(policy, SITEMAPS));
  return robots.isAllowed(ARTICLE, agent) ?? false;
}

const POLICIES = [
  { aiTraining: 'allow', aiSearch: 'allow' },
  { aiTraining: 'disallow', aiSearch: 'allow' },
  { aiTraining: 'allow', aiSearch: 'disallow' },
  { aiTraining: 'disallow', aiSearch: 'disallow' },
] as const;

// Issue 15, item 4: training crawlers by their published tokens, kept apart
// from search and user-fetch agents; Googlebot and Bingbot never blocked.
describe('robotsTxt', () => {
  it.each(POLICIES)(
    'with training $aiTraining and AI search $aiSearch, lets each group in as configured',
    (policy) => {
      for (const { token } of AI_TRAINING_CRAWLERS) {
        expect(allowed(policy, token), token).toBe(policy.aiTraining === 'allow');
      }
      for (const { token } of AI_SEARCH_CRAWLERS) {
        expect(allowed(policy, token), token).toBe(policy.aiSearch === 'allow');
      }
    },
  );

  it.each(POLICIES)(
    'with training $aiTraining and AI search $aiSearch, never shuts out Googlebot or Bingbot',
    (policy) => {
      for (const agent of [...SEARCH_ENGINE_CRAWLERS, 'Googlebot-News', 'Googlebot-Image']) {
        expect(allowed(policy, agent), agent).toBe(true);
      }
    },
  );

  it('names the crawlers Google and Apple use for training, not their search crawlers', () => {
    const tokens = AI_TRAINING_CRAWLERS.map((c) => c.token);
    expect(tokens).toEqual(
      expect.arrayContaining([
        'GPTBot',
        'CCBot',
        'Google-Extended',
        'Applebot-Extended',
        'ClaudeBot',
        'Bytespider',
        'Meta-ExternalAgent',
      ]),
    );
    const everyone = [...AI_TRAINING_CRAWLERS, ...AI_SEARCH_CRAWLERS].map((c) => c.token);
    for (const engine of [...SEARCH_ENGINE_CRAWLERS, 'Applebot']) {
      expect(everyone).not.toContain(engine);
    }
    expect(new Set(everyone).size).toBe(everyone.length);
  });

  it('lists the sitemaps', () => {
    const robots = robotsParser(
      'https://voz.us/robots.txt',
      robotsTxt(DEFAULT_DISTRIBUTION, SITEMAPS),
    );
    expect(robots.getSitemaps()).toEqual(SITEMAPS);
  });

  it('keeps training crawlers out and AI search in by default', () => {
    expect(allowed(DEFAULT_DISTRIBUTION, 'GPTBot')).toBe(false);
    expect(allowed(DEFAULT_DISTRIBUTION, 'OAI-SearchBot')).toBe(true);
  });
});

// W3C TDM Reservation Protocol (TDMRep), §4.1 (HTTP headers) and §4.2 (tdmrep.json).
describe('the TDM reservation', () => {
  it.each([
    [{ reserved: true }, [{ location: '/*', 'tdm-reservation': 1 }], ['tdm-reservation: 1']],
    [{ reserved: false }, [{ location: '/*', 'tdm-reservation': 0 }], ['tdm-reservation: 0']],
    [
      { reserved: true, policy: 'https://voz.us/tdm-policy.json' },
      [{ location: '/*', 'tdm-reservation': 1, 'tdm-policy': 'https://voz.us/tdm-policy.json' }],
      ['tdm-reservation: 1', 'tdm-policy: https://voz.us/tdm-policy.json'],
    ],
  ])('for %o says the same in tdmrep.json and the headers', (tdm, json, headers) => {
    expect(JSON.parse(tdmRepJson(tdm))).toEqual(json);
    expect(tdmHeaders(tdm)).toEqual(headers);
  });
});
