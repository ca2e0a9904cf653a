import type { Dictionary } from '../i18n/dictionary';

/**
 * Kinds of article and everything that varies by kind, decided in one
 * place (as the Guardian's `decideFormat` does): the label readers see on
 * the article, on cards and in feeds, the pieces the article layout shows,
 * and the schema.org type of its structured data. A kind added to
 * `ARTICLE_KINDS` and not handled in `decideFormat` fails the type check.
 *
 * `sponsored` is not a kind: paid content needs rules this generator does
 * not implement yet (a "Patrocinado"/"Sponsored" label, `rel="sponsored"` on
 * every link, exclusion from the Google News sitemap), so it is refused by
 * the schema rather than published as news.
 */

/** Every kind, the default first. */
export const ARTICLE_KINDS = ['news', 'analysis', 'opinion', 'live'] as const;

/** What an article is: reporting, analysis, opinion or live coverage. */
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** The kind an article is when its frontmatter says nothing. */
export const DEFAULT_KIND: ArticleKind = 'news';

/** The schema.org types an article page's structured data can have. */
export type ArticleSchemaType =
  'NewsArticle' | 'AnalysisNewsArticle' | 'OpinionNewsArticle' | 'LiveBlogPosting';

/** Dictionary keys of the labels a kind can carry. */
export type KindLabelKey = Extract<
  keyof Dictionary,
  'kindAnalysis' | 'kindOpinion' | 'kindLive' | 'kindLiveEnded'
>;

/** How an article of one kind is presented. */
export interface ArticleFormat {
  kind: ArticleKind;
  /**
   * The label shown above the headline, on cards and as the feed item's
   * first category; news carries none. Live coverage has two: while live
   * and once ended.
   */
  label: { active: KindLabelKey; ended: KindLabelKey } | undefined;
  /** Structured data type of the article page. */
  schemaType: ArticleSchemaType;
  /** The writer's photo and role above the body, and a line that the piece is their view. */
  writerUpFront: boolean;
  /** The article shows its timestamped updates, newest first, and its coverage times. */
  liveUpdates: boolean;
}

/** Fails the type check when a kind is not handled. */
function unhandled(kind: never): never {
  throw new Error(`unhandled article kind ${String(kind)}`);
}

/** The one switch over kinds: label, layout pieces and structured data type. */
export function decideFormat(kind: ArticleKind): ArticleFormat {
  switch (kind) {
    case 'news':
      return {
        kind,
        label: undefined,
        schemaType: 'NewsArticle',
        writerUpFront: false,
        liveUpdates: false,
      };
    case 'analysis':
      return {
        kind,
        label: { active: 'kindAnalysis', ended: 'kindAnalysis' },
        schemaType: 'AnalysisNewsArticle',
        writerUpFront: false,
        liveUpdates: false,
      };
    case 'opinion':
      return {
        kind,
        label: { active: 'kindOpinion', ended: 'kindOpinion' },
        schemaType: 'OpinionNewsArticle',
        writerUpFront: true,
        liveUpdates: false,
      };
    case 'live':
      return {
        kind,
        label: { active: 'kindLive', ended: 'kindLiveEnded' },
        schemaType: 'LiveBlogPosting',
        writerUpFront: false,
        liveUpdates: true,
      };
    default:
      return unhandled(kind);
  }
}

/** What the label of an article needs: its kind and, for live coverage, whether it has ended. */
export interface Labelled {
  kind: ArticleKind;
  coverageEndedAt?: Date | undefined;
}

/**
 * The label an article carries in the given dictionary ("Opinión",
 * "En vivo", "Live coverage" once ended), with whether it is the badge of
 * coverage still running; undefined for news.
 */
export function kindLabel(
  article: Labelled,
  strings: Pick<Dictionary, KindLabelKey>,
): { text: string; live: boolean } | undefined {
  const { label, liveUpdates } = decideFormat(article.kind);
  if (!label) return undefined;
  const running = liveUpdates && article.coverageEndedAt === undefined;
  return { text: strings[running ? label.active : label.ended], live: running };
}
