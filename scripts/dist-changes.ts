// Compares two digests of an output folder (path → SHA-256, as
// scripts/project-copy.mjs `fileDigests` makes them), for the check that
// `npm test` leaves dist/ exactly as `npm run build` made it
// (scripts/dist-unchanged.mjs).

/** A file that differs between two digests of a folder. */
export interface DistChange {
  file: string;
  change: 'added' | 'removed' | 'modified';
}

/**
 * Every file added, removed or modified between `before` and `after`,
 * sorted by path. `undefined` stands for a folder that did not exist.
 */
export function distChanges(
  before: ReadonlyMap<string, string> | undefined,
  after: ReadonlyMap<string, string> | undefined,
): DistChange[] {
  const was = before ?? new Map<string, string>();
  const now = after ?? new Map<string, string>();
  const files = [...new Set([...was.keys(), ...now.keys()])].sort();
  return files.flatMap((file): DistChange[] => {
    const a = was.get(file);
    const b = now.get(file);
    if (a === b) return [];
    if (a === undefined) return [{ file, change: 'added' }];
    if (b === undefined) return [{ file, change: 'removed' }];
    return [{ file, change: 'modified' }];
  });
}
