import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readText } from './built-files';

type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;
type BuildDoneParams = Parameters<BuildDone>[0];

/**
 * What a sitemap was made from, and the files it was written to: kept
 * between builds so that a build whose sitemap would come out the same
 * leaves the files as they are.
 */
export interface SitemapRecord {
  version: 1;
  /** The digest of everything the sitemap is made from (`inputs`). */
  inputs: string;
  /** The files written, with their size and time once written. */
  files: [name: string, size: number, mtimeMs: number][];
}

/** A file's size and time, or undefined when it is gone. */
export type StampOf = (name: string) => { size: number; mtimeMs: number } | undefined;

/**
 * Whether the files `record` names are still the sitemap for `inputs`: it
 * was made from the same inputs, and every file it wrote is there, as it
 * was written (same size and time: nothing wrote or removed it since).
 */
export function sitemapStillHolds(
  record: SitemapRecord | undefined,
  inputs: string,
  stampOf: StampOf,
): boolean {
  if (record === undefined || record.inputs !== inputs || record.files.length === 0) return false;
  return record.files.every(([name, size, mtimeMs]) => {
    const stamp = stampOf(name);
    return stamp !== undefined && stamp.size === size && stamp.mtimeMs === mtimeMs;
  });
}

/** A record written by `keptWhenUnchanged`, or undefined when there is none or it is not one. */
export function readSitemapRecord(text: string | null): SitemapRecord | undefined {
  if (text === null) return undefined;
  try {
    const data = JSON.parse(text) as Partial<SitemapRecord>;
    if (data.version !== 1 || typeof data.inputs !== 'string' || !Array.isArray(data.files)) {
      return undefined;
    }
    const wellFormed = data.files.every(
      (row) =>
        Array.isArray(row) &&
        typeof row[0] === 'string' &&
        typeof row[1] === 'number' &&
        typeof row[2] === 'number',
    );
    return wellFormed ? (data as SitemapRecord) : undefined;
  } catch {
    return undefined;
  }
}

const stampIn =
  (dir: string): StampOf =>
  (name) => {
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    return stat?.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
  };

/**
 * Wraps @astrojs/sitemap so that a build whose sitemap would be the same
 * as the previous build's does not write it again. @astrojs/sitemap makes
 * and writes every URL of the site on every build: at 10,000 articles
 * that was about half a second of each publish (its sort, with a collator
 * per comparison, and the XML streams), at 50,000 several seconds, for the
 * same bytes whenever no page was added or removed and no page's head
 * (its alternates, dates, lead photo, noindex) changed: an edited story,
 * a correction.
 *
 * `inputs(pages)` digests everything the sitemap is made from that can
 * change between two builds of the same code (the pages it is handed and
 * each page's head); the code and config cannot, as a code change starts
 * the work folder afresh (scripts/build.mjs). The sitemap is written as
 * before when the digest differs, when there is no record of the last
 * one, or when any file it wrote is gone or changed since. Before it is
 * written, the record and every file `files` matches in the output folder
 * (the names the sitemap writes) are removed: a build that fails midway
 * leaves no record, and a site that shrank below a sitemap part does not
 * keep the last one.
 */
export function keptWhenUnchanged(
  integration: AstroIntegration,
  options: {
    inputs: (pages: BuildDoneParams['pages']) => string;
    files: RegExp;
    /** The record's file, once the config is known. */
    recordFile: (
      config: Parameters<NonNullable<AstroIntegration['hooks']['astro:config:done']>>[0]['config'],
    ) => string;
  },
): AstroIntegration {
  const done = integration.hooks['astro:build:done'];
  if (!done) return integration;
  const configDone = integration.hooks['astro:config:done'];
  let recordFile = '';
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:config:done': async (params) => {
        recordFile = options.recordFile(params.config);
        await configDone?.(params);
      },
      'astro:build:done': async (params) => {
        const dir = fileURLToPath(params.dir);
        const inputs = options.inputs(params.pages);
        const record = readSitemapRecord(readText(recordFile));
        if (sitemapStillHolds(record, inputs, stampIn(dir))) {
          params.logger.info('sitemap unchanged: its files are kept as they are');
          return;
        }
        rmSync(recordFile, { force: true });
        // Written whole again: a site that shrank below a part must not keep the last one.
        for (const name of readdirSync(dir).filter((entry) => options.files.test(entry))) {
          rmSync(join(dir, name), { force: true });
        }
        await done(params);
        const stampOf = stampIn(dir);
        const files: SitemapRecord['files'] = [];
        for (const name of readdirSync(dir)
          .filter((entry) => options.files.test(entry))
          .sort()) {
          const stamp = stampOf(name);
          if (stamp) files.push([name, stamp.size, stamp.mtimeMs]);
        }
        const next: SitemapRecord = { version: 1, inputs, files };
        mkdirSync(dirname(recordFile), { recursive: true });
        writeFileSync(recordFile, JSON.stringify(next));
      },
    },
  };
}
