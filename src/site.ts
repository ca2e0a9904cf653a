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
  /**
   * Page-view analytics (issue 12), off when absent: a Plausible-style
   * events `endpoint` (https) and the site's `domain` there. Its origin is
   * added to the CSP's connect-src; see README, "Analytics".
   */
  analytics?: AnalyticsConfig | undefined;
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
});

/** A language the outlet publishes an edition in: one of `SITE.langs`. */
export type Lang = (typeof SITE.langs)[number];

export const LANGS = SITE.langs;
