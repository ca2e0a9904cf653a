import { SITE } from '../site';
import type { Publisher } from './json-ld';

/** The outlet as structured data describes it, with absolute URLs. */
export function publisher(site: URL | string): Publisher {
  return {
    name: SITE.name,
    url: new URL('/', site).href,
    logo: {
      url: new URL(SITE.logo.path, site).href,
      width: SITE.logo.width,
      height: SITE.logo.height,
    },
  };
}
