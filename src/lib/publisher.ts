import { SITE, type Lang } from '../site';
import type { PublisherPolicies, Publisher } from './json-ld';
import type { NewsroomPage, PageRole } from './newsroom-pages';

/**
 * The schema.org property of a NewsMediaOrganization that names each kind of
 * newsroom page (Google's and the Trust Project's vocabulary); the privacy
 * policy has none.
 */
const POLICY_PROPERTY: Record<PageRole, keyof PublisherPolicies | undefined> = {
  about: 'masthead',
  contact: 'actionableFeedbackPolicy',
  'corrections-policy': 'correctionsPolicy',
  'ethics-policy': 'ethicsPolicy',
  'privacy-policy': undefined,
};

/**
 * The newsroom's policy pages as structured data names them, with absolute
 * URLs: the edition's own page of each role, else another edition's.
 */
export function publisherPolicies(
  pages: readonly NewsroomPage[],
  lang: Lang,
  site: URL | string,
): PublisherPolicies {
  const policies: PublisherPolicies = {};
  const ordered = [
    ...pages.filter((p) => p.lang === lang),
    ...pages.filter((p) => p.lang !== lang),
  ];
  for (const page of ordered) {
    const property = POLICY_PROPERTY[page.role];
    if (property && policies[property] === undefined) {
      policies[property] = new URL(page.path, site).href;
    }
  }
  return policies;
}

/**
 * The outlet as structured data describes it, with absolute URLs; given the
 * newsroom's pages, with its corrections and ethics policies, masthead and
 * feedback policy in the edition's language.
 */
export function publisher(
  site: URL | string,
  pages: { list: readonly NewsroomPage[]; lang: Lang } | undefined = undefined,
): Publisher {
  return {
    name: SITE.name,
    url: new URL('/', site).href,
    logo: {
      url: new URL(SITE.logo.path, site).href,
      width: SITE.logo.width,
      height: SITE.logo.height,
    },
    ...(pages ? { policies: publisherPolicies(pages.list, pages.lang, site) } : {}),
  };
}
