/**
 * The outlet's configuration: the one file another newsroom edits to adopt
 * this generator (together with replacing `content/`). `astro.config.mjs`
 * reads the URL from here; code reads it back from `Astro.site`. Adding an
 * edition is adding its code to `langs` and an entry to `editions` with a
 * dictionary (`src/i18n/<lang>.ts`); a missing entry or string fails the
 * type check.
 */
import type { Dictionary } from './i18n/dictionary.ts';
import { en } from './i18n/en.ts';
import { es } from './i18n/es.ts';
import type { QuoteStyle } from './lib/typography.ts';
import type { AnalyticsConfig } from './lib/analytics.ts';

export interface EditionConfig {
  /** BCP 47 tag used in `lang`, `hreflang`, `Intl` and feeds. */
  locale: string;
  /** Open Graph locale (`es_US`). */
  ogLocale: string;
  /** Edition name shown in the header switch ("Español"). */
  label: string;
  /** Tagline under the masthead and the feed's description. */
  tagline: string;
  /** The outlet's one-line self-description in the footer. */
  about: string;
  /** How the staff author (`SiteConfig.staffAuthor`) is credited in this edition. */
  staffByline: string;
  /** Every interface string in this edition's language. */
  ui: Dictionary;
  /**
   * Quotation marks in headlines and standfirsts (issue 11): `curly` (“ ” ‘ ’,
   * the default) or `angular` (« » then “ ”, the RAE's first choice for Spanish).
   */
  quotes?: QuoteStyle;
}

/** A CSS colour as `#rrggbb`, so it can be checked and converted. */
export type HexColour = `#${string}`;

export interface SiteConfig<L extends string> {
  /** Outlet name, as shown in the masthead and feeds. */
  name: string;
  /** Public origin, no trailing slash. The only copy of the site URL. */
  url: string;
  /** IANA time zone the newsroom works in; all dates are shown in it. */
  timeZone: string;
  /** Main language: `/` leads to this edition, and it is hreflang's x-default. */
  defaultLang: NoInfer<L>;
  /** Editions in the order they are offered. */
  langs: readonly L[];
  editions: Record<NoInfer<L>, EditionConfig>;
  /**
   * Brand colours: the masthead, accents, the browser's theme colour and
   * the share cards. `accentOnDark` is used when the reader's system asks
   * for a dark scheme (it must stay readable on a near-black page).
   */
  brand: { accent: HexColour; accentOnDark: HexColour };
  /** Id of the author file (`content/authors/<id>.yaml`) credited as the newsroom. */
  staffAuthor: string;
  /** Minutes feed readers may cache a feed (RSS `ttl`). */
  feedTtlMinutes: number;
  /** How many articles an edition feed carries. */
  feedSize: number;
  /** Stories per page on section, tag, author and archive pages. */
  pageSize: number;
  /** Publisher logo for structured data (Google asks for at most 600×60), in public/. */
  logo: { path: string; width: number; height: number };
  /** The browser tab's icon, in public/. */
  icon: { path: string; type: string };
  /** Issue 15: how the outlet tells aggregators about changes and who may reuse its work. */
  distribution?: DistributionConfig;
  /**
   * Page-view analytics (issue 12), off when absent: a Plausible-style
   * events `endpoint` (https) and the site's `domain` there. Its origin is
   * added to the CSP's connect-src; see README, "Analytics".
   */
  analytics?: AnalyticsConfig | undefined;
}

/** Issue 15: pings after a deploy, and the outlet's reuse policy for crawlers. */
export interface DistributionConfig {
  /**
   * WebSub hub (W3C WebSub): every feed announces it with `rel="hub"`, and
   * `npm run notify` pings it with each changed feed. Leave out for no hub.
   */
  websubHub?: string;
  /**
   * IndexNow: the endpoint `npm run notify` submits changed URLs to, and the
   * key (8 to 128 letters, digits or hyphens) published at `/<key>.txt` so
   * search engines can check the submission is ours. Leave out for none.
   */
  indexNow?: { endpoint: string; key: string };
  /**
   * Crawlers that collect text to train AI models (GPTBot, CCBot,
   * Google-Extended…): `'disallow'` keeps them out of the whole site in
   * robots.txt. Search engines (Googlebot, Bingbot) are never affected.
   */
  aiTraining: 'allow' | 'disallow';
  /**
   * AI search indexers and user-triggered fetchers (OAI-SearchBot,
   * ChatGPT-User, PerplexityBot…), which cite and link the story:
   * `'disallow'` keeps them out too.
   */
  aiSearch: 'allow' | 'disallow';
  /**
   * W3C TDM Reservation Protocol: `reserved` says text and data mining
   * rights are reserved (`tdm-reservation: 1`) in `/.well-known/tdmrep.json`
   * and `_headers`; `policy` is the URL of the licensing terms, if any.
   */
  tdm: { reserved: boolean; policy?: string };
}

/** Checks a configuration and infers its languages from `langs`. */
function defineSite<const L extends string>(config: SiteConfig<L>): SiteConfig<L> {
  return config;
}

export const SITE = defineSite({
  name: 'Voz',
  url: 'https://voz.us',
  timeZone: 'America/Chicago',
  defaultLang: 'es',
  langs: ['es', 'en'],
  editions: {
    es: {
      locale: 'es-US',
      ogLocale: 'es_US',
      label: 'Español',
      tagline: 'Noticias de Estados Unidos y el mundo',
      about: 'Noticias independientes de Estados Unidos y el mundo, en español e inglés.',
      staffByline: 'Redacción Voz',
      ui: es,
      // Spanish copy quotes «así» (RAE), as the newsroom's Spanish bodies do.
      quotes: 'angular',
    },
    en: {
      locale: 'en-US',
      ogLocale: 'en_US',
      label: 'English',
      tagline: 'News from the United States and the world',
      about: 'Independent news for the United States and the world, in Spanish and English.',
      staffByline: 'Voz Staff',
      ui: en,
    },
  },
  brand: { accent: '#b3001b', accentOnDark: '#ff6b7a' },
  staffAuthor: 'staff',
  feedTtlMinutes: 15,
  feedSize: 50,
  pageSize: 12,
  logo: { path: '/logo.png', width: 600, height: 60 },
  icon: { path: '/favicon.svg', type: 'image/svg+xml' },
  distribution: {
    websubHub: 'https://pubsubhubbub.appspot.com/',
    indexNow: { endpoint: 'https://api.indexnow.org/indexnow', key: 'voz-us-5f0c2a9e7d3b4c18' },
    aiTraining: 'disallow',
    aiSearch: 'allow',
    tdm: { reserved: true },
  },
});

/** A language the outlet publishes an edition in: one of `SITE.langs`. */
export type Lang = (typeof SITE.langs)[number];

export const LANGS = SITE.langs;
