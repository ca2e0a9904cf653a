/**
 * The brand colours of `src/site.ts` as CSS custom properties, served to the
 * pages as a stylesheet module (see `src/integrations/outlet-theme.ts`) so
 * that `src/styles/tokens.css` can use them and Astro's CSP hashes them like
 * any other style: no inline style attributes.
 */

/** The stylesheet module's id, imported once by BaseLayout. */
export const THEME_MODULE_ID = 'virtual:outlet-theme.css';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The brand colours a stylesheet needs, as configured in `SITE.brand`. */
export interface BrandColours {
  accent: string;
  accentOnDark: string;
}

/**
 * `:root` declarations of `--brand-accent` and `--brand-accent-on-dark`.
 * Throws, naming the field, when a value is not a `#rgb`/`#rrggbb` colour,
 * so a typo in the configuration cannot reach a stylesheet.
 */
export function brandStylesheet(brand: BrandColours): string {
  for (const [field, value] of Object.entries(brand)) {
    if (!HEX.test(value)) {
      throw new Error(`src/site.ts: brand.${field}: "${value}" is not a #rrggbb colour`);
    }
  }
  return (
    ':root {\n' +
    `  --brand-accent: ${brand.accent.toLowerCase()};\n` +
    `  --brand-accent-on-dark: ${brand.accentOnDark.toLowerCase()};\n` +
    '}\n'
  );
}
