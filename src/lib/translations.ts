import { ContentError } from './rules/content-error';

/**
 * Linked translations. A translated article names the article it translates
 * with `translationOf: <id>` (the original's path under content/articles
 * without `.md`, e.g. `2024/north-korea-russia-treaty`). An original and its
 * translations form a set with at most one story per edition; each page of
 * the set links to every other published one, however many editions the
 * outlet has.
 */

export interface Translatable {
  id: string;
  filePath: string;
  lang: string;
  translationOf?: string | undefined;
}

/**
 * The other members of each article's translation set, keyed by id (only
 * articles that have any). Throws, naming the file and `translationOf`, when
 * a published article points at an article that does not exist, is not
 * published, is itself a translation, or is in a language the set already
 * has.
 */
export function linkTranslations<T extends Translatable>(
  all: readonly T[],
  isPublic: (article: T) => boolean,
): Map<string, T[]> {
  const byId = new Map(all.map((a) => [a.id, a]));
  const sets = new Map<string, T[]>();
  for (const article of all) {
    if (article.translationOf === undefined) continue;
    const fail = (problem: string): never => {
      throw new ContentError(article.filePath, 'translationOf', problem);
    };
    const original =
      byId.get(article.translationOf) ??
      fail(
        `no article has the id "${article.translationOf}" (expected content/articles/${article.translationOf}.md)`,
      );
    if (original.id === article.id) fail('an article cannot be a translation of itself');
    if (original.lang === article.lang) {
      fail(
        `"${original.id}" is in the same language (${article.lang}); a translation links two editions`,
      );
    }
    if (original.translationOf !== undefined) {
      fail(
        `"${original.id}" is itself a translation of "${original.translationOf}"; link to "${original.translationOf}" instead`,
      );
    }
    if (!isPublic(article)) continue;
    if (!isPublic(original)) {
      fail(
        `"${original.id}" is a draft or scheduled for later; publish it first or remove the link`,
      );
    }
    const set = sets.get(original.id) ?? [original];
    const existing = set.find((member) => member.lang === article.lang);
    if (existing) {
      fail(`"${original.id}" already has a ${article.lang} translation: ${existing.filePath}`);
    }
    set.push(article);
    sets.set(original.id, set);
  }
  const others = new Map<string, T[]>();
  for (const set of sets.values()) {
    for (const member of set)
      others.set(
        member.id,
        set.filter((m) => m !== member),
      );
  }
  return others;
}
