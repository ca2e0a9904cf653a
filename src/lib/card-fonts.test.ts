import { describe, expect, it } from 'vitest';
import {
  drawnByBaseFonts,
  emojiImage,
  fontsFor,
  missingCharacters,
  parseUnicodeRange,
  twemojiName,
} from './card-fonts';
import { SCRIPTS } from './card-scripts';

describe('missingCharacters', () => {
  it.each(SCRIPTS)('finds a font or picture for every character of %s', (_, text) => {
    expect(missingCharacters(text)).toEqual([]);
  });

  it.each([
    ['Devanagari', 'नमस्ते भारत', ['म', 'स']],
    ['a private-use character', 'Logo \uE000 here', ['\uE000']],
  ])('names the characters no font has in %s', (_, text, expected) => {
    expect(missingCharacters(text)).toEqual(expect.arrayContaining(expected));
  });
});

describe('fontsFor', () => {
  it.each([
    ['Latin', 'Texas jobless rate', []],
    ['Cyrillic', 'Москва', ['Source Serif 4 cyrillic']],
    ['Greek', 'Αθήνα', ['Source Serif 4 greek']],
    ['Hebrew', 'ירושלים', ['Noto Sans Hebrew hebrew']],
    ['Arabic', 'القاهرة', ['Noto Sans Arabic arabic']],
  ])('loads only what %s needs', async (_, text, names) => {
    expect((await fontsFor(text)).map((f) => f.name)).toEqual(names);
  });

  it('loads Chinese and Korean from their own fonts', async () => {
    const names = (await fontsFor('北京 서울')).map((f) => f.name);
    expect(names.some((n) => n.startsWith('Noto Serif SC'))).toBe(true);
    expect(names.some((n) => n.startsWith('Noto Serif KR'))).toBe(true);
  });
});

describe('twemojiName', () => {
  it.each([
    ['🎉', '1f389'],
    ['❤️', '2764'],
    ['🇺🇸', '1f1fa-1f1f8'],
    ['👩‍⚕️', '1f469-200d-2695-fe0f'],
    ['1️⃣', '31-20e3'],
  ])('names %s %s', (emoji, name) => {
    expect(twemojiName(emoji)).toBe(name);
  });

  it('finds the picture of a ZWJ sequence', async () => {
    expect(await emojiImage('👩‍⚕️')).toMatch(/^data:image\/svg\+xml;base64,/);
  });
});

describe('parseUnicodeRange', () => {
  it.each([
    [
      'U+0000-00FF,U+0131',
      [
        [0, 255],
        [0x131, 0x131],
      ],
    ],
    ['U+4??', [[0x400, 0x4ff]]],
    ['U+1f1e9-1f1f5', [[0x1f1e9, 0x1f1f5]]],
  ])('reads %s', (value, ranges) => {
    expect(parseUnicodeRange(value)).toEqual(ranges);
  });
});

describe('drawnByBaseFonts', () => {
  it.each([
    ['Spanish', 'El Congreso retoma la negociación: ¿otra prórroga?', true],
    ['Latin Extended', 'Łódź, Ærø, Şanlıurfa', true],
    ['quotes, dashes and the euro', '“Not now” — €5 … ‘ok’', true],
    ['Cyrillic', 'Москва', false],
    ['Hebrew', 'ירושלים', false],
    ['Chinese', '北京', false],
    ['an emoji', 'Fans 🎉', false],
    ['a keycap emoji', 'Number 1️⃣', false],
    ['a character no font has', 'Logo \uE000', false],
  ])('answers for %s', (_, text, expected) => {
    expect(drawnByBaseFonts(text)).toBe(expected);
  });
});
