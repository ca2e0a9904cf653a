import { expect, test, type Page } from '@playwright/test';
import { sitemapPaths } from './fixtures';

// Nothing on any page is wider than a phone, a tablet or a desktop screen:
// no sideways scrolling, no white strip on the right, no control a reader
// cannot see or tap. Checked over every page of the sitemap (and the pages
// that are not in it: the root and the 404 page) at four widths.
const WIDTHS = [320, 390, 768, 1280];
const paths = ['/', '/no-such-page/', ...sitemapPaths()];

/**
 * What overflows the screen at the current width: the document when it is
 * wider than the viewport, and every link, button, field or disclosure
 * that sticks out of the viewport or is cut off by a box that hides
 * overflow. A control inside a box that scrolls sideways (the section
 * strip) is reachable by scrolling that box; the box itself must fit.
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const problems: string[] = [];
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) problems.push(`the document is ${scrollWidth} px wide`);
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    const controls = document.querySelectorAll<HTMLElement>('a, button, input, summary');
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      // Hidden (closed <details>, display: none) or visually hidden (1 px, clipped).
      if (box.width <= 1 || box.height <= 1 || control.closest('.visually-hidden')) continue;
      let clipper: HTMLElement | null = control.parentElement;
      while (clipper && getComputedStyle(clipper).overflowX === 'visible') {
        clipper = clipper.parentElement;
      }
      const style = clipper ? getComputedStyle(clipper).overflowX : 'visible';
      const scrolls = style === 'auto' || style === 'scroll';
      const limit = clipper && clipper !== document.body && clipper !== document.documentElement;
      const frame = scrolls && limit ? (clipper as HTMLElement).getBoundingClientRect() : box;
      if (frame.left < -0.5 || frame.right > width + 0.5) {
        problems.push(
          `${describe(control)} runs off the screen (${Math.round(frame.left)}–${Math.round(frame.right)} px)`,
        );
      } else if (limit && !scrolls) {
        const edge = (clipper as HTMLElement).getBoundingClientRect();
        if (box.left < edge.left - 0.5 || box.right > edge.right + 0.5) {
          problems.push(`${describe(control)} is cut off by its container`);
        }
      }
    }
    return problems;
  });
}

for (const path of paths) {
  test(`${path} fits screens 320 to 1280 px wide`, async ({ page }) => {
    await page.setViewportSize({ width: WIDTHS[0] ?? 320, height: 800 });
    await page.goto(path);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      expect(await overflowing(page), `at ${width} px`).toEqual([]);
    }
  });
}
