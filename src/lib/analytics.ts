/**
 * Page-view analytics: configuration, off by default (`analytics` in
 * src/site.ts). One provider, reached by its exact origin: a Plausible-style
 * events endpoint (Plausible, or a self-hosted instance), to which a small
 * script of the site's own (src/components/Analytics.astro, served from
 * /_astro/ like every script) sends one `pageview` per page load. No
 * third-party script is loaded, no cookie is set, and nothing is sent when
 * the reader's browser signals Global Privacy Control.
 */

/** Where page views go. */
export interface AnalyticsConfig {
  /** The provider's events endpoint, an absolute https URL (`https://plausible.io/api/event`). */
  endpoint: string;
  /** The site as the provider knows it (`voz.us`). */
  domain: string;
}

/**
 * The exact origin the Content Security Policy allows for analytics
 * (`https://plausible.io`). Throws on an endpoint that is not https: an
 * analytics beacon over http would leak every page a reader visits.
 */
export function analyticsOrigin(config: AnalyticsConfig): string {
  const url = new URL(config.endpoint);
  if (url.protocol !== 'https:') {
    throw new Error(`analytics.endpoint must be an https URL, not ${config.endpoint}`);
  }
  return url.origin;
}

/** The sources of the CSP's `connect-src`: the site, and the analytics origin when configured. */
export function connectSources(config: AnalyticsConfig | undefined): string[] {
  return config ? ["'self'", analyticsOrigin(config)] : ["'self'"];
}

/** The page view a Plausible-style endpoint takes. */
export interface PageviewEvent {
  name: 'pageview';
  url: string;
  domain: string;
  referrer: string | null;
}

/**
 * The event for one page load, or undefined when the reader asked not to be
 * counted (Global Privacy Control: `navigator.globalPrivacyControl`).
 */
export function pageviewEvent(
  page: { href: string; referrer: string; globalPrivacyControl: boolean | undefined },
  domain: string,
): PageviewEvent | undefined {
  if (page.globalPrivacyControl === true) return undefined;
  return { name: 'pageview', url: page.href, domain, referrer: page.referrer || null };
}
