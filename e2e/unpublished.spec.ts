import { expect, test } from '@playwright/test';
import { distFiles, expectedPublished, expectedUnpublished } from './fixtures';
import { readDecoded } from './pagefind-files';

test.describe('unpublished articles', () => {
  const unpublished = expectedUnpublished();
  const files = distFiles();

  test('include the draft and the scheduled fixtures', () => {
    expect(unpublished.some((a) => a.draft)).toBe(true);
    expect(unpublished.some((a) => !a.draft)).toBe(true);
  });

  test('a published story’s words are found in the decompressed search index (so the scan below can fail)', () => {
    const published = expectedPublished()[0];
    const run = longestPlainRun(published?.body ?? '');
    expect(run).not.toBe('');
    const index = files.filter((file) => file.endsWith('.pf_fragment')).map(readDecoded);
    expect(index.some((text) => text.includes(run))).toBe(true);
  });

  for (const article of unpublished) {
    test(`${article.file} leaves no trace in the built site`, () => {
      const needles = [article.slug, article.title, article.path];
      const heroStem = article.heroFile?.replace(/\.[a-z]+$/i, '');
      if (heroStem) needles.push(heroStem);
      // The search index holds text, not markup: the standfirst and the
      // longest run of plain words of the body, as a search fragment would.
      needles.push(...[article.dek, longestPlainRun(article.body)].filter(Boolean));
      for (const file of files) {
        for (const needle of needles) {
          expect(file.includes(needle), `file name ${file} mentions ${needle}`).toBe(false);
        }
        // Search index files are compressed: read them decompressed.
        const text = readDecoded(file);
        for (const needle of needles) {
          expect(text.includes(needle), `${file} mentions ${needle}`).toBe(false);
        }
      }
    });
  }
});

/** The longest run of at least five words with nothing but letters and spaces between them. */
function longestPlainRun(markdown: string): string {
  const runs = markdown.match(/\p{L}+(?: \p{L}+){4,}/gu) ?? [];
  return runs.reduce((a, b) => (b.length > a.length ? b : a), '');
}
