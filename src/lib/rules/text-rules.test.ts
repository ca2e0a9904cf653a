import { describe, expect, it } from 'vitest';
import {
  bodyTextProblems,
  forbiddenCharacters,
  normaliseText,
  textFieldProblems,
} from './text-rules';

const file = 'content/articles/2026/x.md';

describe('forbiddenCharacters', () => {
  it.each([
    ['Ctrl A\u0001B', 'U+0001', 7],
    ['back\bspace', 'U+0008', 5],
    ['vertical\u000Btab', 'U+000B', 9],
    ['form\u000Cfeed', 'U+000C', 5],
    ['unit\u001Fsep', 'U+001F', 5],
    ['null\u0000', 'U+0000', 5],
    ['del\u007F', 'U+007F', 4],
    ['c1\u0085', 'U+0085', 3],
    ['nonchar\uFFFE', 'U+FFFE', 8],
    ['nonchar\uFFFF', 'U+FFFF', 8],
    ['nonchar\uFDD0', 'U+FDD0', 8],
    ['plane\u{1FFFE}', 'U+1FFFE', 6],
    ['lone \uD800 high', 'U+D800', 6],
    ['lone \uDC00 low', 'U+DC00', 6],
  ])('finds the forbidden character in %j', (text, codePoint, position) => {
    expect(forbiddenCharacters(text)).toEqual([expect.objectContaining({ codePoint, position })]);
  });

  it.each([
    ['tabs, line feeds and carriage returns', 'a\tb\nc\r\nd'],
    ['accents, Cyrillic, Arabic and CJK', 'Acción Україна مصر 北京'],
    ['emoji written as a surrogate pair', 'Fire 🔥 and flag 🇲🇽'],
    ['typographic quotes and dashes', '“Quote” — ‘single’ – en'],
    ['a non-breaking space and a soft hyphen', 'a\u00A0b\u00ADc'],
  ])('accepts %s', (_name, text) => {
    expect(forbiddenCharacters(text)).toEqual([]);
  });

  it('counts an astral character as one position, as an editor would', () => {
    expect(forbiddenCharacters('🔥\u0001')[0]?.position).toBe(2);
  });

  it('gives line and column in multi-line text', () => {
    expect(forbiddenCharacters('one\ntwo \u000B')).toEqual([
      { codePoint: 'U+000B', position: 9, line: 2, column: 5 },
    ]);
  });
});

describe('textFieldProblems', () => {
  it('names each field by its path in the YAML', () => {
    const problems = textFieldProblems(file, {
      title: 'Fine',
      hero: { image: './x.jpg', caption: 'Bad\u0001' },
      tags: ['ok', 'bad\u000B'],
      corrections: [{ date: new Date(0), text: 'x\uFFFE' }],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'hero.caption',
      'tags[1]',
      'corrections[0].text',
    ]);
    expect(problems[0]).toEqual({
      file,
      field: 'hero.caption',
      problem: expect.stringContaining('U+0001 at character 4'),
    });
  });

  it('lists every forbidden character of the issue’s headline with its position', () => {
    const [problem] = textFieldProblems(file, {
      title: 'Ctrl A\u0001B\bC\u000BD\u001FE\uFFFEF headline',
    });
    expect(problem?.problem).toContain(
      'U+0001 at character 7, U+0008 at character 9, U+000B at character 11, U+001F at character 13, U+FFFE at character 15',
    );
  });

  it('passes clean data, numbers, booleans and dates', () => {
    expect(
      textFieldProblems(file, { title: 'Año', order: 3, draft: true, at: new Date() }),
    ).toEqual([]);
  });
});

describe('bodyTextProblems', () => {
  it('gives the line and column of the article file', () => {
    const [problem] = bodyTextProblems(file, '\nFirst line.\nA \u0001 here.\n', 8);
    expect(problem).toEqual({
      file,
      field: 'body',
      problem: expect.stringContaining('U+0001 at line 10, column 3'),
    });
  });
});

describe('normaliseText', () => {
  it('composes decomposed accents (NFC) in every string, keeping other values', () => {
    const decomposed = 'Accio\u0301n'; // "o" + combining acute
    const date = new Date(0);
    const result = normaliseText({ title: decomposed, tags: [decomposed], n: 1, date });
    expect(result).toEqual({ title: 'Acción', tags: ['Acción'], n: 1, date });
    expect(result.title).toHaveLength(6);
    expect(result.date).toBe(date);
  });
});
