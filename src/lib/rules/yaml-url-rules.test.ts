import { describe, expect, it } from 'vitest';
import { authorLinkProblems, urlProblem } from './yaml-url-rules';

describe('urlProblem', () => {
  it.each(['https://x.com/danielaortiz_voz', 'http://example.org', 'mailto:desk@voz.us'])(
    'accepts %s',
    (url) => {
      expect(urlProblem(url)).toBeUndefined();
    },
  );

  it.each([
    ['javascript:alert(1)', 'uses a javascript: URL'],
    ['JavaScript:alert(1)', 'uses a javascript: URL'],
    ['java\tscript:alert(1)', 'uses a javascript: URL'],
    ['data:text/html,<script>alert(1)</script>', 'uses a data: URL'],
    ['vbscript:msgbox(1)', 'uses a vbscript: URL'],
    ['ftp://files.example/', 'uses a ftp: URL'],
    ['x.com/someone', 'is not a full URL'],
  ])('refuses %j', (url, problem) => {
    expect(urlProblem(url)).toContain(problem);
  });
});

describe('authorLinkProblems', () => {
  it('names the link by its place in the list', () => {
    expect(
      authorLinkProblems('content/authors/ana.yaml', {
        links: [
          { label: 'X', url: 'https://x.com/ana' },
          { label: 'Evil', url: 'javascript:alert(1)' },
        ],
      }),
    ).toEqual([
      {
        file: 'content/authors/ana.yaml',
        field: 'links[1].url',
        problem:
          '"javascript:alert(1)" uses a javascript: URL; links may use http(s) or mailto only',
      },
    ]);
  });
});
