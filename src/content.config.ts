import { defineCollection, reference } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { existsSync } from 'node:fs';
import { checkArticleSource } from './lib/article-source';
import { bodyOf } from './lib/frontmatter-dates';
import { getBuildTime } from './lib/build-time';
import {
  checkedHero,
  publicationAwareDigest,
  withoutUnpublishedAssets,
} from './lib/rules/image-rules';
import { z } from 'astro/zod';
import { LANGS } from './site';

/**
 * A timestamp in ISO 8601 with a UTC offset (`2024-11-12T09:30:00-06:00`).
 * YAML turns unquoted timestamps into dates before we see them; quoted ones
 * arrive as strings and must carry an explicit offset (`Z` or `±hh:mm`).
 */
const timestamp = z.union([
  z.date(),
  z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
      'must be ISO 8601 with a UTC offset, for example 2024-11-12T09:30:00-06:00',
    )
    .transform((value, ctx) => {
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: `"${value}" is not a real date` });
        return z.NEVER;
      }
      return date;
    }),
]);

const lang = z.enum(LANGS);

/**
 * Wraps a loader so each article file's own text is checked before the
 * schema runs (see lib/article-source.ts): the schema cannot tell an
 * offset-less YAML timestamp from a UTC one, nor see whether files exist.
 */
function checkedArticles(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        generateDigest: publicationAwareDigest(context.generateDigest, getBuildTime()),
        store: withoutUnpublishedAssets(context.store, getBuildTime()),
        parseData: async (props) => {
          if (props.filePath) {
            const source = await readFile(props.filePath, 'utf8');
            checkArticleSource({
              file: relative(process.cwd(), props.filePath),
              source,
              data: props.data,
              body: bodyOf(source),
              exists: (path) => existsSync(path),
            });
          }
          return context.parseData(
            await checkedHero(props, { root: process.cwd(), now: getBuildTime() }),
          );
        },
      }),
  };
}

const articles = defineCollection({
  // The Markdown source is checked as each file loads and is not needed
  // after rendering; keeping it would double the data store held in memory.
  loader: checkedArticles(
    glob({ pattern: '**/*.md', base: './content/articles', retainBody: false }),
  ),
  schema: ({ image }) =>
    z
      .object({
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
        /** The lead photo, a file beside the article. */
        hero: z
          .object({
            /** Path relative to the Markdown file. */
            image: image(),
            /** Describes the photo for people who cannot see it. */
            alt: z.string().trim().min(1, 'alt text is required when there is a hero image'),
            /** What the photo shows, printed under it. */
            caption: z.string().trim().min(1).optional(),
            /** Photographer or agency ("AFP"). */
            credit: z.string().trim().min(1).optional(),
          })
          .strict()
          .optional(),
        /** Work in progress: never published while true. */
        draft: z.boolean().default(false),
        /**
         * Id of the article this one translates (its path under
         * content/articles without `.md`, e.g. `2024/north-korea-russia-treaty`).
         * Both pages then link to each other.
         */
        translationOf: z.string().trim().min(1).optional(),
        /**
         * Paths this article was published at before (a renamed slug, a
         * changed date): each keeps working as a redirect to the current URL.
         */
        previousUrls: z
          .array(
            z
              .string()
              .regex(/^\/[^\s?#]*\/$/, 'write a site path such as /en/2024/11/11/old-slug/'),
          )
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
      })
      .strict()
      .refine((data) => !data.updatedAt || data.updatedAt >= data.publishedAt, {
        message: 'updatedAt must not be before publishedAt',
        path: ['updatedAt'],
      })
      .refine((data) => data.corrections.every((c) => c.date >= data.publishedAt), {
        message: 'a correction cannot be dated before publishedAt',
        path: ['corrections'],
      }),
});

const authors = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/authors' }),
  schema: ({ image }) =>
    z
      .object({
        /** Full name as printed in bylines. */
        name: z.string().trim().min(1),
        /** Job title ("Reporter", "Staff"). */
        role: z.string().trim().min(1),
        /** Short biography for the author page. */
        bio: z.string().trim().min(1),
        /** Portrait, a file beside the YAML. */
        avatar: image().optional(),
        /** Profiles elsewhere (X, LinkedIn, email as mailto:). */
        links: z
          .array(z.object({ label: z.string().trim().min(1), url: z.url() }).strict())
          .default([]),
      })
      .strict(),
});

const sections = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/sections' }),
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

export const collections = { articles, authors, sections };
