import { describe, expect, it } from 'vitest';
import { XML_ENTITIES, decodeEntities } from './entities';

describe('decodeEntities', () => {
  it.each([
    [
      'the five XML entities',
      'Voz &amp; Co &lt;b&gt; &quot;x&quot; &apos;y&apos;',
      'Voz & Co <b> "x" \'y\'',
    ],
    ['decimal and hexadecimal references', '&#8212; &#x2014; &#X2014;', '— — —'],
    ['a name it was not given', 'a&nbsp;b', 'a&nbsp;b'],
    ['a number that is no character', '&#x110000; &#0;', '&#x110000; &#0;'],
  ])('decodes %s', (_, text, expected) => {
    expect(decodeEntities(text)).toBe(expected);
  });

  it('decodes the extra names it is given', () => {
    expect(decodeEntities('a&NBSP;b', { ...XML_ENTITIES, nbsp: ' ' })).toBe('a b');
  });
});
