import { ContentError } from './publishing';

/**
 * Linked translations. A translated article names the article it translates
 * with `translationOf: <id>` (the original's path under content/articles
 * without `.md`, e.g. `2024/north-korea-russia-treaty`). The link works both
 * ways: each page of the pair points to the other.
 */

export interface Translatable {
  id: string;
  filePath: string;
  lang: string;
  translationOf: string | undefined;
}

/**
 * Pairs published articles with their counterparts, keyed by id. Throws,
 * naming the file and field, when a published article points at an article
 * that does not exist, is not published, is in the same language, or is
 * already claimed by another translation in that language.
 */
export function linkTranslations<T extends Translatable>(
  all: readonly T[],
  isPublic: (article: T) => boolean,
): Map<string, T> {
  const byId = new Map(all.map((a) => [a.id, a]));
  const counterparts = new Map<string, T>();
  for (const article of all) {
    if (article.translationOf === undefined) continue;
    const fail = (problem: string): never => {
      throw new ContentError(article.filePath, 'translationOf', problem);
    };
    const original = byId.get(article.translationOf);
    if (!original) {
      fail(
        `no article has the id "${article.translationOf}" (expected content/articles/${article.translationOf}.md)`,
      );
      continue;
    }
    if (original.id === article.id) fail('an article cannot be a translation of itself');
    if (original.lang === article.lang) {
      fail(
        `"${original.id}" is in the same language (${article.lang}); a translation links two editions`,
      );
    }
    if (!isPublic(article)) continue;
    if (!isPublic(original)) {
      fail(
        `"${original.id}" is a draft or scheduled for later; publish it first or remove the link`,
      );
    }
    if (original.translationOf !== undefined && original.translationOf !== article.id) {
      fail(`"${original.id}" is itself linked to "${original.translationOf}"`);
    }
    const existing = counterparts.get(original.id);
    if (existing && existing.id !== article.id && existing.lang === article.lang) {
      fail(`"${original.id}" already has a ${article.lang} translation: ${existing.filePath}`);
    }
    counterparts.set(original.id, article);
    counterparts.set(article.id, original);
  }
  return counterparts;
}
