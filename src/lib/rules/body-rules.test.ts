import { describe, expect, it } from 'vitest';
import {
  bodyHtmlProblems,
  bodyImageReferences,
  bodySourceProblems,
  isPlainMarkup,
  sanitiserProblems,
} from './body-rules';

const file = 'content/articles/2026/x.md';

/** What the Markdown renderer writes for the features an article may use (checked against its output). */
const RENDERED_MARKDOWN = `<h2 id="sub-head">Sub head</h2>
<p>A <a href="https://x.com" title="t">link</a>, <a href="/en/world/">a section</a>, <a href="#fn">a jump</a>, <a href="mailto:a@b.c">mail</a>, <em>em</em> <strong>strong</strong> <code>code</code> <del>del</del>.</p>
<p><a href="https://elsewhere.example/" rel="noopener noreferrer">out</a></p>
<blockquote><p>quote</p></blockquote>
<ol><li>one</li></ol>
<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled> task</li><li class="task-list-item"><input type="checkbox" checked disabled> done</li></ul>
<table><thead><tr><th style="text-align: left">a</th><th style="text-align: right">b</th></tr></thead><tbody><tr><td style="text-align: center">1</td><td>2</td></tr></tbody></table>
<p>Text<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup>.</p>
<p><img __ASTRO_IMAGE_="{&quot;alt&quot;:&quot;alt text&quot;,&quot;src&quot;:&quot;./photo.jpg&quot;,&quot;index&quot;:0}"></p>
<p><img src="https://example.com/x.jpg" alt="remote"></p>
<pre><code class="language-js">code()
</code></pre>
<hr>
<figure><img src="https://e.com/a.jpg" alt="a"><figcaption>Cap</figcaption></figure>
<!-- editor note -->
<p>Line one<br>
line two <abbr title="Organización">OEA</abbr> <sub>2</sub> <sup>3</sup></p>
<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>
<ol><li id="user-content-fn-1"><p>The note. <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p></li></ol>
</section>`;

describe('bodyHtmlProblems', () => {
  it('keeps everything the Markdown renderer writes for an article', () => {
    expect(bodyHtmlProblems(file, RENDERED_MARKDOWN)).toEqual([]);
  });

  it.each([
    ['<a href="javascript:alert(1)">x</a>', '<a href> uses a javascript: URL'],
    ['<a href="&#106;avascript:alert(1)">x</a>', '<a href> uses a javascript: URL'],
    ['<a href="java&#x09;script:alert(1)">x</a>', '<a href> uses a java\\tscript: URL'],
    ['<a href="javascript&colon;alert(1)">x</a>', '<a href> uses a javascript: URL'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a href> uses a javascript: URL'],
    ['<a href="vbscript:msgbox(1)">x</a>', '<a href> uses a vbscript: URL'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a href> uses a data: URL'],
    ['<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="">', '<img src> uses a data: URL'],
    ['<meta http-equiv="refresh" content="0; url=https://evil.example/">', '<meta> is not allowed'],
    [
      '<form action="https://evil.example/"><input type="password" name="p"></form>',
      '<form> is not allowed',
    ],
    ['<p><input type="password" name="p"></p>', '<input type="password"> is not a value'],
    ['<plaintext>rest of page', '<plaintext> is not allowed'],
    ['<iframe src="https://example.org"></iframe>', '<iframe> is not allowed'],
    ['<object data="x.swf"></object>', '<object> is not allowed'],
    ['<embed src="x.swf">', '<embed> is not allowed'],
    ['Text <script>alert(1)</script>', '<script> is not allowed'],
    ['<style>body{display:none}</style>', '<style> is not allowed'],
    ['<img src="x.jpg" onerror="alert(1)" alt="">', '<img onerror> is an event handler'],
    ['<p onclick="alert(1)">x</p>', '<p onclick> is an event handler'],
    ['<a href="https://x.example/" target="_blank">x</a>', '<a target> is not an attribute'],
    ['<base href="https://evil.example/">', '<base> is not allowed'],
    ['<svg><script>alert(1)</script></svg>', '<svg> is not allowed'],
    ['<td style="color: red">x</td>', ''],
    ['<p style="position:fixed">x</p>', '<p style> is not an attribute'],
  ])('refuses %s, naming file, body and the element', (html, reason) => {
    const problems = bodyHtmlProblems(file, html);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(file);
    expect(problems[0]?.field).toBe('body');
    expect(problems[0]?.problem).toContain(reason);
  });

  it('says what a table cell style may be', () => {
    expect(
      bodyHtmlProblems(file, '<table><tr><td style="color: red">x</td></tr></table>')[0]?.problem,
    ).toContain('<td style="color: red"> is not a value');
  });

  it('reads a whole long article quickly enough for 10,000 of them', () => {
    const article =
      `<p>${'A sentence of news with <a href="https://example.org/">a link</a>. '.repeat(40)}</p>\n`.repeat(
        12,
      );
    const start = performance.now();
    for (let i = 0; i < 20; i += 1) expect(bodyHtmlProblems(file, article)).toEqual([]);
    // ~30 KB of HTML each; 10k articles at this rate stay within a few seconds per 1,000.
    expect((performance.now() - start) / 20).toBeLessThan(50);
  });
});

describe('isPlainMarkup', () => {
  it.each([
    '<h2 id="sub-head">Sub head</h2>\n<p>Text with <a href="https://x.com/" title="t">a link</a>, <a href="/en/">home</a>, <em>em</em> &amp; <strong>more</strong>.</p>',
    '<ul>\n<li>one</li>\n</ul>\n<blockquote>\n<p>quote</p>\n</blockquote><hr><p>a<br>\nb</p>',
    '<p><a href="mailto:desk@voz.us">mail</a> <a href="https://e.x/" rel="noopener noreferrer">out</a></p>',
  ])('lets plain prose skip the parser: %s', (html) => {
    expect(isPlainMarkup(html)).toBe(true);
  });

  it.each([
    '<a href="javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href=javascript:alert(1)>x</a>',
    '<a  href="javascript:alert(1)">x</a>',
    '<a href="x" onclick="alert(1)">x</a>',
    '<p title="a>b">x</p>',
    '<p>x</p><script>alert(1)</script>',
    '<p>x <script src=//evil.example/x.js</p>',
    '<!-- note --><p>x</p>',
    '<P>x</P>',
    '<p id="x">x</p><meta http-equiv="refresh" content="0">',
  ])('sends anything else to the sanitiser: %s', (html) => {
    expect(isPlainMarkup(html)).toBe(false);
  });

  it('never passes markup that the sanitiser would change (random token soup)', () => {
    const tokens = [
      '<p>',
      '</p>',
      '<a href="https://x.example/">',
      '<a href="javascript:x">',
      '<a href="JAVASCRIPT:x">',
      '<a href="#f">',
      '</a>',
      '<em>',
      '</em>',
      '<h2 id="h">',
      '</h2>',
      '<script>',
      '</script>',
      '<img src="x.jpg" onerror="x">',
      '<br>',
      '<hr>',
      'text',
      ' ',
      '&amp;',
      '&lt;',
      '<',
      '>',
      '"',
      '<!--',
      '-->',
      '<a href="//evil.example/">',
      '<a href="data:x">',
      '<code>',
      '</code>',
      '<p onclick="x">',
      '<a href="x" title="t">',
      '<a href="mailto:a@b.c">',
      '<plaintext>',
      '\n',
    ];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let plain = 0;
    for (let run = 0; run < 3000; run += 1) {
      const html = Array.from(
        { length: 1 + Math.floor(random() * 8) },
        () => tokens[Math.floor(random() * tokens.length)],
      ).join('');
      if (isPlainMarkup(html)) {
        plain += 1;
        expect(sanitiserProblems(file, html), html).toEqual([]);
      }
    }
    // The soup must exercise the fast path, or this test proves nothing.
    expect(plain).toBeGreaterThan(100);
  });
});

describe('bodySourceProblems', () => {
  it('passes prose with a closed editor’s note', () => {
    expect(bodySourceProblems(file, 'Text.\n\n<!-- note -->\n\nMore.')).toEqual([]);
  });

  it.each([
    ['', 'is empty'],
    ['  \n\n ', 'is empty'],
    ['<!-- only a note to the editor -->\n', 'has only comments'],
    ['<!-- one -->\n\n<!-- two -->', 'has only comments'],
  ])('refuses the body %j', (body, problem) => {
    expect(bodySourceProblems(file, body)).toEqual([
      { file, field: 'body', problem: expect.stringContaining(problem) },
    ]);
  });

  it('lets a draft be empty', () => {
    expect(bodySourceProblems(file, '', { required: false })).toEqual([]);
  });

  it('refuses a comment that is never closed, giving the file line where it opens', () => {
    const body =
      '\nFirst paragraph.\n\n<!-- note to editor: check the figure\n\nSecond paragraph.\n';
    expect(bodySourceProblems(file, body, { firstLine: 9 })).toEqual([
      {
        file,
        field: 'body',
        problem: expect.stringContaining('line 12: "<!--" opens a comment that is never closed'),
      },
    ]);
  });

  it('finds an unclosed comment after closed ones', () => {
    const problems = bodySourceProblems(file, '<!-- a -->\nText.\n<!-- b');
    expect(problems[0]?.problem).toContain('line 3:');
  });

  it.each([
    ['inline code', 'Write `<!--` to start a comment.'],
    ['a fenced code block', 'Text.\n\n```html\n<!-- unclosed\n```\n\nMore.'],
    ['an empty comment', 'Text <!--> and <!---> here.'],
  ])('does not mistake %s for an unclosed comment', (_name, body) => {
    expect(bodySourceProblems(file, body)).toEqual([]);
  });

  it('refuses control characters with their file line and column', () => {
    expect(bodySourceProblems(file, 'Fine.\nA \u0001 b', { firstLine: 7 })[0]?.problem).toContain(
      'U+0001 at line 8, column 3',
    );
  });
});

describe('bodyImageReferences', () => {
  it('lists local images with their file lines, not remote ones or code', () => {
    const body =
      'Text.\n\n![A photo](./photo.jpg)\n\n![Remote](https://x.example/a.jpg)\n\n`![not](./code.jpg)`\n\n![Spaced](<./my photo.jpg>)\n![Root](/abs.jpg)';
    expect(bodyImageReferences(body, 5)).toEqual([
      { path: './photo.jpg', line: 7 },
      { path: './my photo.jpg', line: 13 },
    ]);
  });
});
