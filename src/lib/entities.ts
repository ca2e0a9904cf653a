/** The five entities XML defines, by name. */
export const XML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/**
 * Decodes character references (`&#8212;`, `&#x2014;`) and the named
 * entities in `named` (case-insensitive). Anything else, an unknown name
 * or a number that is no Unicode character, is left as written.
 */
export function decodeEntities(
  text: string,
  named: Readonly<Record<string, string>> = XML_ENTITIES,
): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : match;
    }
    return named[name.toLowerCase()] ?? match;
  });
}
