import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Files of the installed Astro package, for the integrations that replace
 * or patch one of its internals (data-store-from-disk, store-sets-if-changed)
 * and for their tests, which read Astro's own source to fail, naming what
 * moved, when an upgrade changes what they rely on.
 */

const require = createRequire(import.meta.url);
const ASTRO_ROOT = dirname(require.resolve('astro/package.json'));

/** The path of a file of the installed Astro, by its path inside the package (`dist/content/…`). */
export function installedAstroFile(path: string): string {
  return join(ASTRO_ROOT, path);
}

/** The text of a file of the installed Astro, by its path inside the package. */
export function installedAstroSource(path: string): string {
  return readFileSync(installedAstroFile(path), 'utf8');
}

/**
 * An export of a module of the installed Astro, the module instance Astro's
 * own code uses: loaded by Node (`require` of an ES module), not by the
 * Vite module runner that loads the config and its integrations. Throws,
 * naming the integration to remove, when the export is not there.
 */
export function installedAstroExport<T>(path: string, name: string, integration: string): T {
  const file = installedAstroFile(path);
  const module = require(file) as Record<string, unknown>;
  const value = module[name];
  if (value === undefined) {
    throw new Error(
      `${integration}: no ${name} in ${file}; a different Astro version may have moved it. ` +
        `Remove ${configName(integration)}() from astro.config.mjs.`,
    );
  }
  return value as T;
}

/**
 * Replaces `method` of a prototype of the installed Astro with
 * `replace(original)`, once however often it is asked (a build's hooks run
 * again in `astro dev`); `marker` records that it was. Throws, naming the
 * integration, when the method is not there.
 */
export function patchAstroMethod<P extends object, K extends keyof P & string>(
  prototype: P,
  method: K,
  { marker, owner, integration }: { marker: symbol; owner: string; integration: string },
  replace: (original: P[K]) => P[K],
): void {
  const marked = prototype as Record<symbol, unknown>;
  if (marked[marker] === true) return;
  const original = prototype[method];
  if (typeof original !== 'function') {
    throw new Error(
      `${integration}: Astro's ${owner} has no ${method} method; a different Astro version may ` +
        `have changed it. Remove ${configName(integration)}() from astro.config.mjs.`,
    );
  }
  prototype[method] = replace(original);
  marked[marker] = true;
}

/** An integration's function name in astro.config.mjs: `store-written-last` → `storeWrittenLast`. */
function configName(integration: string): string {
  return integration.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}
