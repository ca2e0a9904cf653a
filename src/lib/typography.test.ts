import { describe, expect, it } from 'vitest';
import { typographicQuotes } from './typography';

describe('typographicQuotes in English (curly)', () => {
  it.each([
    [
      'a quoted phrase',
      'Mayor calls budget "a promise kept"',
      'Mayor calls budget “a promise kept”',
    ],
    [
      'a quote opening the headline',
      '"We will rebuild," governor says',
      '“We will rebuild,” governor says',
    ],
    [
      'an apostrophe inside a word',
      "Texas's jobless rate, Jerry's",
      'Texas’s jobless rate, Jerry’s',
    ],
    ['a plural possessive', "the lawmakers' plan", 'the lawmakers’ plan'],
    ['an elided decade', "Back to the '90s", 'Back to the ’90s'],
    ['single quotes inside double ones', `"He said 'not yet'" today`, '“He said ‘not yet’” today'],
    ['double quotes inside double ones', '"The "deal" is off"', '“The ‘deal’ is off”'],
    [
      'a quote after a dash or bracket',
      'Ban (the "fast lane")—"now"',
      'Ban (the “fast lane”)—“now”',
    ],
    ['marks already typographic', 'Already “curly” and ’90s', 'Already “curly” and ’90s'],
    ['text without quotes', 'Plain headline', 'Plain headline'],
  ])('turns %s into typographic marks', (_case, input, expected) => {
    expect(typographicQuotes(input, 'curly')).toBe(expected);
  });
});

describe('typographicQuotes in Spanish', () => {
  it.each([
    ['curly', 'El alcalde pide "calma" en Houston', 'El alcalde pide “calma” en Houston'],
    ['angular', 'El alcalde pide "calma" en Houston', 'El alcalde pide «calma» en Houston'],
    [
      'angular',
      'Dijo: "la ley de "frontera segura" no basta"',
      'Dijo: «la ley de “frontera segura” no basta»',
    ],
    ['angular', '¿"Fin" del plazo?', '¿«Fin» del plazo?'],
    ['curly', "Sant'Angelo y O'Rourke", 'Sant’Angelo y O’Rourke'],
  ])('in the %s style writes %s', (style, input, expected) => {
    expect(typographicQuotes(input, style as 'curly' | 'angular')).toBe(expected);
  });
});

describe('typographicQuotes on hostile text', () => {
  it('changes only the quotes, leaving markup-like text as text', () => {
    expect(
      typographicQuotes(`Tom & Jerry's "</script><script>alert(1)</script>" ]]>`, 'curly'),
    ).toBe('Tom & Jerry’s “</script><script>alert(1)</script>” ]]>');
  });

  it('leaves no straight quote behind in any style', () => {
    const samples = [`'a' "b" c's "d 'e' f"`, `"" '' " '`, `x"y'z`];
    for (const style of ['curly', 'angular'] as const) {
      for (const sample of samples) expect(typographicQuotes(sample, style)).not.toMatch(/["']/);
    }
  });
});
