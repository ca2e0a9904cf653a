import { SITE, type Lang } from '../site';
import type { Dictionary } from '../i18n/dictionary';

/** Interface strings for one edition, from its entry in `src/site.ts`. */
export function t(lang: Lang): Dictionary {
  return SITE.editions[lang].ui;
}

/**
 * The name an author is credited with in an edition: the edition's own
 * staff byline ("Redacción Voz", "Voz Staff") for the newsroom's author
 * file, else the author's name.
 */
export function authorName(author: { id: string; name: string }, lang: Lang): string {
  return author.id === SITE.staffAuthor ? SITE.editions[lang].staffByline : author.name;
}

/** One list formatter per language for the whole build (they are costly to make). */
const listFormats = new Map<Lang, Intl.ListFormat>();

/**
 * A list in the edition's language ("A, B y C", "A, B, and C") as parts:
 * the items by index and the words between them, so each item can be a link.
 */
export function listParts(
  count: number,
  lang: Lang,
): ({ type: 'item'; index: number } | { type: 'text'; value: string })[] {
  const placeholders = Array.from({ length: count }, (_, i) => `\u0000${i}\u0000`);
  let format = listFormats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
    listFormats.set(lang, format);
  }
  return format
    .formatToParts(placeholders)
    .map((part) =>
      part.type === 'element'
        ? { type: 'item' as const, index: placeholders.indexOf(part.value) }
        : { type: 'text' as const, value: part.value },
    );
}

/** "A, B and C" in the edition's language. */
export function joinNames(names: readonly string[], lang: Lang): string {
  return listParts(names.length, lang)
    .map((part) => (part.type === 'item' ? names[part.index] : part.value))
    .join('');
}
