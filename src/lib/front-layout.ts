/**
 * How a front page arranges what it holds, the way the Guardian's
 * containers do: the number of stories in a block, and whether the lead has
 * a photo, pick the arrangement, so no block leaves most of the page blank.
 * Components only draw what these functions decide.
 */

/** The arrangement of a block of stories. */
export type BlockLayout =
  /** One story: a single wide card, photo beside the text. */
  | 'single'
  /** Two stories side by side, each a feature. */
  | 'pair'
  /** Three: the first as a feature over half the width, two beside it. */
  | 'trio'
  /** Four or more: rows of four equal cards. */
  | 'quad';

/** How one card of a block is drawn. */
export type CardRole =
  /** Photo beside the text, across the block. */
  | 'wide'
  /** Larger photo and headline than its neighbours. */
  | 'feature'
  /** Photo above the text on wide screens, a thumbnail beside it on phones. */
  | 'standard'
  /** Headline and time only. */
  | 'headline';

/** One card of a block. */
export interface CardPlan {
  role: CardRole;
  /**
   * Shares its row's photo and text tracks with its neighbours, so
   * headlines in a row line up whether or not a card has a photo.
   */
  aligned: boolean;
}

/**
 * Whether the cards that share a row show their photos. A row where most
 * cards have one shows them (a card without leaves the photo track empty,
 * its headline level with the others); a row where most have none is set
 * as text, rather than a stray photo or two above empty spaces.
 */
export type RowPhotos = 'shown' | 'hidden';

/** A block's arrangement and its cards, in the order of its stories. */
export interface BlockPlan {
  layout: BlockLayout;
  cards: CardPlan[];
  /** For the aligned cards; the others always show theirs. */
  rowPhotos: RowPhotos;
}

/** Cards a `quad` block draws in full; any further story is a headline. */
export const FULL_CARDS_PER_BLOCK = 4;

/**
 * The arrangement for a block of stories, given whether each one, in
 * order, has a photo (at least one story).
 */
export function blockLayout(hasPhotos: readonly boolean[]): BlockPlan {
  const count = hasPhotos.length;
  if (count < 1) throw new RangeError('a block needs at least one story');
  const layout: BlockLayout =
    count === 1 ? 'single' : count === 2 ? 'pair' : count === 3 ? 'trio' : 'quad';
  const cards = hasPhotos.map((_, i) => cardOf(layout, i));
  const row = hasPhotos.filter((_, i) => cards[i]?.aligned);
  const withPhoto = row.filter(Boolean).length;
  return { layout, cards, rowPhotos: withPhoto * 2 > row.length ? 'shown' : 'hidden' };
}

function cardOf(layout: BlockLayout, index: number): CardPlan {
  switch (layout) {
    case 'single':
      return { role: 'wide', aligned: false };
    case 'pair':
      return { role: 'feature', aligned: true };
    case 'trio':
      // The feature is taller than a row; the two beside it line up.
      return index === 0
        ? { role: 'feature', aligned: false }
        : { role: 'standard', aligned: true };
    case 'quad':
      return index < FULL_CARDS_PER_BLOCK
        ? { role: 'standard', aligned: true }
        : { role: 'headline', aligned: false };
  }
}

/** How the top of a front page shows its lead story. */
export type LeadLayout =
  /** The photo large beside the headline, across the page. */
  | 'photo'
  /** No photo: a larger headline, with a column of other stories beside it. */
  | 'text';

/** The lead's arrangement: a lead without a photo shares its row with other stories. */
export function leadLayout(lead: { hero?: unknown }): LeadLayout {
  return lead.hero ? 'photo' : 'text';
}

/**
 * Front order: higher `priority` first, then newer. Stable, so stories of
 * equal priority and time keep the order they came in.
 */
export function byFrontOrder<T extends { priority: number; publishedAt: Date }>(
  a: T,
  b: T,
): number {
  return b.priority - a.priority || b.publishedAt.getTime() - a.publishedAt.getTime();
}

/**
 * The `sizes` of a wide card's photo (StoryGrid's `single` block): two
 * fifths of the page beside the text on wider screens, the column on phones.
 */
export const WIDE_SIZES = '(min-width: 64rem) 28rem, (min-width: 48rem) 40vw, calc(100vw - 2rem)';

/** The `sizes` of a feature card's photo: half the page on desktops, the column on phones. */
export const FEATURE_SIZES = '(min-width: 48rem) 36rem, calc(100vw - 2rem)';
