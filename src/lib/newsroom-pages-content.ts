import { getCollection, render, type CollectionEntry } from 'astro:content';
import { SITE } from '../site';
import { getCatalogue } from './content';
import { newsroomPages, type NewsroomPage } from './newsroom-pages';
import { throwProblems } from './rules/content-error';

/**
 * The adapter between the `pages` collection and src/lib/newsroom-pages.ts:
 * reads the collection once, checks the pages' addresses against the
 * sections', and keeps the entries to render bodies.
 */

const entries = new Map<string, CollectionEntry<'pages'>>();
let loaded: Promise<NewsroomPage[]> | undefined;

async function load(): Promise<NewsroomPage[]> {
  const [collection, sectionFiles, catalogue] = await Promise.all([
    getCollection('pages'),
    getCollection('sections'),
    getCatalogue(),
  ]);
  const fileOf = new Map(sectionFiles.map((entry) => [entry.id, entry.filePath ?? entry.id]));
  for (const entry of collection) entries.set(entry.id, entry);
  const { pages, problems } = newsroomPages(
    collection.map((entry) => ({
      id: entry.id,
      filePath: entry.filePath ?? entry.id,
      title: entry.data.title,
      description: entry.data.description,
      role: entry.data.role,
      updatedAt: entry.data.updatedAt,
    })),
    SITE.langs,
    catalogue.sections.map((section) => ({
      id: section.id,
      file: fileOf.get(section.id) ?? section.id,
      slug: section.slug,
    })),
  );
  throwProblems(problems);
  return pages;
}

/** Every newsroom page of the build, in edition then footer order, read once. */
export function getNewsroomPages(): Promise<NewsroomPage[]> {
  loaded ??= load();
  return loaded;
}

/** A page's body as a component. */
export function renderNewsroomPage(page: NewsroomPage) {
  const entry = entries.get(page.id);
  if (!entry) throw new Error(`no collection entry for ${page.filePath}`);
  return render(entry);
}
