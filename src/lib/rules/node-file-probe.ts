import { closeSync, lstatSync, openSync, readSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FileKind, FileProbe } from './file-reference-rules';

/**
 * A {@link FileProbe} over the project folder `root` on disk. Folder
 * listings are read once per probe (one probe per collection load), since
 * several rules need the same 10,000-file listing.
 */
export function nodeFileProbe(root: string): FileProbe {
  const listings = new Map<string, string[]>();
  return {
    kind(path: string): FileKind {
      try {
        const stat = lstatSync(join(root, path));
        if (stat.isSymbolicLink()) return 'symlink';
        return stat.isDirectory() ? 'directory' : 'file';
      } catch {
        return 'missing';
      }
    },
    head(path: string, bytes: number): Uint8Array {
      const buffer = new Uint8Array(bytes);
      const fd = openSync(join(root, path), 'r');
      try {
        const read = readSync(fd, buffer, 0, bytes, 0);
        return buffer.subarray(0, read);
      } finally {
        closeSync(fd);
      }
    },
    list(folder: string): string[] {
      const known = listings.get(folder);
      if (known) return known;
      let files: string[] = [];
      try {
        files = readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
          .filter((entry) => !entry.isDirectory())
          .map((entry) =>
            join(entry.parentPath, entry.name)
              .slice(join(root, folder).length + 1)
              .split('\\')
              .join('/'),
          );
      } catch {
        // No such folder: nothing in it.
      }
      listings.set(folder, files);
      return files;
    },
  };
}
