import type { Lang } from '../site';
import { createStoryDigest, digest, type SharedDigest } from './cache-key';
import { zonedDateParts } from './dates';
import { composeFrontPage } from './front-page';
import { paginate } from './pagination';
import {
  NEWS_MAX_URLS,
  NEWS_WINDOW_HOURS,
  type Article,
  type ArchiveYear,
  type ArticleRecord,
  type Author,
  type AuthorRecord,
  type Catalogue,
  type CatalogueSettings,
  type Listing,
  type LiveUpdate,
  type PublishedCorrection,
  type Section,
  type SectionRecord,
} from './catalogue-types';
import { byNewest, isPublished, lastModified } from './publishing';
import { sectionNeighbours } from './related';
import { rememberedRelatedFinder } from './related-memo';
import { contentWarnings } from './rules/article-rules';
import { throwProblems, type ContentProblem } from './rules/content-error';
import { sectionPathProblems, siteProblems, type PathClaim } from './rules/site-rules';
import { looseTag } from './tag-identity';
import { linkTranslations } from './translations';
import { correctionsPath, listCorrections } from './corrections';
import { newestFirst, updateAnchor } from './live';
import {
  archiveMonthPath,
  archivePath,
  archiveYearPath,
  articlePath,
  authorPath,
  editionPath,
  sectionPath,
  slugFromId,
  tagIndexPath,
  tagPath,
} from './urls';

/**
 * The catalogue: what the site publishes and in what order, decided once.
 * Plain records and a clock go in; every listing the site shows comes out
 * (the types are in catalogue-types.ts). Nothing here reads Astro's
 * collections (`content.ts` does that and hands the records over), so every
 * rule is unit-tested with small record builders. Pages, feeds, sitemaps and structured data ask the catalogue;
 * nothing else filters or sorts articles.
 */

function toSection(record: SectionRecord, langs: readonly Lang[]): Section {
  const slug = Object.fromEntries(
    langs.map((lang) => [lang, record.path?.[lang] ?? record.id]),
  ) as Record<Lang, string>;
  return { id: record.id, name: record.name, slug, order: record.order };
}

function memo<A, R>(compute: (arg: A) => R): (arg: A) => R {
  const cache = new Map<A, R>();
  return (arg) => {
    if (!cache.has(arg)) cache.set(arg, compute(arg));
    return cache.get(arg) as R;
  };
}

/**
 * Decides everything the site shows from plain records. Throws a
 * `ContentError` listing every problem (`file: field: problem`) when the
 * records cannot make a sound site: unknown authors or sections, broken
 * translation links, two owners for one URL.
 */
export function createCatalogue(input: {
  articles: readonly ArticleRecord[];
  authors: readonly AuthorRecord[];
  sections: readonly SectionRecord[];
  settings: CatalogueSettings;
}): Catalogue {
  const { langs, pageSize, now } = input.settings;
  const problems: ContentProblem[] = [];

  const authorsById = new Map<string, Author>(input.authors.map((a) => [a.id, a]));
  const sectionRecords = [...input.sections].sort(
    (a, b) => a.order - b.order || a.id.localeCompare(b.id),
  );
  const sections = sectionRecords.map((record) => {
    const section = toSection(record, langs);
    problems.push(...sectionPathProblems(record.filePath, section.slug));
    return section;
  });
  const sectionsById = new Map(sections.map((s) => [s.id, s]));

  // Every article is resolved, drafts included, so a broken reference in a
  // draft is caught before the draft is published.
  const resolved = input.articles.flatMap((record): Article[] => {
    const { section: sectionId, authors: authorIds, updates: updateRecords, ...rest } = record;
    const section = lookup(sectionsById, sectionId, record.filePath, 'section', 'sections');
    const authors = authorIds.map((id, index) =>
      lookup(authorsById, id, record.filePath, `authors[${index}]`, 'authors'),
    );
    const updateAuthors = updateRecords.flatMap((update, index) =>
      update.author === undefined
        ? []
        : [
            lookup(
              authorsById,
              update.author,
              record.filePath,
              `updates[${index}].author`,
              'authors',
            ),
          ],
    );
    const missing = [section, ...authors, ...updateAuthors].filter((r) => 'problem' in r);
    if (missing.length > 0) {
      problems.push(...(missing as ContentProblem[]));
      return [];
    }
    const slug = slugFromId(record.id);
    return [
      {
        ...rest,
        slug,
        path: articlePath({ lang: record.lang, publishedAt: record.publishedAt, slug }),
        section: section as Section,
        authors: authors as Author[],
        modifiedAt: lastModified(record),
        translations: [],
        updates: newestFirst(updateRecords).map((update): LiveUpdate => ({
          date: update.date,
          author: update.author === undefined ? undefined : authorsById.get(update.author),
          html: update.html,
          anchor: updateAnchor(update.date),
        })),
      },
    ];
  });
  throwProblems(problems);

  const isPublic = (article: Article) => isPublished(article, now);
  const groups = linkTranslations(resolved, isPublic);
  const articles = resolved.filter(isPublic).sort(byNewest);
  // Translation sets hold only published stories; list them in edition order.
  for (const article of articles) {
    const others = groups.get(article.id) ?? [];
    article.translations = langs.flatMap((lang) =>
      others
        .filter((o) => o.lang === lang)
        .map((o) => ({ lang: o.lang, path: o.path, title: o.title })),
    );
  }

  const byEdition = new Map(langs.map((lang) => [lang, articles.filter((a) => a.lang === lang)]));
  const published = (lang?: Lang) => (lang === undefined ? articles : (byEdition.get(lang) ?? []));

  const editionSections = memo((lang: Lang) => {
    const used = new Set(published(lang).map((a) => a.section.id));
    return sections.filter((s) => used.has(s.id));
  });

  const listing = <K extends string, T>(
    kind: K,
    lang: Lang,
    path: string,
    subject: T,
    list: Article[],
  ): Listing<K, T> => ({
    kind,
    lang,
    path,
    subject,
    articles: list,
    pages: paginate(list, pageSize, path),
  });

  const sectionListings = langs.flatMap((lang) => {
    const bySection = Map.groupBy(published(lang), (a) => a.section.id);
    return editionSections(lang).map((section) =>
      listing(
        'section',
        lang,
        sectionPath(lang, section.slug[lang]),
        section,
        bySection.get(section.id) ?? [],
      ),
    );
  });

  const authorListings = langs.flatMap((lang) => {
    const byAuthor = new Map<string, Article[]>();
    for (const article of published(lang)) {
      for (const author of new Set(article.authors)) {
        const list = byAuthor.get(author.id) ?? [];
        if (list.length === 0) byAuthor.set(author.id, list);
        list.push(article);
      }
    }
    return [...authorsById.values()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .flatMap((author) => {
        const theirs = byAuthor.get(author.id);
        return theirs ? [listing('author', lang, authorPath(lang, author.id), author, theirs)] : [];
      });
  });

  const tagUses: PathClaim[] = [];
  const tagListings = langs.flatMap((lang) => {
    // Keyed by page path: the first (newest) use of a tag names its page.
    const byTag = new Map<string, { tag: string; articles: Article[] }>();
    for (const article of published(lang)) {
      article.tags.forEach((tag, index) => {
        const path = tagPath(lang, tag);
        tagUses.push({
          path,
          owner: `tag "${tag}"`,
          key: looseTag(tag),
          file: article.filePath,
          field: `tags[${index}]`,
        });
        const group = byTag.get(path) ?? { tag, articles: [] };
        if (group.articles.length === 0) byTag.set(path, group);
        if (group.articles.at(-1) !== article) group.articles.push(article);
      });
    }
    return [...byTag]
      .map(([path, { tag, articles: list }]) => listing('tag', lang, path, tag, list))
      .sort((a, b) => a.subject.localeCompare(b.subject, lang) || a.path.localeCompare(b.path));
  });

  const monthListings = langs.flatMap((lang) => {
    const byMonth = Map.groupBy(published(lang), (article) => {
      const { year, month } = zonedDateParts(article.publishedAt);
      return `${year}-${month}`;
    });
    return [...byMonth].map(([key, list]) => {
      const [year = '', month = ''] = key.split('-');
      return listing('month', lang, archiveMonthPath(lang, year, month), { year, month }, list);
    });
  });

  const archiveYears = memo((lang: Lang): ArchiveYear[] => {
    const months = monthListings.filter((m) => m.lang === lang);
    const years = [...new Set(months.map((m) => m.subject.year))].sort().reverse();
    return years.map((year) => ({
      year,
      path: archiveYearPath(lang, year),
      months: months
        .filter((m) => m.subject.year === year)
        .map((m) => ({ month: m.subject.month, path: m.path, count: m.articles.length }))
        .sort((a, b) => b.month.localeCompare(a.month)),
    }));
  });

  const redirects = articles.flatMap((article) =>
    article.previousUrls.map((from) => ({ from, to: article.path })),
  );

  // Every URL the build writes has exactly one owner. Claims come in order
  // of precedence: when two collide, the later one is reported, so a
  // redirect gives way to any page and a tag to any section.
  const sitePage = (path: string): PathClaim => ({ path, owner: 'a page of the site' });
  const claims: PathClaim[] = [
    ...langs.flatMap((lang) =>
      [editionPath(lang), archivePath(lang), tagIndexPath(lang), correctionsPath(lang)].map(
        sitePage,
      ),
    ),
    ...authorListings.map((l) => sitePage(l.path)),
    ...monthListings.map((l) => sitePage(l.path)),
    ...langs.flatMap((lang) => archiveYears(lang).map((y) => sitePage(y.path))),
    ...[...sectionListings, ...authorListings, ...tagListings, ...monthListings].flatMap((l) =>
      l.pages.slice(1).map((page) => sitePage(page.path)),
    ),
    ...sections.flatMap((section, index) =>
      langs.map((lang) => ({
        path: sectionPath(lang, section.slug[lang]),
        owner: `section "${section.id}"`,
        file: sectionRecords[index]?.filePath,
        field: `path.${lang}`,
      })),
    ),
    ...articles.map((a) => ({
      path: a.path,
      owner: 'an article',
      file: a.filePath,
      field: 'slug',
    })),
    ...tagUses,
    ...articles.flatMap((a) =>
      a.previousUrls.map((from, index) => ({
        path: from,
        owner: 'a redirect',
        file: a.filePath,
        field: `previousUrls[${index}]`,
      })),
    ),
  ];
  throwProblems(siteProblems(claims));

  const around = memo((lang: Lang) => ({
    neighbours: sectionNeighbours(published(lang)),
    findRelated: rememberedRelatedFinder(published(lang), input.settings.relatedStore, lang),
  }));

  const newsFrom = now.getTime() - NEWS_WINDOW_HOURS * 3_600_000;
  const shared = digest([
    zonedDateParts(now).year,
    langs.map(editionSections),
    input.settings.shared,
  ]);
  // Authors and sections are shared by many stories: each is digested once.
  const story = createStoryDigest<Article>(storyInputs);
  return {
    published,
    sections,
    editionSections,
    frontPage: memo((lang: Lang) => {
      const page = composeFrontPage(
        published(lang),
        sections.map((s) => s.id),
      );
      return {
        lead: page.lead,
        beside: page.beside,
        latest: page.latest,
        rails: page.rails.map(({ sectionId, articles: list }) => ({
          section: sectionsById.get(sectionId) as Section,
          articles: list,
        })),
      };
    }),
    sectionListings,
    authorListings,
    tagListings,
    tagIndex: (lang) =>
      tagListings
        .filter((l) => l.lang === lang)
        .map((l) => ({ name: l.subject, path: l.path, count: l.articles.length })),
    monthListings,
    archiveYears,
    articleContext(article) {
      const { neighbours, findRelated } = around(article.lang);
      return {
        related: findRelated(article),
        ...(neighbours.get(article.id) ?? { newer: undefined, older: undefined }),
      };
    },
    redirects,
    newsSitemap: articles.filter((a) => a.publishedAt.getTime() > newsFrom).slice(0, NEWS_MAX_URLS),
    warnings: articles.flatMap((a) => contentWarnings(a.filePath, a)),
    drawnCards: articles.filter((a) => !a.hero),
    corrections: memo((lang: Lang): PublishedCorrection[] => listCorrections(published(lang))),
    cacheKeys: {
      articlePage: (article, context) =>
        digest([
          shared,
          story(article),
          context.related.map(story),
          context.newer && story(context.newer),
          context.older && story(context.older),
        ]),
      listingPage: (l, page) =>
        digest([
          shared,
          l.kind,
          l.lang,
          l.path,
          l.subject,
          page.number,
          page.total,
          page.items.map(story),
        ]),
      stories: (list) => digest([shared, list.map(story)]),
      // One digest of the list's inputs, not one per story: a story's
      // inputs are a few short strings.
      searchRecords: (list) =>
        digest([
          shared,
          list.map((article) => (article.digest === '' ? story(article) : recordInputs(article))),
        ]),
      searchInputs: (list) => ({
        shared,
        stories: list.map((article) => [
          article.path,
          article.digest === '' ? story(article) : digest(recordInputs(article)),
        ]),
      }),
    },
  };
}

/**
 * What a story's cache key is made of: the digest of its source file, which
 * changes with anything the file states (headline, dates, tags, body), and
 * what the story shows that its file does not state: its URL, its photo
 * (whose credit may come from the image file), its section and authors
 * (their own files) and its translations (other stories' headlines). At
 * 50,000 stories, digesting the whole story took 2.5 s of every build;
 * this takes a fraction of it. A story without a source digest is digested
 * whole.
 */
function storyInputs(article: Article, shared: (value: object) => SharedDigest): unknown {
  if (article.digest === '') return article;
  return [
    article.digest,
    article.id,
    article.path,
    article.hero ?? null,
    shared(article.section),
    article.authors.map(shared),
    article.updates.map((update) => (update.author ? shared(update.author) : null)),
    article.translations,
  ];
}

/**
 * What a story's search record is made of (src/lib/search.ts,
 * `searchRecord`): its file (headline, standfirst, dates, kind, tags,
 * body), its URL, its section's name and its authors' ids. Not its
 * translations, photo or authors' biographies, which a story's page shows
 * and its record does not: an edit to a translated story re-indexed the
 * other edition's bundle too, for the same bytes (4.9 s of Pagefind for
 * one edit at 50,000 articles).
 */
function recordInputs(article: Article): unknown {
  return [
    article.digest,
    article.id,
    article.lang,
    article.path,
    article.section.id,
    article.section.name,
    article.authors.map((author) => author.id),
  ];
}

/** The entry `id` refers to, or the problem naming the file and field. */
function lookup<T>(
  byId: ReadonlyMap<string, T>,
  id: string,
  file: string,
  field: string,
  folder: 'authors' | 'sections',
): T | ContentProblem {
  const found = byId.get(id);
  if (found !== undefined) return found;
  const kind = folder === 'authors' ? 'author' : 'section';
  const known = [...byId.keys()].sort().join(', ');
  return {
    file,
    field,
    problem: `unknown ${kind} "${id}": there is no content/${folder}/${id}.yaml (known: ${known})`,
  };
}
