import { describe, expect, it } from 'vitest';
import { referencedAssetNames, unreferencedImages } from './asset-references';

describe('referencedAssetNames', () => {
  it('finds assets in src, srcset, CSS url() and feed URLs', () => {
    const text = [
      '<img src="/_astro/a.B1.avif" srcset="/_astro/b.C2.webp 400w, /_astro/c.D3.webp 800w">',
      'background: url(/_astro/d.E4.png)',
      '<media:content url="https://voz.us/_astro/e.F5.jpg"/>',
    ].join('\n');
    expect([...referencedAssetNames(text)].sort()).toEqual([
      'a.B1.avif',
      'b.C2.webp',
      'c.D3.webp',
      'd.E4.png',
      'e.F5.jpg',
    ]);
  });
});

describe('unreferencedImages', () => {
  it('lists images nothing links to, never scripts or styles', () => {
    const files = ['used.avif', 'draft-hero.A1.jpg', 'page.C3.css', 'client.D4.js'];
    expect(unreferencedImages(files, new Set(['used.avif']))).toEqual(['draft-hero.A1.jpg']);
  });
});
