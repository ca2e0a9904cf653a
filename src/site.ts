/**
 * The outlet's configuration: the one file another newsroom edits to adopt
 * this generator (together with replacing `content/`). `astro.config.mjs`
 * reads the URL from here; code reads it back from `Astro.site`.
 */

/** A language the outlet publishes an edition in. */
export type Lang = 'es' | 'en';

export interface EditionConfig {
  /** BCP 47 tag used in `lang`, `hreflang`, `Intl` and feeds. */
  locale: string;
  /** Open Graph locale (`es_US`). */
  ogLocale: string;
  /** Edition name shown in the header switch ("Español"). */
  label: string;
  /** Tagline under the masthead and the feed's description. */
  tagline: string;
}

export interface SiteConfig {
  /** Outlet name, as shown in the masthead and feeds. */
  name: string;
  /** Public origin, no trailing slash. The only copy of the site URL. */
  url: string;
  /** IANA time zone the newsroom works in; all dates are shown in it. */
  timeZone: string;
  /** Main language: `/` leads to this edition. */
  defaultLang: Lang;
  /** Editions in the order they are offered. */
  langs: readonly Lang[];
  editions: Record<Lang, EditionConfig>;
  /** Minutes feed readers may cache a feed (RSS `ttl`). */
  feedTtlMinutes: number;
  /** How many articles an edition feed carries. */
  feedSize: number;
  /** Stories per page on section, tag, author and archive pages. */
  pageSize: number;
  /** Publisher logo for structured data (Google asks for at most 600×60), in public/. */
  logo: { path: string; width: number; height: number };
}

export const SITE = {
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
    },
    en: {
      locale: 'en-US',
      ogLocale: 'en_US',
      label: 'English',
      tagline: 'News from the United States and the world',
    },
  },
  feedTtlMinutes: 15,
  feedSize: 50,
  pageSize: 12,
  logo: { path: '/logo.png', width: 600, height: 60 },
} as const satisfies SiteConfig;

export const LANGS = SITE.langs;
