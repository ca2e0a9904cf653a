import type { FileKind, FileProbe } from './file-reference-rules';

/** A {@link FileProbe} over an in-memory folder (path → kind and first bytes), for tests. */
export function fakeProbe(files: Record<string, [FileKind, Uint8Array?]>): FileProbe {
  return {
    kind: (path) => files[path]?.[0] ?? 'missing',
    head: (path, bytes) => (files[path]?.[1] ?? new Uint8Array()).subarray(0, bytes),
    list: (folder) =>
      Object.keys(files)
        .filter((path) => path.startsWith(`${folder}/`))
        .map((path) => path.slice(folder.length + 1)),
  };
}
