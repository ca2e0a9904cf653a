/**
 * When two tags are the same tag: case, accents, spacing and the
 * punctuation that joins words do not count ("Corea del Norte",
 * "corea-del-norte", "Coréa del norte"); anything else does ("C++" is not
 * "C", "Tax (2026)" is not "Tax 2026"). Tag pages, related stories and the
 * rule that two different tags may not share a tag page all use this.
 */
export function looseTag(tag: string): string {
  return tag
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-_.,'’]+/g, ' ')
    .trim();
}
