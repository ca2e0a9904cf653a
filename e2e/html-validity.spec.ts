import { expect, test } from '@playwright/test';
import { DIST, distFiles } from './fixtures';
import { htmlErrors } from './html-checker';

// The Nu Html Checker over every page of the test build (see html-checker.ts:
// a checker that did not run, or checked nothing, fails this test).
test('every HTML page in the test build is valid HTML', () => {
  test.setTimeout(180_000);
  const pages = distFiles().filter((file) => file.endsWith('.html'));
  expect(pages.length, `HTML pages in ${DIST}`).toBeGreaterThan(20);
  expect(htmlErrors(DIST)).toEqual([]);
});
