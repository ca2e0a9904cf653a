import { SITE, type Lang } from '../site';
import type { PerLanguage } from './catalogue-types';
import type { Dictionary } from '../i18n/dictionary';
import { typographicQuotes } from './typography';

/** Interface strings for one edition, from its entry in `src/site.ts`. */
export function t(lang: Lang): Dictionary {
  return SITE.editions[lang].ui;
}

/**
 * A headline or standfirst with typographic quotes in the edition's style
 * (`quotes` in its entry in src/site.ts; curly “ ” by default).
 */
export function editionTypography(text: string, lang: Lang): string {
  return typographicQuotes(text, SITE.editions[lang].quotes ?? 'curly');
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

/**
 * The text to show in edition `lang` from text written per edition: its
 * own, else the default edition's, else the first other edition's that has
 * one, with the language it is in (so the page can mark it with `lang`).
 */
export function textIn(
  texts: PerLanguage,
  lang: Lang,
  order: readonly Lang[] = [SITE.defaultLang, ...SITE.langs],
): { text: string; lang: Lang } | undefined {
  for (const candidate of [lang, ...order]) {
    const text = texts[candidate];
    if (text !== undefined && text !== '') return { text, lang: candidate };
  }
  return undefined;
}

/** The `lang` attribute for text shown in edition `page`: its locale when it is in another language. */
export function langAttribute(textLang: Lang, page: Lang): string | undefined {
  return textLang === page ? undefined : SITE.editions[textLang].locale;
}
