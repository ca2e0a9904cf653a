import { SITE, type Lang } from '../site';
import { t } from './i18n';

/**
 * Corrections in the open, and the rule for the "Updated" label: pure
 * functions the catalogue and the article layout share.
 */

/**
 * How long after publication an update must come to earn the "Updated"
 * label: edits within the first hour are the desk finishing the story, not
 * news for the reader.
 */
export const SUBSTANTIVE_UPDATE_MINUTES = 60;

/**
 * The update time the article page shows beside its publication time, or
 * undefined. The rule: `updatedAt` is shown when it is at least
 * {@link SUBSTANTIVE_UPDATE_MINUTES} minutes after `publishedAt`. A
 * correction does not count as an update (it is shown in its own notice),
 * and structured data and feeds still report every change as
 * `dateModified`.
 */
export function shownUpdate(article: {
  publishedAt: Date;
  updatedAt?: Date | undefined;
}): Date | undefined {
  const { publishedAt, updatedAt } = article;
  if (!updatedAt) return undefined;
  const minutes = (updatedAt.getTime() - publishedAt.getTime()) / 60_000;
  return minutes >= SUBSTANTIVE_UPDATE_MINUTES ? updatedAt : undefined;
}

/** The fragment id of a story's n-th correction (oldest first, from 0): `correction-1`. */
export function correctionAnchor(index: number): string {
  return `correction-${index + 1}`;
}

/**
 * Every correction of the given stories, newest first; corrections made at
 * the same moment keep the stories' order (already newest first) and then
 * their own.
 */
export function listCorrections<A extends { corrections: readonly { date: Date; text: string }[] }>(
  articles: readonly A[],
): { article: A; index: number; date: Date; text: string }[] {
  return articles
    .flatMap((article) => article.corrections.map((c, index) => ({ article, index, ...c })))
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => b.entry.date.getTime() - a.entry.date.getTime() || a.order - b.order)
    .map(({ entry }) => entry);
}

/** An edition's corrections page: `/es/correcciones/`, `/en/corrections/` (the slug is in the dictionary). */
export function correctionsPath(lang: Lang): string {
  return `/${lang}/${t(lang).correctionsSlug}/`;
}

/** `getStaticPaths` entries of the corrections pages: one per edition, under its own word. */
export function correctionsParams(): {
  params: { lang: Lang; corrections: string };
  props: { lang: Lang };
}[] {
  return SITE.langs.map((lang) => ({
    params: { lang, corrections: t(lang).correctionsSlug },
    props: { lang },
  }));
}
