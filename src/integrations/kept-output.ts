import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { removeWithEmptyFolders } from '../../scripts/work-folder';
import { outputCacheFile, SITEMAP_PART } from './built-files';

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
 * Keeping the output folder between builds (see KEEP_OUTPUT_ENV): turns off
 * the emptying of the folder, and after the build deletes every file of a
 * page or endpoint that this build no longer has, so the kept folder holds
 * exactly what a build into an empty folder would. Images no page uses are
 * deleted by prune-unreferenced-assets; code and public files change only
 * with the code, and scripts/build.mjs starts from an empty folder then.
 *
 * Runs its `astro:build:done` hook first, before the sitemap reads the
 * folder.
 */
export function keptOutput(): AstroIntegration {
  let root = '';
  let stateFile = '';
  const keep = process.env[KEEP_OUTPUT_ENV] === '1';
  return {
    name: 'kept-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        if (keep) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.outDir);
        stateFile = outputCacheFile(config, 'route-outputs');
      },
      'astro:build:done': async ({ assets, logger }) => {
        // Every file a prerendered route wrote or kept in this build.
        const current = new Set<string>();
        for (const urls of assets.values()) {
          for (const url of urls) current.add(relative(root, fileURLToPath(url)));
        }
        const previous = await readList(stateFile);
        const vanished = keep ? vanishedOutputs(previous, current) : [];
        for (const file of vanished) removeWithEmptyFolders(root, file);
        if (keep) {
          // The sitemap integration writes its parts again right after this
          // hook; a site that shrank below a part must not keep the last one.
          for (const name of await readdir(root).catch(() => [] as string[])) {
            if (SITEMAP_PART.test(name)) await rm(join(root, name), { force: true });
          }
        }
        await mkdir(dirname(stateFile), { recursive: true });
        await writeFile(stateFile, JSON.stringify([...current].sort()));
        if (vanished.length > 0) {
          logger.info(`removed ${vanished.length} file(s) of pages this build no longer has`);
        }
      },
    },
  };
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
