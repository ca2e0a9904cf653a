import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  BUILD_ONLY_FOLDER,
  pathKeysFile,
  removeWithEmptyFolders,
  writeJsonWhole,
} from '../../scripts/work-folder';
import { setRelatedStore, type RelatedStore } from '../lib/related-memo';
import {
  choosePaths,
  keptPathsMessage,
  outputFileOf,
  pageNameOf,
  parsePathKeys,
  pathKeysText,
  type ListedPath,
} from '../lib/kept-paths';
import { expandKeptPaths, setKeptPathFilter, type RouteEntries } from '../lib/paths-to-render';
import type { TrailingSlash } from '../lib/route-pathname';
import { outputCacheFile, readText } from './built-files';
import type { Prerenderer } from './prerenderer-chain';

/**
 * Set by scripts/build.mjs when it builds into the output folder it kept
 * from the previous build (its work folder), so that Astro writes only the
 * pages whose cache key changed and leaves the others where they are,
 * instead of emptying the folder and copying 25,000 files back.
 */
export const KEEP_OUTPUT_ENV = 'VOZ_KEEP_OUTPUT';

/**
 * The files a build no longer writes, given the files the previous build
 * of the same folder wrote: what is left of a story that was unpublished
 * or a tag that lost its last story.
 */
export function vanishedOutputs(
  previous: readonly string[],
  current: ReadonlySet<string>,
): string[] {
  return previous.filter((file) => !current.has(file));
}

/**
 * Whether the previous build's route files (`previous`, no file twice, as
 * this integration writes them) are this build's (`current`), given those
 * of them this build no longer has (vanishedOutputs).
 */
export function sameOutputs(
  previous: readonly string[],
  vanished: readonly string[],
  current: ReadonlySet<string>,
): boolean {
  return vanished.length === 0 && previous.length === current.size;
}

/**
 * Every path of the build, kept or rendered, as the prerenderer listed
 * them: what `astro:build:done` hooks need of the whole site when Astro
 * itself saw only the paths that were rendered.
 */
export class ListedPaths {
  private paths: readonly ListedPath[] | undefined;
  private rendered: readonly ListedPath[] | undefined;
  private previous: ReadonlyMap<string, string> | undefined;
  /** The files of `paths`, in their order, once asked for. */
  private outputs: string[] | undefined;

  /** Every path of the build, and those of them Astro renders (the others are kept). */
  set(paths: readonly ListedPath[], rendered?: readonly ListedPath[]): void {
    this.paths = paths;
    this.rendered = rendered;
    this.outputs = undefined;
  }

  reset(): void {
    this.paths = undefined;
    this.rendered = undefined;
    this.previous = undefined;
    this.outputs = undefined;
  }

  /** The keys the kept folder's files were built with (set at `astro:build:start`). */
  setPreviousKeys(keys: ReadonlyMap<string, string> | undefined): void {
    this.previous = keys;
  }

  /** The keys of the kept folder's files, by path; undefined when the folder starts empty. */
  previousKeys(): ReadonlyMap<string, string> | undefined {
    return this.previous;
  }

  /** The site's pages as `astro:build:done` names them, or undefined when every path was rendered. */
  pages(): { pathname: string }[] | undefined {
    return this.paths
      ?.filter((path) => path.route.type === 'page')
      .map((path) => ({ pathname: pageNameOf(path.pathname) }));
  }

  /** The files of every listed path, relative to the output folder (made once per build). */
  files(): readonly string[] {
    this.outputs ??= (this.paths ?? []).map((path) => outputFileOf(path.pathname, path.route.type));
    return this.outputs;
  }

  /** The files of the paths this build rendered; undefined when it did not say. */
  renderedFiles(): string[] | undefined {
    return this.rendered?.map((path) => outputFileOf(path.pathname, path.route.type));
  }

  /**
   * The files of the paths this build kept as the previous build wrote
   * them (listed, not rendered), relative to the output folder; undefined
   * when the build did not say which it rendered.
   */
  keptFiles(): Set<string> | undefined {
    if (this.paths === undefined || this.rendered === undefined) return undefined;
    const rendered = new Set(this.rendered.map((path) => path.pathname));
    const files = this.files();
    const kept = new Set<string>();
    this.paths.forEach((path, i) => {
      if (!rendered.has(path.pathname)) kept.add(files[i] as string);
    });
    return kept;
  }
}

/**
 * Keeping the output folder between builds (see KEEP_OUTPUT_ENV): turns off
 * the emptying of the folder, renders only the paths whose cache key
 * changed since their file was built (src/lib/kept-paths.ts; the keys are
 * kept beside the folder, and scripts/build.mjs deletes them with it),
 * and after the build deletes every file of a page or endpoint that this
 * build no longer has, so the kept folder holds exactly what a build into
 * an empty folder would. Images no page uses are deleted by
 * prune-unreferenced-assets; code and public files change only with the
 * code, and scripts/build.mjs starts from an empty folder then.
 *
 * Its prerenderer must be the innermost (first in chainPrerenderers), and
 * its `astro:build:done` hook runs first, before the sitemap reads the
 * folder.
 */
export function keptOutput(listed: ListedPaths = new ListedPaths()): AstroIntegration {
  let root = '';
  let trailingSlash: TrailingSlash = 'ignore';
  let stateFile = '';
  let keysFile = '';
  let keys: Map<string, string> | undefined;
  // Whether this build went on from the files of the previous one.
  let kept = false;
  const keep = process.env[KEEP_OUTPUT_ENV] === '1';
  return {
    name: 'kept-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        if (keep) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.outDir);
        trailingSlash = config.trailingSlash;
        stateFile = outputCacheFile(config, 'route-outputs');
        keysFile = pathKeysFile(root);
        // Left by Astro's own incremental build, which this replaced: a copy
        // of every page of the site, no longer read or written.
        for (const name of ['dist', 'incremental-build.json']) {
          const stale = fileURLToPath(new URL(name, config.cacheDir));
          if (existsSync(stale)) rmSync(stale, { recursive: true, force: true });
        }
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        listed.reset();
        keys = undefined;
        kept = false;
        setKeptPathFilter(undefined);
        // Related stories are kept for the next build in the folder's
        // build-only part, emptied with the folder (src/lib/related-memo.ts).
        setRelatedStore(
          keep ? relatedFileStore(join(root, BUILD_ONLY_FOLDER, 'related')) : undefined,
        );
        if (!keep) return;
        // Read after the content sync (and a build started ahead, after its
        // gate), when scripts/build.mjs has decided whether the folder is kept.
        kept = folderHasFiles(root);
        const previous = kept ? parsePathKeys(readText(keysFile)) : undefined;
        listed.setPreviousKeys(previous);
        // The routes with many paths leave the kept ones out before Astro
        // lists them (pathsToRender); the prerenderer puts them back.
        const routes = new Map<string, RouteEntries>();
        setKeptPathFilter(previous && { previous, trailingSlash, routes });
        setPrerenderer((base) =>
          keptPathsOnly(
            base,
            previous,
            (all, choice) => {
              listed.set(all, choice.render);
              keys = choice.keys;
              logger.info(keptPathsMessage(choice.kept, all.length));
            },
            routes,
          ),
        );
      },
      'astro:build:done': async ({ assets, logger }) => {
        setRelatedStore(undefined);
        setKeptPathFilter(undefined);
        // Every file a prerendered route wrote, or kept from the previous build.
        const current = new Set<string>(listed.files());
        for (const urls of assets.values()) {
          for (const url of urls) current.add(relative(root, fileURLToPath(url)));
        }
        const previous = await readList(stateFile);
        const gone = vanishedOutputs(previous, current);
        // Into a folder that started empty, nothing of an earlier build is left.
        const vanished = kept ? gone : [];
        for (const file of vanished) removeWithEmptyFolders(root, file);
        // Written again only when the set changed: an edit leaves it as it
        // was, and sorting and writing every route's file (183,000 at 50,000
        // articles) cost a publish about 0.3 s for nothing.
        if (!sameOutputs(previous, gone, current)) {
          await mkdir(dirname(stateFile), { recursive: true });
          await writeFile(stateFile, JSON.stringify([...current].sort()));
        }
        if (keys) await writeFile(keysFile, pathKeysText(keys));
        if (vanished.length > 0) {
          logger.info(`removed ${vanished.length} file(s) of pages this build no longer has`);
        }
      },
    },
  };
}

/**
 * A prerenderer that lists only the paths to render (choosePaths) and
 * tells `listed` about all of them.
 */
export function keptPathsOnly(
  base: Prerenderer,
  previous: ReadonlyMap<string, string> | undefined,
  listed: (all: ListedPath[], choice: ReturnType<typeof choosePaths<ListedPath>>) => void,
  /** The entries the routes left out before Astro listed them (pathsToRender), by route. */
  filtered: ReadonlyMap<string, RouteEntries> = new Map(),
): Prerenderer {
  return {
    ...base,
    name: `${base.name}+kept-paths`,
    getStaticPaths: async () => {
      const all = expandKeptPaths(await base.getStaticPaths(), filtered);
      const choice = choosePaths(all, previous);
      listed(all, choice);
      return choice.render;
    },
  };
}

/** Whether `folder` exists and has anything in it. */
export function folderHasFiles(folder: string): boolean {
  try {
    return readdirSync(folder).length > 0;
  } catch {
    return false;
  }
}

async function readList(file: string): Promise<string[]> {
  try {
    const list: unknown = JSON.parse(await readFile(file, 'utf8'));
    return Array.isArray(list)
      ? list.filter((item): item is string => typeof item === 'string')
      : [];
  } catch {
    return [];
  }
}

/**
 * A store of one JSON file per edition in `folder` (the work folder's
 * build-only folder, which a code change empties with the rest of it).
 * A file that cannot be read is no memo; each is written whole
 * (writeJsonWhole), so a build stopped halfway leaves the previous memo
 * or the new one.
 */
export function relatedFileStore(folder: string): RelatedStore {
  const file = (lang: string) => join(folder, `${lang}.json`);
  return {
    read(lang) {
      try {
        return JSON.parse(readFileSync(file(lang), 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
    write: (lang, memo) => writeJsonWhole(file(lang), memo),
  };
}
