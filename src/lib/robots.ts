import type { DistributionConfig } from '../site';

/**
 * robots.txt and the W3C TDM Reservation Protocol (issue 15): the outlet
 * decides in `SITE.distribution` who may reuse its work. Crawlers are named
 * by the tokens their operators publish, in two groups kept apart:
 * crawlers that collect text to train models, and AI search indexers and
 * fetchers that act for a reader and link back. Search engines' own
 * crawlers (Googlebot, Bingbot) are never named, so no setting here can
 * shut them out.
 */

/** A crawler token and where its operator documents it. */
export interface CrawlerToken {
  token: string;
  operator: string;
  source: string;
}

/** Crawlers that collect content to train AI models. */
export const AI_TRAINING_CRAWLERS: readonly CrawlerToken[] = [
  { token: 'GPTBot', operator: 'OpenAI', source: 'https://platform.openai.com/docs/bots' },
  { token: 'CCBot', operator: 'Common Crawl', source: 'https://commoncrawl.org/ccbot' },
  {
    token: 'Google-Extended',
    operator: 'Google (Gemini training; not a crawler of its own, Googlebot is unaffected)',
    source: 'https://developers.google.com/search/docs/crawling-indexing/google-common-crawlers',
  },
  {
    token: 'Applebot-Extended',
    operator: 'Apple (model training; Applebot for Siri and Spotlight is unaffected)',
    source: 'https://support.apple.com/en-us/119829',
  },
  {
    token: 'ClaudeBot',
    operator: 'Anthropic',
    source: 'https://support.anthropic.com/en/articles/8896518',
  },
  {
    token: 'Bytespider',
    operator: 'ByteDance',
    // ByteDance documents no page; the token is the one its user agent sends.
    source: 'User-Agent: Mozilla/5.0 (compatible; Bytespider; spider-feedback@bytedance.com)',
  },
  {
    token: 'Meta-ExternalAgent',
    operator: 'Meta',
    source: 'https://developers.facebook.com/docs/sharing/webmasters/web-crawlers/',
  },
];

/** AI search indexers and fetchers that retrieve a page for a reader and cite it. */
export const AI_SEARCH_CRAWLERS: readonly CrawlerToken[] = [
  { token: 'OAI-SearchBot', operator: 'OpenAI', source: 'https://platform.openai.com/docs/bots' },
  { token: 'ChatGPT-User', operator: 'OpenAI', source: 'https://platform.openai.com/docs/bots' },
  {
    token: 'Claude-SearchBot',
    operator: 'Anthropic',
    source: 'https://support.anthropic.com/en/articles/8896518',
  },
  {
    token: 'Claude-User',
    operator: 'Anthropic',
    source: 'https://support.anthropic.com/en/articles/8896518',
  },
  {
    token: 'PerplexityBot',
    operator: 'Perplexity',
    source: 'https://docs.perplexity.ai/guides/bots',
  },
  {
    token: 'Perplexity-User',
    operator: 'Perplexity',
    source: 'https://docs.perplexity.ai/guides/bots',
  },
];

/** Crawlers this module must never name, whatever the configuration. */
export const SEARCH_ENGINE_CRAWLERS = ['Googlebot', 'Bingbot'] as const;

/**
 * The text of robots.txt (RFC 9309): every crawler may read everything,
 * except the groups the configuration disallows; then the sitemaps.
 */
export function robotsTxt(
  policy: Pick<DistributionConfig, 'aiTraining' | 'aiSearch'>,
  sitemaps: readonly string[],
): string {
  const group = (comment: string, crawlers: readonly CrawlerToken[]) => [
    `# ${comment}`,
    ...crawlers.map((c) => `User-agent: ${c.token}`),
    'Disallow: /',
    '',
  ];
  return [
    'User-agent: *',
    'Allow: /',
    '',
    ...(policy.aiTraining === 'disallow'
      ? group('Crawlers that collect text to train AI models.', AI_TRAINING_CRAWLERS)
      : []),
    ...(policy.aiSearch === 'disallow'
      ? group('AI search and assistants fetching pages for their users.', AI_SEARCH_CRAWLERS)
      : []),
    ...sitemaps.map((url) => `Sitemap: ${url}`),
    '',
  ].join('\n');
}

/**
 * `/.well-known/tdmrep.json` (W3C TDMRep community group report, §4.2): one
 * rule for the whole site.
 */
export function tdmRepJson(tdm: DistributionConfig['tdm']): string {
  return `${JSON.stringify(
    [
      {
        location: '/*',
        'tdm-reservation': tdm.reserved ? 1 : 0,
        ...(tdm.policy ? { 'tdm-policy': tdm.policy } : {}),
      },
    ],
    null,
    2,
  )}\n`;
}

/** The TDMRep HTTP headers (§4.1) every response should carry, as `_headers` lines. */
export function tdmHeaders(tdm: DistributionConfig['tdm']): string[] {
  return [
    `tdm-reservation: ${tdm.reserved ? 1 : 0}`,
    ...(tdm.policy ? [`tdm-policy: ${tdm.policy}`] : []),
  ];
}

/** The outlet's policy, or the defaults for a news publisher when none is configured. */
export function distributionPolicy(config: DistributionConfig | undefined): DistributionConfig {
  return config ?? DEFAULT_DISTRIBUTION;
}

/**
 * Defaults for a news publisher: no training on the archive without a
 * licence, but AI search and assistants may fetch and cite stories (they
 * send readers); text and data mining rights reserved; no hub, no IndexNow.
 */
export const DEFAULT_DISTRIBUTION: DistributionConfig = {
  aiTraining: 'disallow',
  aiSearch: 'allow',
  tdm: { reserved: true },
};
