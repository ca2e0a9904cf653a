/**
 * The interface strings every edition must translate. An edition in
 * `src/site.ts` whose dictionary lacks a key fails the type check; a unit
 * test (`src/lib/i18n.test.ts`) also checks none is empty.
 */
export interface Dictionary {
  skipToContent: string;
  sectionsNav: string;
  editionSwitch: string;
  home: string;
  publishedLabel: string;
  updatedLabel: string;
  by: string;
  tags: string;
  latest: string;
  leadStory: string;
  more: string;
  rssFeed: string;
  photoCredit: string;
  articlesBy: string;
  notFoundTitle: string;
  notFoundText: string;
  backToFront: string;
  allRights: string;
  archive: string;
  allTopics: string;
  pagination: string;
  previousPage: string;
  nextPage: string;
  pageLabel: string;
  pageOf: string;
  related: string;
  breadcrumbs: string;
  /** Link to this article in the dictionary's own language ("Read in English"). */
  readInOther: string;
  inSection: string;
  newerStory: string;
  olderStory: string;
  articleCount: string;
  sectionFeed: string;
  correction: string;
  corrections: string;
  // issue 12 (newsroom): article kinds, live coverage, corrections page.
  /** Label of an analysis piece ("Análisis"). */
  kindAnalysis: string;
  /** Label of an opinion piece ("Opinión"). */
  kindOpinion: string;
  /** Badge of live coverage still running ("En vivo"). */
  kindLive: string;
  /** Label of live coverage that has ended ("Cobertura en vivo"). */
  kindLiveEnded: string;
  /** The line under an opinion piece's writer: the text is their view. */
  opinionNote: string;
  /** Before the time live coverage started ("Cobertura iniciada:"). */
  liveStarted: string;
  /** Before the time live coverage ended ("La cobertura en vivo terminó:"). */
  liveEnded: string;
  /** Heading of the list of live updates. */
  liveUpdates: string;
  /** The corrections page's title ("Correcciones"). */
  correctionsTitle: string;
  /** The corrections page's URL segment under the edition (`correcciones` gives `/es/correcciones/`). */
  correctionsSlug: string;
  /** One line under the corrections page's title. */
  correctionsIntro: string;
  /** Before the headline of the corrected story ("Corrección a"). */
  correctionTo: string;
  // issue 13: search
  /** URL segment of the edition's search page (`/es/buscar/`). */
  searchSlug: string;
  /** The search page's title and the header form's button. */
  search: string;
  /** Accessible name of the search box. */
  searchLabel: string;
  searchSection: string;
  searchAuthor: string;
  /** The filter options that keep every section, every author. */
  searchAllSections: string;
  searchAllAuthors: string;
  searchOrder: string;
  searchNewest: string;
  searchRelevance: string;
  /** After the number of results: "12 resultados". */
  searchResults: string;
  searchNoResults: string;
  /** Shown where results would be when the browser runs no script. */
  searchNeedsScript: string;
  searchMore: string;
}
