/**
 * Rules for files an entry points at (a hero, a body image, an avatar):
 * they exist, are real files rather than symbolic links (a link can point
 * anywhere on the machine that builds the site), and are pictures by their
 * bytes, not only by their name. Decoding the whole photo is the image
 * rules' job (image-rules.ts); these run in microseconds per file.
 */

/** What a path is, as `lstat` sees it (a symbolic link is not followed). */
export type FileKind = 'file' | 'directory' | 'symlink' | 'missing';

/** Read access to the project's files, so rules can be tested without a disk. */
export interface FileProbe {
  /** What `path` (relative to the project root, with `/`) is. */
  kind(path: string): FileKind;
  /** The first `bytes` bytes of a file. */
  head(path: string, bytes: number): Uint8Array;
  /** Every file under a folder (relative to it, with `/`), or [] when there is none. */
  list(folder: string): string[];
}

/** File names sharp can read as a photo. */
export const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

/** How each image format's files begin (`undefined` = any byte). */
const SIGNATURES: (number | undefined)[][] = [
  [0xff, 0xd8, 0xff], // JPEG
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x52, 0x49, 0x46, 0x46, undefined, undefined, undefined, undefined, 0x57, 0x45, 0x42, 0x50], // RIFF….WEBP
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
  // ISO BMFF `ftyp` box (AVIF, HEIF): the brand is checked by the decoder.
  [undefined, undefined, undefined, undefined, 0x66, 0x74, 0x79, 0x70],
];

/** Whether `bytes` begin like a JPEG, PNG, GIF, WebP, TIFF or AVIF file. */
export function looksLikeImage(bytes: Uint8Array): boolean {
  return SIGNATURES.some(
    (signature) =>
      bytes.length >= signature.length &&
      signature.every((byte, index) => byte === undefined || bytes[index] === byte),
  );
}

/**
 * Why the image file at `path` (relative to the project root) cannot be
 * published, or undefined when it can; `written` is the reference as the
 * editor wrote it.
 */
export function imageFileProblem(
  written: string,
  path: string,
  probe: FileProbe,
): string | undefined {
  if (!IMAGE_FILE.test(path)) {
    return `"${written}" is not an image; use a JPEG, PNG, WebP or AVIF file`;
  }
  switch (probe.kind(path)) {
    case 'missing':
      return `"${written}" does not exist (looked for ${path})`;
    case 'directory':
      return `"${written}" is a folder, not an image file`;
    case 'symlink':
      return `"${written}" is a symbolic link; put the photo file itself beside the article`;
    case 'file':
      return looksLikeImage(probe.head(path, 12))
        ? undefined
        : `"${written}" is not a picture (its bytes are not JPEG, PNG, WebP, AVIF, GIF or TIFF), whatever its name says; export the photo again`;
  }
}
