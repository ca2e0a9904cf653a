import type { Lang } from '../site';

/**
 * Every interface string, once per language. The `satisfies` clause makes a
 * key missing from either language a type error; a unit test checks it too.
 */
const en = {
  skipToContent: 'Skip to content',
  sectionsNav: 'Sections',
  editionSwitch: 'Edition',
  home: 'Home',
  publishedLabel: 'Published',
  updatedLabel: 'Updated',
  by: 'By',
  tags: 'Topics',
  latest: 'Latest news',
  leadStory: 'Top story',
  more: 'More',
  rssFeed: 'RSS feed',
  photoCredit: 'Photo',
  articlesBy: 'Articles by',
  notFoundTitle: 'Page not found',
  notFoundText: 'The page you are looking for does not exist or has moved.',
  backToFront: 'Go to the front page',
  footerAbout: 'Independent news for the United States and the world, in Spanish and English.',
  allRights: 'All rights reserved.',
  archive: 'Archive',
  allTopics: 'All topics',
  pagination: 'Pages',
  previousPage: 'Previous',
  nextPage: 'Next',
  pageLabel: 'Page',
  pageOf: 'of',
  related: 'Related stories',
  breadcrumbs: 'Breadcrumbs',
  readInOther: 'Read in English',
  inSection: 'More in',
  newerStory: 'Newer',
  olderStory: 'Older',
  articleCount: 'articles',
  sectionFeed: 'Feed for this page',
  correction: 'Correction',
  corrections: 'Corrections',
} as const;

type Dictionary = Record<keyof typeof en, string>;

const es = {
  skipToContent: 'Saltar al contenido',
  sectionsNav: 'Secciones',
  editionSwitch: 'Edición',
  home: 'Portada',
  publishedLabel: 'Publicado',
  updatedLabel: 'Actualizado',
  by: 'Por',
  tags: 'Temas',
  latest: 'Últimas noticias',
  leadStory: 'Noticia principal',
  more: 'Más',
  rssFeed: 'Fuente RSS',
  photoCredit: 'Foto',
  articlesBy: 'Artículos de',
  notFoundTitle: 'Página no encontrada',
  notFoundText: 'La página que busca no existe o ha cambiado de dirección.',
  backToFront: 'Ir a la portada',
  footerAbout: 'Noticias independientes de Estados Unidos y el mundo, en español e inglés.',
  allRights: 'Todos los derechos reservados.',
  archive: 'Archivo',
  allTopics: 'Todos los temas',
  pagination: 'Páginas',
  previousPage: 'Anterior',
  nextPage: 'Siguiente',
  pageLabel: 'Página',
  pageOf: 'de',
  related: 'Noticias relacionadas',
  breadcrumbs: 'Ruta de navegación',
  readInOther: 'Leer en español',
  inSection: 'Más en',
  newerStory: 'Más reciente',
  olderStory: 'Anterior',
  articleCount: 'artículos',
  sectionFeed: 'Fuente de esta página',
  correction: 'Corrección',
  corrections: 'Correcciones',
} as const satisfies Dictionary;

/** The dictionaries, exported for the completeness test. */
export const DICTIONARIES: Record<Lang, Dictionary> = { es, en };

/** Interface strings for one edition. */
export function t(lang: Lang): Dictionary {
  return DICTIONARIES[lang];
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
