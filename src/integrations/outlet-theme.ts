import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { brandStylesheet, THEME_MODULE_ID, type BrandColours } from '../lib/theme';

/**
 * Serves the outlet's brand colours as the stylesheet module
 * `virtual:outlet-theme.css`, so the colour is set once in `src/site.ts`
 * and reaches `src/styles/tokens.css` through custom properties. Vite
 * bundles it with the other styles, and Astro's CSP hashes it with them.
 */
export function outletTheme(brand: BrandColours): AstroIntegration {
  // Vite treats an id ending in .css as a stylesheet; the \0 prefix keeps
  // other plugins from resolving it as a file.
  const resolved = `\0${THEME_MODULE_ID}`;
  const plugin: Plugin = {
    name: 'outlet-theme',
    resolveId: (id) => (id === THEME_MODULE_ID ? resolved : undefined),
    load: (id) => (id === resolved ? brandStylesheet(brand) : undefined),
  };
  return {
    name: 'outlet-theme',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
