import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, distFiles, expectedUnpublished } from './fixtures';

test.describe('unpublished articles', () => {
  const unpublished = expectedUnpublished();
  const files = distFiles();

  test('include the draft and the scheduled fixtures', () => {
    expect(unpublished.some((a) => a.draft)).toBe(true);
    expect(unpublished.some((a) => !a.draft)).toBe(true);
  });

  for (const article of unpublished) {
    test(`${article.file} leaves no trace in the built site`, () => {
      const needles = [article.slug, article.title, article.path];
      const heroStem = article.heroFile?.replace(/\.[a-z]+$/i, '');
      if (heroStem) needles.push(heroStem);
      for (const file of files) {
        for (const needle of needles) {
          expect(file.includes(needle), `file name ${file} mentions ${needle}`).toBe(false);
        }
        const text = readFileSync(join(DIST, file), 'utf8');
        for (const needle of needles) {
          expect(text.includes(needle), `${file} mentions ${needle}`).toBe(false);
        }
      }
    });
  }
});
