import { describe, expect, it } from 'vitest';
import { assertSafeBody, assertSafeHtml, contentWarnings } from './content-checks';

const file = 'content/articles/2026/x.md';

describe('assertSafeBody', () => {
  it('accepts ordinary prose, links and formatting HTML', () => {
    expect(() =>
      assertSafeBody(
        file,
        'Text with <abbr title="x">HTML</abbr>.',
        '<p>Text <a href="https://example.org/">link</a> <abbr>HTML</abbr></p>',
      ),
    ).not.toThrow();
  });

  it.each([
    ['', '', 'body: is empty'],
    ['   \n\n', '', 'body: is empty'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>', 'contains a <script> element'],
    ['<img src=x onerror="alert(1)">', '<img src="x" onerror="alert(1)">', 'inline event handler'],
    ['[click](javascript:alert(1))', '<a href="javascript:alert(1)">click</a>', 'javascript: URL'],
    [
      '<iframe src="https://example.org"></iframe>',
      '<iframe src="https://example.org"></iframe>',
      'embeds another document',
    ],
  ])('refuses %j, naming file and field', (source, html, message) => {
    expect(() => assertSafeBody(file, source, html)).toThrow(`${file}: body:`);
    expect(() => assertSafeBody(file, source, html)).toThrow(message);
  });

  it('does not mistake words like "one" or "only" for handlers', () => {
    expect(() =>
      assertSafeBody(file, 'Only one person said so.', '<p>Only one person said so.</p>'),
    ).not.toThrow();
  });
});

describe('assertSafeHtml', () => {
  it('refuses a rendered body that would run code, even when its source looked harmless', () => {
    expect(() => assertSafeHtml(file, '<p><a href="javascript:void(0)">x</a></p>')).toThrow(
      `${file}: body: contains a javascript: URL`,
    );
  });

  it('accepts rendered prose', () => {
    expect(() => assertSafeHtml(file, '<p>Only one person said so.</p>')).not.toThrow();
  });
});

describe('contentWarnings', () => {
  it.each([
    ['a short dek and a wide hero', 'A dek.', 2000, 0],
    ['a dek over 300 characters', 'x'.repeat(301), 2000, 1],
    ['a hero under 1200 px', 'A dek.', 800, 1],
    ['both', 'x'.repeat(400), 640, 2],
  ])('gives %s that many warnings', (_name, dek, width, count) => {
    expect(contentWarnings(file, { dek, hero: { image: { width } } })).toHaveLength(count);
  });

  it('names the file and field in each warning', () => {
    expect(contentWarnings(file, { dek: 'x'.repeat(301), hero: undefined })[0]).toMatch(
      /^content\/articles\/2026\/x\.md: dek: 301 characters/,
    );
  });
});
