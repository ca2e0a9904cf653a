import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under `dir`, depth first. */
export async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Files read at once: enough to keep the file system busy while the last ones are parsed. */
const READS_IN_FLIGHT = 32;

/**
 * Reads every file under `root` whose path passes `wanted`, several at a
 * time, and hands each text to `use`. Build hooks that look at the whole
 * output (the sitemap, unused images) read tens of thousands of pages; one
 * read at a time left the CPU idle between them.
 */
export async function readBuiltFiles(
  root: string,
  wanted: (path: string) => boolean,
  use: (path: string, text: string) => void,
): Promise<void> {
  const pending = new Set<Promise<void>>();
  for await (const path of walk(root)) {
    if (!wanted(path)) continue;
    const read = readFile(path, 'utf8').then((text) => {
      pending.delete(read);
      use(path, text);
    });
    pending.add(read);
    if (pending.size >= READS_IN_FLIGHT) await Promise.race(pending);
  }
  await Promise.all(pending);
}
