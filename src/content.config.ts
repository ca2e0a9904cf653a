import { defineCollection, reference } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import {
  articleSourceProblems,
  authorProblems,
  contentFolderProblems,
  contentIndex,
  sectionProblems,
} from './lib/rules/article-rules';
import { bodyHtmlProblems } from './lib/rules/body-rules';
import { throwProblems, type ContentProblem } from './lib/rules/content-error';
import { parseTimestamp } from './lib/rules/date-rules';
import type { FileProbe } from './lib/rules/file-reference-rules';
import { nodeFileProbe } from './lib/rules/node-file-probe';
import { publicationChanged, withPhotoRules } from './lib/rules/image-rules';
import { trustedStamps } from './lib/trusted-stamps';
import { getBuildTime } from './lib/build-time';
import { bodiesOnDisk } from './lib/body-files';
import { rulesVersion } from './lib/rules/rules-version';
import { normaliseText, textFieldProblems } from './lib/rules/text-rules';
import { PAGE_ROLES } from './lib/newsroom-pages';
import { LANGS, SITE, type Lang } from './site';
import { FEDIVERSE_HANDLE } from './lib/fediverse';
import { withPhotoRights } from './lib/photo-rights';
import { ARTICLE_KINDS } from './lib/article-kinds';
import { liveUpdateProblems } from './lib/live';
import { afterPublishGate } from './lib/publish-gate';

/**
 * A timestamp in ISO 8601 with a UTC offset (`2024-11-12T09:30:00-06:00`).
 * YAML turns unquoted timestamps into dates before we see them (the loader
 * wrapper has already read them strictly from the raw text); quoted ones
 * arrive as strings and are read by the same strict rule.
 */
const timestamp = z.union([
  z.date(),
  z.string().transform((value, ctx) => {
    const parsed = parseTimestamp(value);
    if ('problem' in parsed) {
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    }
    return parsed.date;
  }),
]);

/** One content file as the rules see it, before the schema. */
interface EntryInput {
  /** Path relative to the project root (`content/articles/2026/x.md`). */
  file: string;
  /** The file's text as written. */
  source: string;
  /** Its parsed frontmatter or YAML, text already in NFC. */
  data: Record<string, unknown>;
}

/** The rules one collection's files must pass, prepared once per load with the folder listing. */
interface CollectionRules {
  /** Problems in the collection's folder (file names), found once per load. */
  folder: ContentProblem[];
  /** Problems in one file, before the schema parses it. */
  entry: (input: EntryInput) => ContentProblem[];
  /** Problems in one published-to-be entry's rendered HTML, once rendered. */
  rendered?: (file: string, html: string, data: Record<string, unknown>) => ContentProblem[];
}

/** The meta key under which a collection remembers the rules its entries passed. */
const RULES_VERSION = 'content-rules-version';

/**
 * Wraps a loader so the content rules (src/lib/rules/) run where the files
 * are read: text is normalised to NFC, then each file is checked on its own
 * text before the schema runs (the schema cannot see raw YAML dates, the
 * folder listing or other files), and each rendered body before it is
 * stored. The folder is listed once per load. `npm run check:content`
 * (astro sync) and the build both come through here.
 */
function checked(loader: Loader, prepare: (probe: FileProbe) => CollectionRules): Loader {
  return {
    ...loader,
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const rules = prepare(nodeFileProbe(root));
      throwProblems(rules.folder);
      // Entries stored under other rules are read and checked again.
      const version = rulesVersion(root);
      if (context.meta.get(RULES_VERSION) !== version) context.store.clear();
      // Rendered HTML reaches only the store, so the check sits in front of it
      // (the loader's store is a plain object of functions, as withPhotoRules
      // also relies on).
      const { rendered } = rules;
      const store: typeof context.store = rendered
        ? {
            ...context.store,
            set: (entry) => {
              const html = entry.rendered?.html;
              if (html !== undefined) {
                throwProblems(rendered(entry.filePath ?? entry.id, html, entry.data));
              }
              return context.store.set(entry);
            },
          }
        : context.store;
      await loader.load({
        ...context,
        store,
        parseData: async (props) => {
          const data = normaliseText(props.data);
          if (props.filePath) {
            const file = relative(root, props.filePath).split('\\').join('/');
            const source = await readFile(props.filePath, 'utf8');
            throwProblems(rules.entry({ file, source, data }));
          }
          return context.parseData({ ...props, data });
        },
      });
      context.meta.set(RULES_VERSION, version);
    },
  };
}

const lang = z.enum(LANGS);

/**
 * Text written per edition (`{ es: …, en: … }`, at least one language; a
 * missing one falls back to another edition's text, marked with its
 * language on the page). A plain string is the default edition's text.
 */
const perLanguageText = z.union([
  z
    .string()
    .trim()
    .min(1)
    .transform((text): Partial<Record<Lang, string>> => ({ [SITE.defaultLang]: text })),
  z
    .object(
      Object.fromEntries(LANGS.map((l) => [l, z.string().trim().min(1).optional()])) as Record<
        Lang,
        z.ZodOptional<z.ZodString>
      >,
    )
    .strict()
    .refine((texts) => Object.values(texts).some((text) => text !== undefined), {
      message: 'write the text in at least one language',
    })
    .transform((texts) => texts as Partial<Record<Lang, string>>),
]);

/** An article's fields, but its hero (made per entry: see the collection's schema). */
const articleFields = {
  /** Headline, plain text. */
  title: z.string().trim().min(1, 'a headline is required'),
  /** Standfirst under the headline; also the meta and feed description. */
  dek: z.string().trim().min(1, 'a dek (standfirst) is required'),
  /** First publication, with UTC offset. Later than the build time = scheduled. */
  publishedAt: timestamp,
  /** Last substantive update; never before `publishedAt`. */
  updatedAt: timestamp.optional(),
  /** One or more ids of `content/authors/<id>.yaml`. */
  authors: z.array(reference('authors')).min(1, 'at least one author is required'),
  /** Id of `content/sections/<id>.yaml`. */
  section: reference('sections'),
  /** Free keywords, shown on the page and in feeds. YAML numbers (`911`) count as text. */
  tags: z
    .array(
      z
        .union([z.string(), z.number()])
        .transform((tag) => String(tag).trim())
        .pipe(z.string().min(1, 'a tag cannot be empty')),
    )
    .default([]),
  /** Edition the article belongs to. */
  lang,
  /** Pin as the lead story of its edition's front page. */
  featured: z.boolean().default(false),
  /**
   * Front-page priority (issue 11): a whole number, 0 unless given.
   * Every block of a front takes and orders its stories by priority,
   * higher first, then newest; a negative one sends a story down.
   */
  priority: z.number().int('priority must be a whole number').default(0),
  /** Work in progress: never published while true. */
  draft: z.boolean().default(false),
  /**
   * Id of the article this one translates (its path under
   * content/articles without `.md`, e.g. `2024/north-korea-russia-treaty`).
   * The original and its translations, one per edition, link to each other.
   */
  translationOf: z.string().trim().min(1).optional(),
  /**
   * Paths this article was published at before (a renamed slug, a
   * changed date): each keeps working as a redirect to the current URL.
   */
  previousUrls: z
    .array(z.string().regex(/^\/[^\s?#]*\/$/, 'write a site path such as /en/2024/11/11/old-slug/'))
    .default([]),
  /** Published corrections, oldest first: what was wrong and when it was fixed. */
  corrections: z
    .array(
      z
        .object({
          /** When the correction was made, with UTC offset. */
          date: timestamp,
          /** The correction as readers see it. */
          text: z.string().trim().min(1, 'a correction needs its text'),
        })
        .strict(),
    )
    .default([]),
  /**
   * What the article is (src/lib/article-kinds.ts): `news` (the
   * default), `analysis`, `opinion` or `live` coverage. It decides the
   * label on the page, cards and feeds, the layout's pieces and the
   * structured data type.
   */
  kind: z.enum(ARTICLE_KINDS).default('news'),
  /**
   * Live coverage's updates (only with `kind: live`), in any order:
   * each has its time (`date`, with UTC offset), an optional author id
   * and its `text` in Markdown. Pages show them newest first.
   */
  updates: z
    .array(
      z
        .object({
          /** When the update was posted, with UTC offset. */
          date: timestamp,
          /** Id of `content/authors/<id>.yaml`, when the update is signed. */
          author: z.string().trim().min(1).optional(),
          /** The update, in Markdown. */
          text: z.string().trim().min(1, 'an update needs its text'),
        })
        .strict(),
    )
    .default([]),
  /** When live coverage ended (only with `kind: live`); absent while it runs. */
  coverageEndedAt: timestamp.optional(),
};

/** A hero photo's fields, but the image. */
const heroFields = {
  /** Describes the photo for people who cannot see it. */
  alt: z.string().trim().min(1, 'alt text is required when there is a hero image'),
  /** What the photo shows, printed under it. */
  caption: z.string().trim().min(1).optional(),
  /** Photographer or agency ("AFP"). */
  credit: z.string().trim().min(1).optional(),
  // Issue 15: photo rights; each is read from the photo's IPTC/XMP when left out.
  /** Copyright notice ("© 2026 Voz Media"). */
  copyright: z.string().trim().min(1).optional(),
  /** The photographer's name. */
  creator: z.string().trim().min(1).optional(),
};

type ArticleFields = z.output<z.ZodObject<typeof articleFields>>;

/** Rules across an article's fields, checked once the fields parse. */
const articleChecks = [
  z.refine<ArticleFields>((data) => data.kind === 'live' || data.updates.length === 0, {
    message: 'only live coverage (kind: live) has updates',
    path: ['updates'],
  }),
  z.refine<ArticleFields>((data) => data.kind === 'live' || data.coverageEndedAt === undefined, {
    message: 'only live coverage (kind: live) ends',
    path: ['coverageEndedAt'],
  }),
  z.refine<ArticleFields>((data) => data.updates.every((u) => u.date >= data.publishedAt), {
    message: 'an update cannot be dated before publishedAt',
    path: ['updates'],
  }),
  z.refine<ArticleFields>(
    (data) => new Set(data.updates.map((u) => u.date.getTime())).size === data.updates.length,
    { message: 'two updates have the same time; each needs its own', path: ['updates'] },
  ),
  z.refine<ArticleFields>(
    (data) => !data.coverageEndedAt || data.coverageEndedAt >= data.publishedAt,
    {
      message: 'coverageEndedAt must not be before publishedAt',
      path: ['coverageEndedAt'],
    },
  ),
  z.refine<ArticleFields>((data) => !data.updatedAt || data.updatedAt >= data.publishedAt, {
    message: 'updatedAt must not be before publishedAt',
    path: ['updatedAt'],
  }),
  z.refine<ArticleFields>((data) => data.corrections.every((c) => c.date >= data.publishedAt), {
    message: 'a correction cannot be dated before publishedAt',
    path: ['corrections'],
  }),
];

const articles = defineCollection({
  // The Markdown source is checked as each file loads and is not needed
  // after rendering; keeping it would double the data store held in memory.
  // Photos are decoded once the file rules have passed (see rules/image-rules.ts).
  // Rendered bodies are kept in files beside the store, not in it
  // (lib/body-files.ts): a build holds only the archive's metadata.
  loader: bodiesOnDisk(
    // Issue 15: credit, copyright and creator read from the photo where the frontmatter has none.
    withPhotoRights(
      withPhotoRules(
        checked(
          // Only files changed since the previous build are read (lib/trusted-stamps.ts).
          trustedStamps(
            {
              pattern: '**/*.md',
              base: './content/articles',
              // A scheduled story whose time came is parsed again.
              stale: (entry) => publicationChanged(entry, getBuildTime()),
            },
            (pattern) => glob({ pattern, base: './content/articles', retainBody: false }),
          ),
          (probe) => {
            const index = contentIndex(probe);
            return {
              folder: contentFolderProblems(probe, 'articles'),
              entry: (input) => articleSourceProblems({ ...input, index, probe }),
              // Drafts may hold work in progress; anything that can be published is sanitised.
              rendered: (file, html, data) =>
                data['draft'] === true
                  ? []
                  : [...bodyHtmlProblems(file, html), ...liveUpdateProblems(file, data)],
            };
          },
        ),
      ),
    ),
  ),
  // Astro calls a schema function once per entry (for `image()`, which
  // resolves a path against the entry's file): only the hero's image is made
  // per entry; the fields and checks are made once (making them for every
  // entry took 0.3 ms each, 3 s of a cold 10,000-article build).
  schema: ({ image }) =>
    z
      .object({
        ...articleFields,
        /** The lead photo, a file beside the article. */
        hero: z
          .object({
            /** Path relative to the Markdown file. */
            image: image(),
            ...heroFields,
          })
          .strict()
          .optional(),
      })
      .strict()
      .check(...articleChecks),
});

const authors = defineCollection({
  loader: checked(glob({ pattern: '*.yaml', base: './content/authors' }), (probe) => ({
    folder: contentFolderProblems(probe, 'authors'),
    entry: ({ file, data }) => authorProblems(file, data, probe),
  })),
  schema: ({ image }) =>
    z
      .object({
        /** Full name as printed in bylines. */
        name: z.string().trim().min(1),
        /** Job title per edition (`role: { es: Reportera, en: Reporter }`). */
        role: perLanguageText,
        /** Short biography for the author page, per edition. */
        bio: perLanguageText,
        /** Portrait, a file beside the YAML. */
        avatar: image().optional(),
        /** Profiles elsewhere (X, LinkedIn, email as mailto:). */
        links: z
          .array(z.object({ label: z.string().trim().min(1), url: z.url() }).strict())
          .default([]),
        // Issue 15: authors on social networks.
        /** Fediverse handle (`@user@server.tld`): articles name it in `fediverse:creator`. */
        fediverse: z
          .string()
          .trim()
          .regex(FEDIVERSE_HANDLE, 'a fediverse handle is written @user@server.tld')
          .optional(),
      })
      .strict(),
});

const sections = defineCollection({
  loader: checked(glob({ pattern: '*.yaml', base: './content/sections' }), (probe) => ({
    folder: contentFolderProblems(probe, 'sections'),
    entry: ({ file, data }) => sectionProblems(file, data),
  })),
  schema: z
    .object({
      /** Section name in each edition's language. */
      name: z.object(
        Object.fromEntries(LANGS.map((l) => [l, z.string().trim().min(1)])) as Record<
          (typeof LANGS)[number],
          z.ZodString
        >,
      ),
      /** Position in the navigation, lowest first. */
      order: z.number().int(),
      /**
       * URL segment per language (`path: { es: mundo }` gives `/es/mundo/`);
       * the file's id where not given. (Not `slug`: Astro's loader takes a
       * `slug` field as the entry id.)
       */
      path: z
        .object(
          Object.fromEntries(
            LANGS.map((l) => [
              l,
              z
                .string()
                .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens')
                .optional(),
            ]),
          ) as Record<(typeof LANGS)[number], z.ZodOptional<z.ZodString>>,
        )
        .strict()
        .optional(),
    })
    .strict(),
});

/**
 * The newsroom's pages about itself (issue 11): `content/pages/<lang>/<slug>.md`,
 * published at `/<lang>/<slug>/` (src/lib/newsroom-pages.ts). The folder may
 * be missing: a newsroom without such pages still builds.
 */
const pages = defineCollection({
  loader: checked(glob({ pattern: '**/*.md', base: './content/pages' }), () => ({
    folder: [],
    entry: ({ file, data }) => textFieldProblems(file, data),
    rendered: (file, html) => bodyHtmlProblems(file, html),
  })),
  schema: z
    .object({
      /** The page's heading and title. */
      title: z.string().trim().min(1, 'a title is required'),
      /** One sentence for search results (the meta description). */
      description: z.string().trim().min(1, 'a description is required'),
      /**
       * What the page is for: `about` (who we are, the masthead), `contact`,
       * `corrections-policy`, `ethics-policy` or `privacy-policy`. The footer
       * links pages in this order and structured data names them.
       */
      role: z.enum(PAGE_ROLES),
      /** Last substantive change, with UTC offset. */
      updatedAt: timestamp.optional(),
    })
    .strict(),
});

// A build started ahead by `npm run publish:watch` waits here until a change
// is saved, so its loaders read content/ as saved (src/lib/publish-gate.ts).
export const collections = afterPublishGate({ articles, authors, sections, pages });
