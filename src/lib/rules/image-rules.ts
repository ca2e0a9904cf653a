import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataStore, Loader } from 'astro/loaders';
import sharp from 'sharp';
import { parse } from 'yaml';
import { getBuildTime } from '../build-time';
import { frontmatterOf } from './date-rules';
import { MIN_PUBLISHABLE_HERO_WIDTH } from '../images';
import { isPublished } from '../publishing';
import { throwProblems, type ContentProblem } from './content-error';

/**
 * Rules for an article's lead photo, run as each article file loads (so
 * `npm run check:content` applies them too):
 *
 * - the file must be inside `content/` once symlinks are followed, so a
 *   build never publishes a file from elsewhere on the machine;
 * - it must decode completely: sharp (which Astro runs with `failOn: 'none'`)
 *   would otherwise turn a file cut short in transfer into a grey picture;
 * - it must be at least {@link MIN_PUBLISHABLE_HERO_WIDTH} px wide.
 *
 * An unpublished article's photo is checked the same way but not handed to
 * Astro's `image()`: the bundler stores identical files once, under the
 * first name it meets, so a draft whose photo has the same bytes as a
 * published one could rename the published story's image URLs after itself.
 */

/** Formats sharp decodes that the site serves heroes from. */
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'gif', 'tiff']);

/**
 * Decoding at 64 px lets libjpeg skip most of the inverse transform while
 * still reading every byte of the file (measured on a 2000×1333 JPEG: 10 ms
 * instead of 29 ms for a full-size decode).
 */
const CHECK_WIDTH = 64;

/** The problems with one hero photo; none when it may be published. */
export async function heroImageProblems(input: {
  /** The article, relative to the project root. */
  file: string;
  /** `hero.image` as written: a path relative to the article. */
  image: string;
  /** The project root. */
  root: string;
  /** The folder photos must stay in, relative to the root. */
  contentDir?: string;
}): Promise<ContentProblem[]> {
  const { file, image, root } = input;
  const problem = (text: string): ContentProblem[] => [
    { file, field: 'hero.image', problem: text },
  ];
  const contentDir = resolve(root, input.contentDir ?? 'content');
  let path: string;
  try {
    path = await realpath(join(dirname(resolve(root, file)), image));
  } catch {
    return problem(`"${image}" does not exist (looked for ${join(dirname(file), image)})`);
  }
  const inside = relative(await realpath(contentDir), path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return problem(
      `"${image}" is outside ${relative(root, contentDir)}/; copy the photo beside the article`,
    );
  }
  let width: number;
  try {
    const meta = await sharp(path).metadata();
    if (!PHOTO_FORMATS.has(meta.format)) throw new Error(meta.format);
    width = meta.autoOrient.width;
  } catch {
    return problem(`"${image}" is not a photo sharp can read; use a JPEG, PNG, WebP or AVIF file`);
  }
  if (width < MIN_PUBLISHABLE_HERO_WIDTH) {
    return problem(
      `"${image}" is ${width} px wide; a hero must be at least ${MIN_PUBLISHABLE_HERO_WIDTH} px wide (1600 px or more is best)`,
    );
  }
  try {
    await sharp(path, { failOn: 'truncated' }).resize(CHECK_WIDTH).raw().toBuffer();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return problem(`"${image}" is damaged or cut short and cannot be published (${reason})`);
  }
  return [];
}

/**
 * Whether an article's frontmatter leaves it out of a build made at `now`:
 * a draft, or dated after the build time. A date that cannot be read counts
 * as published, so the schema reports it.
 */
export function isUnpublishedAt(data: Record<string, unknown>, now: Date): boolean {
  const published = data['publishedAt'];
  const date =
    published instanceof Date
      ? published
      : new Date(typeof published === 'string' ? published : Number.NaN);
  const readable = !Number.isNaN(date.getTime());
  return !isPublished({ draft: data['draft'] === true, publishedAt: readable ? date : now }, now);
}

/**
 * Applies the hero rules to an article as it loads and returns the data the
 * schema should see: unchanged for a published article, without `hero` for
 * an unpublished one (its photo is checked, but not imported; see above).
 * Throws a ContentError naming the file and `hero.image`.
 */
export async function checkedHero<P extends { data: Record<string, unknown>; filePath?: string }>(
  props: P,
  options: { root: string; now: Date },
): Promise<P> {
  const hero = props.data['hero'];
  const image =
    hero && typeof hero === 'object' ? (hero as Record<string, unknown>)['image'] : undefined;
  if (typeof image !== 'string' || !props.filePath) return props;
  const file = relative(options.root, props.filePath);
  throwProblems(await heroImageProblems({ file, image, root: options.root }));
  if (!isUnpublishedAt(props.data, options.now)) return props;
  const data = { ...props.data };
  delete data['hero'];
  return { ...props, data };
}

/** How the digest of an entry parsed as unpublished ends. */
const UNPUBLISHED_DIGEST = '-unpublished';

/**
 * Wraps a loader's digest so that an entry is parsed again when its article
 * moves between unpublished and published (a scheduled story's time comes):
 * the content layer reuses a parsed entry while its file's digest is the
 * same, and what it kept of the hero and the body's images depends on the
 * build time.
 */
export function publicationAwareDigest(
  generateDigest: (data: Record<string, unknown> | string) => string,
  now: Date,
): (data: Record<string, unknown> | string) => string {
  return (data) => {
    if (typeof data !== 'string') return generateDigest(data);
    const fields = publicationFields(frontmatterOf(data));
    return `${generateDigest(data)}${fields && isUnpublishedAt(fields, now) ? UNPUBLISHED_DIGEST : ''}`;
  };
}

/**
 * Whether a stored article was parsed in another publication state than it
 * has at `now` (a scheduled story whose time came): the digest
 * {@link publicationAwareDigest} gave it says which state it was parsed in.
 * Such an entry must be loaded again even though its file is unchanged.
 */
export function publicationChanged(
  entry: { digest?: string | number | undefined; data: Record<string, unknown> },
  now: Date,
): boolean {
  const parsedUnpublished = String(entry.digest ?? '').endsWith(UNPUBLISHED_DIGEST);
  return parsedUnpublished !== isUnpublishedAt(entry.data, now);
}

/** `draft: true` and `publishedAt: …` written as top-level block-style keys, the way articles are. */
const DRAFT_LINE = /^draft[ \t]*:[ \t]*(true|false)[ \t]*(?:#.*)?$/im;
const PUBLISHED_LINE = /^publishedAt[ \t]*:[ \t]*(['"]?)([^'"#\r\n]*?)\1[ \t]*(?:#.*)?$/m;

/**
 * What decides whether an article is published, read from its frontmatter
 * text. Two line patterns serve the usual file, because this runs for every
 * article on every build (a YAML parse took 0.65 ms an article, 6.5 s for
 * 10,000); anything else is parsed as YAML. Undefined when there is no
 * frontmatter to read.
 */
export function publicationFields(frontmatter: string): Record<string, unknown> | undefined {
  const published = PUBLISHED_LINE.exec(frontmatter);
  const date = published?.[2];
  if (date && !Number.isNaN(Date.parse(date))) {
    return {
      draft: DRAFT_LINE.exec(frontmatter)?.[1]?.toLowerCase() === 'true',
      publishedAt: date,
    };
  }
  try {
    // YAML 1.1 reads timestamps as dates, as Astro's frontmatter parser does.
    const data: unknown = parse(frontmatter, { schema: 'yaml-1.1' });
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wraps a loader's store so that an unpublished article's images (those in
 * its body; its hero is already left out by {@link checkedHero}) are not
 * imported: the bundler would store them once with a published story's
 * identical photo, under whichever name it met first.
 */
export function withoutUnpublishedAssets(store: DataStore, now: Date): DataStore {
  return {
    // The loader's store is a plain object of functions, so spreading keeps them.
    ...store,
    set: (entry) =>
      store.set(isUnpublishedAt(entry.data, now) ? { ...entry, assetImports: [] } : entry),
  };
}

/**
 * Wraps the articles' loader with the photo rules: each article's hero is
 * checked as it loads ({@link checkedHero}), an unpublished article's photos
 * are kept from the bundler ({@link withoutUnpublishedAssets}), and its
 * stored entry is parsed again when its publication state changes
 * ({@link publicationAwareDigest}). Put it outside the loader's other
 * checks, so those (file exists, is no link, is a picture) speak first.
 */
export function withPhotoRules(loader: Loader, now: () => Date = getBuildTime): Loader {
  return {
    ...loader,
    load: (context) => {
      const at = now();
      const root = fileURLToPath(context.config.root);
      return loader.load({
        ...context,
        generateDigest: publicationAwareDigest(context.generateDigest, at),
        store: withoutUnpublishedAssets(context.store, at),
        parseData: async (props) => context.parseData(await checkedHero(props, { root, now: at })),
      });
    },
  };
}
