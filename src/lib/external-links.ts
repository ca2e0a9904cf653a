import { defineHastPlugin } from 'satteri';

/** True for http(s) links to another host than `siteHost`. */
export function isExternalLink(href: string, siteHost: string): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  try {
    return new URL(href).host !== siteHost;
  } catch {
    return false;
  }
}

/**
 * A Markdown (hast) plugin that gives every link leaving the site
 * `rel="noopener noreferrer"`, so the target gets no handle on our page and
 * no Referer with the article URL.
 */
export function externalLinks(siteUrl: string) {
  const host = new URL(siteUrl).host;
  return defineHastPlugin({
    name: 'external-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties?.['href'];
        if (typeof href === 'string' && isExternalLink(href, host)) {
          ctx.setProperty(node, 'rel', ['noopener', 'noreferrer']);
        }
      },
    },
  });
}
