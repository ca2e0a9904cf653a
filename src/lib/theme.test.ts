import { describe, expect, it } from 'vitest';
import { brandStylesheet } from './theme';

describe('brandStylesheet', () => {
  it('declares the configured accent and its dark-scheme variant on :root', () => {
    expect(brandStylesheet({ accent: '#B3001B', accentOnDark: '#ff6b7a' })).toBe(
      ':root {\n  --brand-accent: #b3001b;\n  --brand-accent-on-dark: #ff6b7a;\n}\n',
    );
  });

  it.each([
    ['a colour name', { accent: 'red', accentOnDark: '#fff' }, 'brand.accent'],
    [
      'a CSS injection',
      { accent: '#fff; } body { display: none', accentOnDark: '#fff' },
      'brand.accent',
    ],
    ['a five-digit hex', { accent: '#b3001', accentOnDark: '#fff' }, 'brand.accent'],
    ['an empty dark variant', { accent: '#b3001b', accentOnDark: '' }, 'brand.accentOnDark'],
  ])('refuses %s, naming the field', (_, brand, field) => {
    expect(() => brandStylesheet(brand)).toThrow(`src/site.ts: ${field}:`);
  });
});
