import type { CollectionEntry } from 'astro:content';
import type { ArticleRecord, AuthorRecord, SectionRecord } from './catalogue-types';
import { editionTypography } from './i18n';
import { renderUpdateText } from './live';

/**
 * The catalogue's input from content entries: what `getCollection` gives
 * the pages (src/lib/content.ts), and what the content layer's own store
 * holds, which the search index reads before the pages are bundled
 * (src/lib/speculative-records.ts). One mapping for both, so a story reads
 * the same either way. Types only from `astro:content`: this module runs
 * outside the built pages too.
 */

/** The fields of a content entry the mapping reads. */
type Entry<C extends 'articles' | 'authors' | 'sections'> = Pick<
  CollectionEntry<C>,
  'id' | 'data' | 'filePath'
> & { digest?: string | number | undefined };

/** The source file of an entry, relative to the project root (the glob loader always sets it). */
export const fileOf = (entry: { id: string; filePath?: string | undefined }) =>
  entry.filePath ?? entry.id;

/** A story's record for the catalogue. */
export function articleRecord(entry: Entry<'articles'>): ArticleRecord {
  const { id, digest, data } = entry;
  return {
    ...data,
    // Headlines and standfirsts are typed with straight quotes; every page,
    // feed and structured datum shows them with the edition's quotation marks.
    title: editionTypography(data.title, data.lang),
    dek: editionTypography(data.dek, data.lang),
    id,
    filePath: fileOf(entry),
    digest: String(digest ?? ''),
    updatedAt: data.updatedAt,
    hero: data.hero,
    translationOf: data.translationOf,
    coverageEndedAt: data.coverageEndedAt,
    updates: data.updates.map((update) => ({
      date: update.date,
      author: update.author,
      html: renderUpdateText(update.text),
    })),
    section: data.section.id,
    authors: data.authors.map((ref) => ref.id),
  };
}

/** An author's record for the catalogue. */
export function authorRecord(entry: Entry<'authors'>): AuthorRecord {
  return { id: entry.id, filePath: fileOf(entry), ...entry.data, avatar: entry.data.avatar };
}

/** A section's record for the catalogue. */
export function sectionRecord(entry: Entry<'sections'>): SectionRecord {
  return { id: entry.id, filePath: fileOf(entry), ...entry.data };
}
