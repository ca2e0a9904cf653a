// The manifest of a published folder (issue 15): every file with the
// SHA-256 of its bytes, written by scripts/build.mjs after it updates the
// live folder, and read by scripts/notify.ts to work out what changed since
// the last deploy. It lives beside the build's state in .cache/site/, not in
// dist/: it lists only files that are in dist/ and so public anyway (an
// unpublished story has no file there), but it is build state that changes
// with every build and no reader needs it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonWhole, type FileStamp, type Listing } from './work-folder.ts';

/** A file's stamp, as the listing gives it, and the digest of its bytes. */
export interface ManifestEntry extends FileStamp {
  sha256: string;
}

/** Every file of a published folder, by path relative to it (with `/`). */
export interface Manifest {
  version: 1;
  files: Record<string, ManifestEntry>;
}

/** Where the manifest of an output folder is kept: `.cache/site/<name>.manifest.json`. */
export function manifestFile(cacheRoot: string, outName: string): string {
  return join(cacheRoot, 'site', `${outName.replace(/^\./, '')}.manifest.json`);
}

/** A manifest read from disk, or `null` when there is none or it is not one. */
export function readManifest(file: string): Manifest | null {
  if (!existsSync(file)) return null;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
    return data.version === 1 && data.files && typeof data.files === 'object'
      ? (data as Manifest)
      : null;
  } catch {
    return null;
  }
}

/**
 * The manifest of the folder `root` listed as `listing`. A file whose size
 * and modification time equal those in `previous` keeps its digest, so a
 * rebuild reads only the files it wrote (every write changes the time).
 * `read` is the only access to file contents (tests count it).
 */
export function buildManifest(
  root: string,
  listing: Listing,
  previous: Manifest | null,
  read: (path: string) => Buffer = readFileSync,
): Manifest {
  const files: Record<string, ManifestEntry> = {};
  for (const path of [...listing.keys()].sort()) {
    const stamp = listing.get(path);
    if (!stamp) continue;
    const before = previous?.files[path];
    const sha256 =
      before && before.size === stamp.size && before.mtimeMs === stamp.mtimeMs
        ? before.sha256
        : createHash('sha256')
            .update(read(join(root, path)))
            .digest('hex');
    files[path] = { size: stamp.size, mtimeMs: stamp.mtimeMs, sha256 };
  }
  return { version: 1, files };
}

/** Writes a manifest whole (beside its place, then renamed over it). */
export function writeManifest(file: string, manifest: Manifest): void {
  writeJsonWhole(file, manifest);
}
