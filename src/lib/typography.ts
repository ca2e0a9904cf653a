/**
 * Typographic quotes for headlines and standfirsts, which are plain text in
 * frontmatter (bodies get theirs from the Markdown pipeline's smart
 * punctuation). Straight quotes become the edition's quotation marks and
 * apostrophes become ’; marks already typed typographically are kept.
 */

/**
 * How an edition quotes. `curly`: “ ” outside, ‘ ’ inside (English, and the
 * Spanish of most American newsrooms). `angular`: « » outside, “ ” inside
 * and ‘ ’ innermost, the order the RAE's Ortografía recommends for Spanish.
 */
export type QuoteStyle = 'curly' | 'angular';

const DOUBLE: Record<QuoteStyle, readonly (readonly [string, string])[]> = {
  curly: [
    ['\u201C', '\u201D'],
    ['\u2018', '\u2019'],
  ],
  angular: [
    ['\u00AB', '\u00BB'],
    ['\u201C', '\u201D'],
  ],
};

const APOSTROPHE = '\u2019';
const SINGLE_OPEN = '\u2018';

/** Characters after which a quote opens rather than closes. */
const OPENS_AFTER = /[\s([{\u2014\u2013/\u00AB\u201C\u2018\u00BF\u00A1-]/u;

/**
 * `text` with straight quotes made typographic in `style`: a `"` opens after
 * a space, an opening bracket or dash, or at the start, and closes
 * otherwise; quotes inside quotes take the style's inner marks. A `'`
 * between letters, or before a year's last digits (’90s), is an
 * apostrophe; otherwise it opens or closes single quotes (‘ ’).
 */
export function typographicQuotes(text: string, style: QuoteStyle): string {
  // Most headlines have no straight quote at all; this runs for every
  // headline and standfirst of the archive on every build.
  if (!text.includes('"') && !text.includes("'")) return text;
  const marks = DOUBLE[style];
  let depth = 0;
  let out = '';
  // The text since the last quote, copied in one piece.
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (char !== '"' && char !== "'") continue;
    out += text.slice(from, i);
    from = i + 1;
    const before = i === 0 ? '' : (text[i - 1] as string);
    const after = text[i + 1] ?? '';
    const opening = before === '' || OPENS_AFTER.test(before);
    if (char === '"') {
      if (opening && after !== '' && !/\s/.test(after)) {
        const [open] = marks[Math.min(depth, marks.length - 1)] as readonly [string, string];
        out += open;
        depth += 1;
      } else {
        depth = Math.max(depth - 1, 0);
        const [, close] = marks[Math.min(depth, marks.length - 1)] as readonly [string, string];
        out += close;
      }
    } else {
      const elision = opening && /^\d\d(?!\d)/.test(text.slice(i + 1));
      out += opening && !elision && after !== '' && !/\s/.test(after) ? SINGLE_OPEN : APOSTROPHE;
    }
  }
  return out + text.slice(from);
}
